#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<16x64x64xf32>, %arg1: tensor<16x64x128xf32>) -> tensor<16x64x128xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<16x64x128xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<16x64x128xf32>) -> tensor<16x64x128xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<16x64x64xf32>, tensor<16x64x128xf32>) outs(%1 : tensor<16x64x128xf32>) -> tensor<16x64x128xf32>
    %3 = tensor.empty() : tensor<16x64x128xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2 : tensor<16x64x128xf32>) outs(%3 : tensor<16x64x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.negf %in : f32
      %8 = math.exp %7 : f32
      %9 = arith.addf %8, %cst_0 : f32
      %10 = arith.divf %cst_0, %9 : f32
      linalg.yield %10 : f32
    } -> tensor<16x64x128xf32>
    %5 = tensor.empty() : tensor<16x64x128xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%4 : tensor<16x64x128xf32>) outs(%5 : tensor<16x64x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.negf %in : f32
      %8 = math.exp %7 : f32
      %9 = arith.addf %8, %cst_0 : f32
      %10 = arith.divf %cst_0, %9 : f32
      linalg.yield %10 : f32
    } -> tensor<16x64x128xf32>
    return %6 : tensor<16x64x128xf32>
  }
}
