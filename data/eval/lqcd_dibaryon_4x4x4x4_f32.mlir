module {
  func.func @main(%arg0: tensor<256x3x3x2xf32>, %arg1: tensor<256x3x3x2xf32>, %arg2: tensor<256x3x3x2xf32>, %arg3: tensor<256x3x3x2xf32>, %arg4: tensor<256x3x3x2xf32>, %arg5: tensor<256x3x3x2xf32>) -> tensor<4x2xf32> {
    %zero = arith.constant 0.0 : f32
    %one = arith.constant 1.0 : f32
    %two = arith.constant 2.0 : f32
    %c2 = arith.constant 2 : index
    %1 = tensor.empty() : tensor<256x3x3x3x2xf32>
    %2 = linalg.fill ins(%zero : f32) outs(%1 : tensor<256x3x3x3x2xf32>) -> tensor<256x3x3x3x2xf32>
    %3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d5, d3, d4)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%arg0 : tensor<256x3x3x2xf32>) outs(%2 : tensor<256x3x3x3x2xf32>) {
    ^bb0(%x0: f32, %acc: f32):
      %i = linalg.index 5 : index
      %j = linalg.index 1 : index
      %l = linalg.index 2 : index
      %e1 = arith.subi %i, %j : index
      %e2 = arith.subi %j, %l : index
      %e3 = arith.subi %l, %i : index
      %e12 = arith.muli %e1, %e2 : index
      %e123 = arith.muli %e12, %e3 : index
      %e = arith.divsi %e123, %c2 : index
      %en = arith.index_cast %e : index to i64
      %ef = arith.sitofp %en : i64 to f32
      %m = arith.mulf %ef, %x0 : f32
      %r = arith.addf %acc, %m : f32
      linalg.yield %r : f32
    } -> tensor<256x3x3x3x2xf32>
    %4 = tensor.empty() : tensor<256x3x3x3x2xf32>
    %5 = linalg.fill ins(%zero : f32) outs(%4 : tensor<256x3x3x3x2xf32>) -> tensor<256x3x3x3x2xf32>
    %6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d1, d2, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 0)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 1)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%3, %arg1, %arg1 : tensor<256x3x3x3x2xf32>, tensor<256x3x3x2xf32>, tensor<256x3x3x2xf32>) outs(%5 : tensor<256x3x3x3x2xf32>) {
    ^bb0(%x0: f32, %x1: f32, %x2: f32, %acc: f32):
      %ki = linalg.index 4 : index
      %pi = linalg.index 6 : index
      %kn = arith.index_cast %ki : index to i64
      %pn = arith.index_cast %pi : index to i64
      %k = arith.sitofp %kn : i64 to f32
      %p = arith.sitofp %pn : i64 to f32
      %kp = arith.mulf %k, %p : f32
      %kp2x = arith.mulf %kp, %two : f32
      %kpsum = arith.addf %k, %p : f32
      %x = arith.subf %kpsum, %kp2x : f32
      %nx = arith.subf %one, %x : f32
      %pkp = arith.subf %p, %kp : f32
      %pkp2 = arith.mulf %pkp, %two : f32
      %sg = arith.subf %one, %pkp2 : f32
      %nxs = arith.mulf %x, %sg : f32
      %b0 = arith.mulf %nx, %x1 : f32
      %b1 = arith.mulf %nxs, %x2 : f32
      %bb = arith.addf %b0, %b1 : f32
      %m = arith.mulf %x0, %bb : f32
      %r = arith.addf %acc, %m : f32
      linalg.yield %r : f32
    } -> tensor<256x3x3x3x2xf32>
    %7 = tensor.empty() : tensor<256x3x3x3x2xf32>
    %8 = linalg.fill ins(%zero : f32) outs(%7 : tensor<256x3x3x3x2xf32>) -> tensor<256x3x3x3x2xf32>
    %9 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d1, d2, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 0)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 1)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%6, %arg2, %arg2 : tensor<256x3x3x3x2xf32>, tensor<256x3x3x2xf32>, tensor<256x3x3x2xf32>) outs(%8 : tensor<256x3x3x3x2xf32>) {
    ^bb0(%x0: f32, %x1: f32, %x2: f32, %acc: f32):
      %ki = linalg.index 4 : index
      %pi = linalg.index 6 : index
      %kn = arith.index_cast %ki : index to i64
      %pn = arith.index_cast %pi : index to i64
      %k = arith.sitofp %kn : i64 to f32
      %p = arith.sitofp %pn : i64 to f32
      %kp = arith.mulf %k, %p : f32
      %kp2x = arith.mulf %kp, %two : f32
      %kpsum = arith.addf %k, %p : f32
      %x = arith.subf %kpsum, %kp2x : f32
      %nx = arith.subf %one, %x : f32
      %pkp = arith.subf %p, %kp : f32
      %pkp2 = arith.mulf %pkp, %two : f32
      %sg = arith.subf %one, %pkp2 : f32
      %nxs = arith.mulf %x, %sg : f32
      %b0 = arith.mulf %nx, %x1 : f32
      %b1 = arith.mulf %nxs, %x2 : f32
      %bb = arith.addf %b0, %b1 : f32
      %m = arith.mulf %x0, %bb : f32
      %r = arith.addf %acc, %m : f32
      linalg.yield %r : f32
    } -> tensor<256x3x3x3x2xf32>
    %10 = tensor.expand_shape %9 [[0, 1], [2], [3], [4], [5]] output_shape [4, 64, 3, 3, 3, 2] : tensor<256x3x3x3x2xf32> into tensor<4x64x3x3x3x2xf32>
    %11 = tensor.empty() : tensor<256x3x3x3x2xf32>
    %12 = linalg.fill ins(%zero : f32) outs(%11 : tensor<256x3x3x3x2xf32>) -> tensor<256x3x3x3x2xf32>
    %13 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d5, d3, d4)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%arg3 : tensor<256x3x3x2xf32>) outs(%12 : tensor<256x3x3x3x2xf32>) {
    ^bb0(%x0: f32, %acc: f32):
      %i = linalg.index 5 : index
      %j = linalg.index 1 : index
      %l = linalg.index 2 : index
      %e1 = arith.subi %i, %j : index
      %e2 = arith.subi %j, %l : index
      %e3 = arith.subi %l, %i : index
      %e12 = arith.muli %e1, %e2 : index
      %e123 = arith.muli %e12, %e3 : index
      %e = arith.divsi %e123, %c2 : index
      %en = arith.index_cast %e : index to i64
      %ef = arith.sitofp %en : i64 to f32
      %m = arith.mulf %ef, %x0 : f32
      %r = arith.addf %acc, %m : f32
      linalg.yield %r : f32
    } -> tensor<256x3x3x3x2xf32>
    %14 = tensor.empty() : tensor<256x3x3x3x2xf32>
    %15 = linalg.fill ins(%zero : f32) outs(%14 : tensor<256x3x3x3x2xf32>) -> tensor<256x3x3x3x2xf32>
    %16 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d1, d2, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 0)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 1)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%13, %arg4, %arg4 : tensor<256x3x3x3x2xf32>, tensor<256x3x3x2xf32>, tensor<256x3x3x2xf32>) outs(%15 : tensor<256x3x3x3x2xf32>) {
    ^bb0(%x0: f32, %x1: f32, %x2: f32, %acc: f32):
      %ki = linalg.index 4 : index
      %pi = linalg.index 6 : index
      %kn = arith.index_cast %ki : index to i64
      %pn = arith.index_cast %pi : index to i64
      %k = arith.sitofp %kn : i64 to f32
      %p = arith.sitofp %pn : i64 to f32
      %kp = arith.mulf %k, %p : f32
      %kp2x = arith.mulf %kp, %two : f32
      %kpsum = arith.addf %k, %p : f32
      %x = arith.subf %kpsum, %kp2x : f32
      %nx = arith.subf %one, %x : f32
      %pkp = arith.subf %p, %kp : f32
      %pkp2 = arith.mulf %pkp, %two : f32
      %sg = arith.subf %one, %pkp2 : f32
      %nxs = arith.mulf %x, %sg : f32
      %b0 = arith.mulf %nx, %x1 : f32
      %b1 = arith.mulf %nxs, %x2 : f32
      %bb = arith.addf %b0, %b1 : f32
      %m = arith.mulf %x0, %bb : f32
      %r = arith.addf %acc, %m : f32
      linalg.yield %r : f32
    } -> tensor<256x3x3x3x2xf32>
    %17 = tensor.empty() : tensor<256x3x3x3x2xf32>
    %18 = linalg.fill ins(%zero : f32) outs(%17 : tensor<256x3x3x3x2xf32>) -> tensor<256x3x3x3x2xf32>
    %19 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d1, d2, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 0)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 1)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%16, %arg5, %arg5 : tensor<256x3x3x3x2xf32>, tensor<256x3x3x2xf32>, tensor<256x3x3x2xf32>) outs(%18 : tensor<256x3x3x3x2xf32>) {
    ^bb0(%x0: f32, %x1: f32, %x2: f32, %acc: f32):
      %ki = linalg.index 4 : index
      %pi = linalg.index 6 : index
      %kn = arith.index_cast %ki : index to i64
      %pn = arith.index_cast %pi : index to i64
      %k = arith.sitofp %kn : i64 to f32
      %p = arith.sitofp %pn : i64 to f32
      %kp = arith.mulf %k, %p : f32
      %kp2x = arith.mulf %kp, %two : f32
      %kpsum = arith.addf %k, %p : f32
      %x = arith.subf %kpsum, %kp2x : f32
      %nx = arith.subf %one, %x : f32
      %pkp = arith.subf %p, %kp : f32
      %pkp2 = arith.mulf %pkp, %two : f32
      %sg = arith.subf %one, %pkp2 : f32
      %nxs = arith.mulf %x, %sg : f32
      %b0 = arith.mulf %nx, %x1 : f32
      %b1 = arith.mulf %nxs, %x2 : f32
      %bb = arith.addf %b0, %b1 : f32
      %m = arith.mulf %x0, %bb : f32
      %r = arith.addf %acc, %m : f32
      linalg.yield %r : f32
    } -> tensor<256x3x3x3x2xf32>
    %20 = tensor.expand_shape %19 [[0, 1], [2], [3], [4], [5]] output_shape [4, 64, 3, 3, 3, 2] : tensor<256x3x3x3x2xf32> into tensor<4x64x3x3x3x2xf32>
    %21 = tensor.empty() : tensor<4x3x3x2xf32>
    %22 = linalg.fill ins(%zero : f32) outs(%21 : tensor<4x3x3x2xf32>) -> tensor<4x3x3x2xf32>
    %23 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d5, d6, d2, d3)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%10 : tensor<4x64x3x3x3x2xf32>) outs(%22 : tensor<4x3x3x2xf32>) {
    ^bb0(%x0: f32, %acc: f32):
      %i = linalg.index 5 : index
      %j = linalg.index 6 : index
      %l = linalg.index 1 : index
      %e1 = arith.subi %i, %j : index
      %e2 = arith.subi %j, %l : index
      %e3 = arith.subi %l, %i : index
      %e12 = arith.muli %e1, %e2 : index
      %e123 = arith.muli %e12, %e3 : index
      %e = arith.divsi %e123, %c2 : index
      %en = arith.index_cast %e : index to i64
      %ef = arith.sitofp %en : i64 to f32
      %m = arith.mulf %ef, %x0 : f32
      %r = arith.addf %acc, %m : f32
      linalg.yield %r : f32
    } -> tensor<4x3x3x2xf32>
    %24 = tensor.empty() : tensor<4x3x3x2xf32>
    %25 = linalg.fill ins(%zero : f32) outs(%24 : tensor<4x3x3x2xf32>) -> tensor<4x3x3x2xf32>
    %26 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d5, d6, d2, d3)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%20 : tensor<4x64x3x3x3x2xf32>) outs(%25 : tensor<4x3x3x2xf32>) {
    ^bb0(%x0: f32, %acc: f32):
      %i = linalg.index 5 : index
      %j = linalg.index 6 : index
      %l = linalg.index 1 : index
      %e1 = arith.subi %i, %j : index
      %e2 = arith.subi %j, %l : index
      %e3 = arith.subi %l, %i : index
      %e12 = arith.muli %e1, %e2 : index
      %e123 = arith.muli %e12, %e3 : index
      %e = arith.divsi %e123, %c2 : index
      %en = arith.index_cast %e : index to i64
      %ef = arith.sitofp %en : i64 to f32
      %m = arith.mulf %ef, %x0 : f32
      %r = arith.addf %acc, %m : f32
      linalg.yield %r : f32
    } -> tensor<4x3x3x2xf32>
    %27 = tensor.empty() : tensor<4x2xf32>
    %28 = linalg.fill ins(%zero : f32) outs(%27 : tensor<4x2xf32>) -> tensor<4x2xf32>
    %29 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d2, 0)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d2, 1)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%23, %26, %26 : tensor<4x3x3x2xf32>, tensor<4x3x3x2xf32>, tensor<4x3x3x2xf32>) outs(%28 : tensor<4x2xf32>) {
    ^bb0(%x0: f32, %x1: f32, %x2: f32, %acc: f32):
      %ki = linalg.index 1 : index
      %pi = linalg.index 4 : index
      %kn = arith.index_cast %ki : index to i64
      %pn = arith.index_cast %pi : index to i64
      %k = arith.sitofp %kn : i64 to f32
      %p = arith.sitofp %pn : i64 to f32
      %kp = arith.mulf %k, %p : f32
      %kp2x = arith.mulf %kp, %two : f32
      %kpsum = arith.addf %k, %p : f32
      %x = arith.subf %kpsum, %kp2x : f32
      %nx = arith.subf %one, %x : f32
      %pkp = arith.subf %p, %kp : f32
      %pkp2 = arith.mulf %pkp, %two : f32
      %sg = arith.subf %one, %pkp2 : f32
      %nxs = arith.mulf %x, %sg : f32
      %b0 = arith.mulf %nx, %x1 : f32
      %b1 = arith.mulf %nxs, %x2 : f32
      %bb = arith.addf %b0, %b1 : f32
      %m = arith.mulf %x0, %bb : f32
      %r = arith.addf %acc, %m : f32
      linalg.yield %r : f32
    } -> tensor<4x2xf32>
    return %29 : tensor<4x2xf32>
  }
}
