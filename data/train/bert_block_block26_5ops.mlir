#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main(%arg0: tensor<1x64x256xf32>, %arg1: tensor<768x256xf32>, %arg2: tensor<768xf32>) -> tensor<1x4x64x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<1x64x256xf32> into tensor<64x256xf32>
    %0 = tensor.empty() : tensor<256x768xf32>
    %transposed = linalg.transpose ins(%arg1 : tensor<768x256xf32>) outs(%0 : tensor<256x768xf32>) permutation = [1, 0] 
    %1 = tensor.empty() : tensor<64x768xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<64x768xf32>) -> tensor<64x768xf32>
    %3 = linalg.matmul ins(%collapsed, %transposed : tensor<64x256xf32>, tensor<256x768xf32>) outs(%2 : tensor<64x768xf32>) -> tensor<64x768xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%3, %arg2 : tensor<64x768xf32>, tensor<768xf32>) outs(%1 : tensor<64x768xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %7 = arith.addf %in, %in_3 : f32
      linalg.yield %7 : f32
    } -> tensor<64x768xf32>
    %expanded = tensor.expand_shape %4 [[0, 1], [2, 3, 4]] output_shape [1, 64, 3, 4, 64] : tensor<64x768xf32> into tensor<1x64x3x4x64xf32>
    %5 = tensor.empty() : tensor<3x1x4x64x64xf32>
    %transposed_0 = linalg.transpose ins(%expanded : tensor<1x64x3x4x64xf32>) outs(%5 : tensor<3x1x4x64x64xf32>) permutation = [2, 0, 3, 1, 4] 
    %extracted_slice = tensor.extract_slice %transposed_0[1, 0, 0, 0, 0] [1, 1, 4, 64, 64] [1, 1, 1, 1, 1] : tensor<3x1x4x64x64xf32> to tensor<1x1x4x64x64xf32>
    %collapsed_1 = tensor.collapse_shape %extracted_slice [[0, 1], [2], [3], [4]] : tensor<1x1x4x64x64xf32> into tensor<1x4x64x64xf32>
    %6 = tensor.empty() : tensor<1x4x64x64xf32>
    %transposed_2 = linalg.transpose ins(%collapsed_1 : tensor<1x4x64x64xf32>) outs(%6 : tensor<1x4x64x64xf32>) permutation = [0, 1, 3, 2] 
    return %transposed_2 : tensor<1x4x64x64xf32>
  }
}
