#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main(%arg0: tensor<64x256xf32>, %arg1: tensor<256x768xf32>, %arg2: tensor<768xf32>) -> tensor<4x64x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<64x768xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<64x768xf32>) -> tensor<64x768xf32>
    %2 = linalg.matmul ins(%arg0, %arg1 : tensor<64x256xf32>, tensor<256x768xf32>) outs(%1 : tensor<64x768xf32>) -> tensor<64x768xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%2, %arg2 : tensor<64x768xf32>, tensor<768xf32>) outs(%0 : tensor<64x768xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %9 = arith.addf %in, %in_4 : f32
      linalg.yield %9 : f32
    } -> tensor<64x768xf32>
    %expanded = tensor.expand_shape %3 [[0, 1], [2, 3, 4]] output_shape [1, 64, 3, 4, 64] : tensor<64x768xf32> into tensor<1x64x3x4x64xf32>
    %4 = tensor.empty() : tensor<3x1x4x64x64xf32>
    %transposed = linalg.transpose ins(%expanded : tensor<1x64x3x4x64xf32>) outs(%4 : tensor<3x1x4x64x64xf32>) permutation = [2, 0, 3, 1, 4] 
    %extracted_slice = tensor.extract_slice %transposed[0, 0, 0, 0, 0] [1, 1, 4, 64, 64] [1, 1, 1, 1, 1] : tensor<3x1x4x64x64xf32> to tensor<1x1x4x64x64xf32>
    %extracted_slice_0 = tensor.extract_slice %transposed[1, 0, 0, 0, 0] [1, 1, 4, 64, 64] [1, 1, 1, 1, 1] : tensor<3x1x4x64x64xf32> to tensor<1x1x4x64x64xf32>
    %collapsed = tensor.collapse_shape %extracted_slice_0 [[0, 1], [2], [3], [4]] : tensor<1x1x4x64x64xf32> into tensor<1x4x64x64xf32>
    %5 = tensor.empty() : tensor<1x4x64x64xf32>
    %transposed_1 = linalg.transpose ins(%collapsed : tensor<1x4x64x64xf32>) outs(%5 : tensor<1x4x64x64xf32>) permutation = [0, 1, 3, 2] 
    %collapsed_2 = tensor.collapse_shape %extracted_slice [[0, 1, 2], [3], [4]] : tensor<1x1x4x64x64xf32> into tensor<4x64x64xf32>
    %collapsed_3 = tensor.collapse_shape %transposed_1 [[0, 1], [2], [3]] : tensor<1x4x64x64xf32> into tensor<4x64x64xf32>
    %6 = tensor.empty() : tensor<4x64x64xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    %8 = linalg.batch_matmul ins(%collapsed_2, %collapsed_3 : tensor<4x64x64xf32>, tensor<4x64x64xf32>) outs(%7 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    return %8 : tensor<4x64x64xf32>
  }
}
