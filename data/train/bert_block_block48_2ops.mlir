#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
module {
  func.func @main(%arg0: tensor<1x4x64x64xf32>, %arg1: tensor<1x4x64x1xf32>, %arg2: tensor<1x1x4x64x64xf32>) -> tensor<4x64x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x4x64x64xf32>
    %1 = tensor.empty() : tensor<4x64x64xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<1x4x64x64xf32>, tensor<1x4x64x1xf32>) outs(%0 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %5 = arith.divf %in, %in_1 : f32
      linalg.yield %5 : f32
    } -> tensor<1x4x64x64xf32>
    %collapsed = tensor.collapse_shape %3 [[0, 1], [2], [3]] : tensor<1x4x64x64xf32> into tensor<4x64x64xf32>
    %collapsed_0 = tensor.collapse_shape %arg2 [[0, 1, 2], [3], [4]] : tensor<1x1x4x64x64xf32> into tensor<4x64x64xf32>
    %4 = linalg.batch_matmul ins(%collapsed, %collapsed_0 : tensor<4x64x64xf32>, tensor<4x64x64xf32>) outs(%2 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    return %4 : tensor<4x64x64xf32>
  }
}
