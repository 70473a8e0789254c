module {
  func.func @main(%arg0: tensor<256x3x3x2xf64>, %arg1: tensor<256x3x3x2xf64>) -> tensor<256x3x3x2xf64> {
    %zero = arith.constant 0.0 : f64
    %one = arith.constant 1.0 : f64
    %two = arith.constant 2.0 : f64
    %c2 = arith.constant 2 : index
    %1 = tensor.empty() : tensor<256x3x3x2xf64>
    %2 = linalg.fill ins(%zero : f64) outs(%1 : tensor<256x3x3x2xf64>) -> tensor<256x3x3x2xf64>
    %3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d4, d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d4, d2, 0)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d4, d2, 1)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1, %arg1 : tensor<256x3x3x2xf64>, tensor<256x3x3x2xf64>, tensor<256x3x3x2xf64>) outs(%2 : tensor<256x3x3x2xf64>) {
    ^bb0(%x0: f64, %x1: f64, %x2: f64, %acc: f64):
      %ki = linalg.index 3 : index
      %pi = linalg.index 5 : index
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
    } -> tensor<256x3x3x2xf64>
    return %3 : tensor<256x3x3x2xf64>
  }
}
