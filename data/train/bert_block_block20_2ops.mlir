#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main(%arg0: tensor<64x768xf32>, %arg1: tensor<768xf32>) -> tensor<3x1x4x64x64xf32> {
    %0 = tensor.empty() : tensor<64x768xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<64x768xf32>, tensor<768xf32>) outs(%0 : tensor<64x768xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %3 = arith.addf %in, %in_0 : f32
      linalg.yield %3 : f32
    } -> tensor<64x768xf32>
    %expanded = tensor.expand_shape %1 [[0, 1], [2, 3, 4]] output_shape [1, 64, 3, 4, 64] : tensor<64x768xf32> into tensor<1x64x3x4x64xf32>
    %2 = tensor.empty() : tensor<3x1x4x64x64xf32>
    %transposed = linalg.transpose ins(%expanded : tensor<1x64x3x4x64xf32>) outs(%2 : tensor<3x1x4x64x64xf32>) permutation = [2, 0, 3, 1, 4] 
    return %transposed : tensor<3x1x4x64x64xf32>
  }
}
