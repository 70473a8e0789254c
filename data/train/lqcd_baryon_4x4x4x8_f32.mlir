module {
  func.func @main(%arg0: tensor<512x3x3x2xf32>, %arg1: tensor<512x3x3x2xf32>, %arg2: tensor<512x3x3x2xf32>) -> tensor<8x2xf32> {
    %zero = arith.constant 0.0 : f32
    %one = arith.constant 1.0 : f32
    %two = arith.constant 2.0 : f32
    %c2 = arith.constant 2 : index
    %1 = tensor.empty() : tensor<512x3x3x3x2xf32>
    %2 = linalg.fill ins(%zero : f32) outs(%1 : tensor<512x3x3x3x2xf32>) -> tensor<512x3x3x3x2xf32>
    %3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d5, d3, d4)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%arg0 : tensor<512x3x3x2xf32>) outs(%2 : tensor<512x3x3x3x2xf32>) {
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
    } -> tensor<512x3x3x3x2xf32>
    %4 = tensor.empty() : tensor<512x3x3x3x2xf32>
    %5 = linalg.fill ins(%zero : f32) outs(%4 : tensor<512x3x3x3x2xf32>) -> tensor<512x3x3x3x2xf32>
    %6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d1, d2, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 0)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 1)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%3, %arg1, %arg1 : tensor<512x3x3x3x2xf32>, tensor<512x3x3x2xf32>, tensor<512x3x3x2xf32>) outs(%5 : tensor<512x3x3x3x2xf32>) {
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
    } -> tensor<512x3x3x3x2xf32>
    %7 = tensor.empty() : tensor<512x3x3x3x2xf32>
    %8 = linalg.fill ins(%zero : f32) outs(%7 : tensor<512x3x3x3x2xf32>) -> tensor<512x3x3x3x2xf32>
    %9 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d1, d2, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 0)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 1)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%6, %arg2, %arg2 : tensor<512x3x3x3x2xf32>, tensor<512x3x3x2xf32>, tensor<512x3x3x2xf32>) outs(%8 : tensor<512x3x3x3x2xf32>) {
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
    } -> tensor<512x3x3x3x2xf32>
    %10 = tensor.expand_shape %9 [[0, 1], [2], [3], [4], [5]] output_shape [8, 64, 3, 3, 3, 2] : tensor<512x3x3x3x2xf32> into tensor<8x64x3x3x3x2xf32>
    %11 = tensor.empty() : tensor<8x2xf32>
    %12 = linalg.fill ins(%zero : f32) outs(%11 : tensor<8x2xf32>) -> tensor<8x2xf32>
    %13 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d2, d3, d4, d5, d1)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%10 : tensor<8x64x3x3x3x2xf32>) outs(%12 : tensor<8x2xf32>) {
    ^bb0(%x0: f32, %acc: f32):
      %i = linalg.index 3 : index
      %j = linalg.index 4 : index
      %l = linalg.index 5 : index
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
    } -> tensor<8x2xf32>
    return %13 : tensor<8x2xf32>
  }
}
