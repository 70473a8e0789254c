#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<2x256x128xf32>, %arg1: tensor<2x128x196xf32>, %arg2: tensor<2x256x196xf32>, %arg3: tensor<2x256x196xf32>) -> tensor<2x256x196xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x256x196xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x256x196xf32>) -> tensor<2x256x196xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<2x256x128xf32>, tensor<2x128x196xf32>) outs(%1 : tensor<2x256x196xf32>) -> tensor<2x256x196xf32>
    %3 = tensor.empty() : tensor<2x256x196xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2 : tensor<2x256x196xf32>) outs(%3 : tensor<2x256x196xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.negf %in : f32
      %10 = math.exp %9 : f32
      %11 = arith.addf %10, %cst_0 : f32
      %12 = arith.divf %cst_0, %11 : f32
      linalg.yield %12 : f32
    } -> tensor<2x256x196xf32>
    %5 = tensor.empty() : tensor<2x256x196xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%4, %arg2 : tensor<2x256x196xf32>, tensor<2x256x196xf32>) outs(%5 : tensor<2x256x196xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %9 = arith.mulf %in, %in_1 : f32
      linalg.yield %9 : f32
    } -> tensor<2x256x196xf32>
    %7 = tensor.empty() : tensor<2x256x196xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%6, %arg3 : tensor<2x256x196xf32>, tensor<2x256x196xf32>) outs(%7 : tensor<2x256x196xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %9 = arith.mulf %in, %in_1 : f32
      linalg.yield %9 : f32
    } -> tensor<2x256x196xf32>
    return %8 : tensor<2x256x196xf32>
  }
}
