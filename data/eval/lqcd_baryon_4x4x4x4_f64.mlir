module {
  func.func @main(%arg0: tensor<256x3x3x2xf64>, %arg1: tensor<256x3x3x2xf64>, %arg2: tensor<256x3x3x2xf64>) -> tensor<4x2xf64> {
    %zero = arith.constant 0.0 : f64
    %one = arith.constant 1.0 : f64
    %two = arith.constant 2.0 : f64
    %c2 = arith.constant 2 : index
    %1 = tensor.empty() : tensor<256x3x3x3x2xf64>
    %2 = linalg.fill ins(%zero : f64) outs(%1 : tensor<256x3x3x3x2xf64>) -> tensor<256x3x3x3x2xf64>
    %3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d5, d3, d4)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%arg0 : tensor<256x3x3x2xf64>) outs(%2 : tensor<256x3x3x3x2xf64>) {
    ^bb0(%x0: f64, %acc: f64):
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
      %ef = arith.sitofp %en : i64 to f64
      %m = arith.mulf %ef, %x0 : f64
      %r = arith.addf %acc, %m : f64
      linalg.yield %r : f64
    } -> tensor<256x3x3x3x2xf64>
    %4 = tensor.empty() : tensor<256x3x3x3x2xf64>
    %5 = linalg.fill ins(%zero : f64) outs(%4 : tensor<256x3x3x3x2xf64>) -> tensor<256x3x3x3x2xf64>
    %6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d1, d2, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 0)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 1)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%3, %arg1, %arg1 : tensor<256x3x3x3x2xf64>, tensor<256x3x3x2xf64>, tensor<256x3x3x2xf64>) outs(%5 : tensor<256x3x3x3x2xf64>) {
    ^bb0(%x0: f64, %x1: f64, %x2: f64, %acc: f64):
      %ki = linalg.index 4 : index
      %pi = linalg.index 6 : index
      %kn = arith.index_cast %ki : index to i64
      %pn = arith.index_cast %pi : index to i64
      %k = arith.sitofp %kn : i64 to f64
      %p = arith.sitofp %pn : i64 to f64
      %kp = arith.mulf %k, %p : f64
      %kp2x = arith.mulf %kp, %two : f64
      %kpsum = arith.addf %k, %p : f64
      %x = arith.subf %kpsum, %kp2x : f64
      %nx = arith.subf %one, %x : f64
      %pkp = arith.subf %p, %kp : f64
      %pkp2 = arith.mulf %pkp, %two : f64
      %sg = arith.subf %one, %pkp2 : f64
      %nxs = arith.mulf %x, %sg : f64
      %b0 = arith.mulf %nx, %x1 : f64
      %b1 = arith.mulf %nxs, %x2 : f64
      %bb = arith.addf %b0, %b1 : f64
      %m = arith.mulf %x0, %bb : f64
      %r = arith.addf %acc, %m : f64
      linalg.yield %r : f64
    } -> tensor<256x3x3x3x2xf64>
    %7 = tensor.empty() : tensor<256x3x3x3x2xf64>
    %8 = linalg.fill ins(%zero : f64) outs(%7 : tensor<256x3x3x3x2xf64>) -> tensor<256x3x3x3x2xf64>
    %9 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d1, d2, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 0)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d3, 1)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%6, %arg2, %arg2 : tensor<256x3x3x3x2xf64>, tensor<256x3x3x2xf64>, tensor<256x3x3x2xf64>) outs(%8 : tensor<256x3x3x3x2xf64>) {
    ^bb0(%x0: f64, %x1: f64, %x2: f64, %acc: f64):
      %ki = linalg.index 4 : index
      %pi = linalg.index 6 : index
      %kn = arith.index_cast %ki : index to i64
      %pn = arith.index_cast %pi : index to i64
      %k = arith.sitofp %kn : i64 to f64
      %p = arith.sitofp %pn : i64 to f64
      %kp = arith.mulf %k, %p : f64
      %kp2x = arith.mulf %kp, %two : f64
      %kpsum = arith.addf %k, %p : f64
      %x = arith.subf %kpsum, %kp2x : f64
      %nx = arith.subf %one, %x : f64
      %pkp = arith.subf %p, %kp : f64
      %pkp2 = arith.mulf %pkp, %two : f64
      %sg = arith.subf %one, %pkp2 : f64
      %nxs = arith.mulf %x, %sg : f64
      %b0 = arith.mulf %nx, %x1 : f64
      %b1 = arith.mulf %nxs, %x2 : f64
      %bb = arith.addf %b0, %b1 : f64
      %m = arith.mulf %x0, %bb : f64
      %r = arith.addf %acc, %m : f64
      linalg.yield %r : f64
    } -> tensor<256x3x3x3x2xf64>
    %10 = tensor.expand_shape %9 [[0, 1], [2], [3], [4], [5]] output_shape [4, 64, 3, 3, 3, 2] : tensor<256x3x3x3x2xf64> into tensor<4x64x3x3x3x2xf64>
    %11 = tensor.empty() : tensor<4x2xf64>
    %12 = linalg.fill ins(%zero : f64) outs(%11 : tensor<4x2xf64>) -> tensor<4x2xf64>
    %13 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d2, d3, d4, d5, d1)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%10 : tensor<4x64x3x3x3x2xf64>) outs(%12 : tensor<4x2xf64>) {
    ^bb0(%x0: f64, %acc: f64):
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
      %ef = arith.sitofp %en : i64 to f64
      %m = arith.mulf %ef, %x0 : f64
      %r = arith.addf %acc, %m : f64
      linalg.yield %r : f64
    } -> tensor<4x2xf64>
    return %13 : tensor<4x2xf64>
  }
}
