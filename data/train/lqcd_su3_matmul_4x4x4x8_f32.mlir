module {
  func.func @main(%arg0: tensor<512x3x3x2xf32>, %arg1: tensor<512x3x3x2xf32>) -> tensor<512x3x3x2xf32> {
    %zero = arith.constant 0.0 : f32
    %one = arith.constant 1.0 : f32
    %two = arith.constant 2.0 : f32
    %c2 = arith.constant 2 : index
    %1 = tensor.empty() : tensor<512x3x3x2xf32>
    %2 = linalg.fill ins(%zero : f32) outs(%1 : tensor<512x3x3x2xf32>) -> tensor<512x3x3x2xf32>
    %3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d4, d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d4, d2, 0)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d4, d2, 1)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%arg0, %arg1, %arg1 : tensor<512x3x3x2xf32>, tensor<512x3x3x2xf32>, tensor<512x3x3x2xf32>) outs(%2 : tensor<512x3x3x2xf32>) {
    ^bb0(%x0: f32, %x1: f32, %x2: f32, %acc: f32):
      %ki = linalg.index 3 : index
      %pi = linalg.index 5 : index
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
    } -> tensor<512x3x3x2xf32>
    return %3 : tensor<512x3x3x2xf32>
  }
}
