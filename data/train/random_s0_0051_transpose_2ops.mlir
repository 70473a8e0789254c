#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<2x64x64xf32>) -> tensor<2x64x64xf32> {
    %cst = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_0 = arith.constant 4.471500e-02 : f32
    %cst_1 = arith.constant 0.797884583 : f32
    %cst_2 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<2x64x64xf32>
    %transposed = linalg.transpose ins(%arg0 : tensor<2x64x64xf32>) outs(%0 : tensor<2x64x64xf32>) permutation = [0, 2, 1] 
    %1 = tensor.empty() : tensor<2x64x64xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%transposed : tensor<2x64x64xf32>) outs(%1 : tensor<2x64x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %3 = math.fpowi %in, %c3_i64 : f32, i64
      %4 = arith.mulf %3, %cst_0 : f32
      %5 = arith.addf %in, %4 : f32
      %6 = arith.mulf %5, %cst_1 : f32
      %7 = math.tanh %6 : f32
      %8 = arith.addf %7, %cst : f32
      %9 = arith.mulf %8, %cst_2 : f32
      %10 = arith.mulf %in, %9 : f32
      linalg.yield %10 : f32
    } -> tensor<2x64x64xf32>
    return %2 : tensor<2x64x64xf32>
  }
}
