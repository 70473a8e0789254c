#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
#map2 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<64x768xf32>, %arg1: tensor<768xf32>) -> tensor<1x4x64x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 8.000000e+00 : f32
    %0 = tensor.empty() : tensor<64x768xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<64x768xf32>, tensor<768xf32>) outs(%0 : tensor<64x768xf32>) {
    ^bb0(%in: f32, %in_6: f32, %out: f32):
      %8 = arith.addf %in, %in_6 : f32
      linalg.yield %8 : f32
    } -> tensor<64x768xf32>
    %expanded = tensor.expand_shape %1 [[0, 1], [2, 3, 4]] output_shape [1, 64, 3, 4, 64] : tensor<64x768xf32> into tensor<1x64x3x4x64xf32>
    %2 = tensor.empty() : tensor<3x1x4x64x64xf32>
    %transposed = linalg.transpose ins(%expanded : tensor<1x64x3x4x64xf32>) outs(%2 : tensor<3x1x4x64x64xf32>) permutation = [2, 0, 3, 1, 4] 
    %extracted_slice = tensor.extract_slice %transposed[0, 0, 0, 0, 0] [1, 1, 4, 64, 64] [1, 1, 1, 1, 1] : tensor<3x1x4x64x64xf32> to tensor<1x1x4x64x64xf32>
    %extracted_slice_1 = tensor.extract_slice %transposed[1, 0, 0, 0, 0] [1, 1, 4, 64, 64] [1, 1, 1, 1, 1] : tensor<3x1x4x64x64xf32> to tensor<1x1x4x64x64xf32>
    %collapsed = tensor.collapse_shape %extracted_slice_1 [[0, 1], [2], [3], [4]] : tensor<1x1x4x64x64xf32> into tensor<1x4x64x64xf32>
    %3 = tensor.empty() : tensor<1x4x64x64xf32>
    %transposed_2 = linalg.transpose ins(%collapsed : tensor<1x4x64x64xf32>) outs(%3 : tensor<1x4x64x64xf32>) permutation = [0, 1, 3, 2] 
    %collapsed_3 = tensor.collapse_shape %extracted_slice [[0, 1, 2], [3], [4]] : tensor<1x1x4x64x64xf32> into tensor<4x64x64xf32>
    %collapsed_4 = tensor.collapse_shape %transposed_2 [[0, 1], [2], [3]] : tensor<1x4x64x64xf32> into tensor<4x64x64xf32>
    %4 = tensor.empty() : tensor<4x64x64xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    %6 = linalg.batch_matmul ins(%collapsed_3, %collapsed_4 : tensor<4x64x64xf32>, tensor<4x64x64xf32>) outs(%5 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    %expanded_5 = tensor.expand_shape %6 [[0, 1], [2], [3]] output_shape [1, 4, 64, 64] : tensor<4x64x64xf32> into tensor<1x4x64x64xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_5 : tensor<1x4x64x64xf32>) outs(%3 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.divf %in, %cst_0 : f32
      linalg.yield %8 : f32
    } -> tensor<1x4x64x64xf32>
    return %7 : tensor<1x4x64x64xf32>
  }
}
