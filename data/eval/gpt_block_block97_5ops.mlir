#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<1x4x64x64xf32>, %arg1: tensor<256x256xf32>, %arg2: tensor<256xf32>, %arg3: tensor<1x64x256xf32>) -> tensor<1x64x256xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x64x256xf32>
    %1 = tensor.empty() : tensor<1x64x4x64xf32>
    %transposed = linalg.transpose ins(%arg0 : tensor<1x4x64x64xf32>) outs(%1 : tensor<1x64x4x64xf32>) permutation = [0, 2, 1, 3] 
    %collapsed = tensor.collapse_shape %transposed [[0, 1], [2, 3]] : tensor<1x64x4x64xf32> into tensor<64x256xf32>
    %2 = tensor.empty() : tensor<256x256xf32>
    %transposed_0 = linalg.transpose ins(%arg1 : tensor<256x256xf32>) outs(%2 : tensor<256x256xf32>) permutation = [1, 0] 
    %3 = tensor.empty() : tensor<64x256xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<64x256xf32>) -> tensor<64x256xf32>
    %5 = linalg.matmul ins(%collapsed, %transposed_0 : tensor<64x256xf32>, tensor<256x256xf32>) outs(%4 : tensor<64x256xf32>) -> tensor<64x256xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%5, %arg2 : tensor<64x256xf32>, tensor<256xf32>) outs(%3 : tensor<64x256xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %8 = arith.addf %in, %in_1 : f32
      linalg.yield %8 : f32
    } -> tensor<64x256xf32>
    %expanded = tensor.expand_shape %6 [[0, 1], [2]] output_shape [1, 64, 256] : tensor<64x256xf32> into tensor<1x64x256xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg3, %expanded : tensor<1x64x256xf32>, tensor<1x64x256xf32>) outs(%0 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %8 = arith.addf %in, %in_1 : f32
      linalg.yield %8 : f32
    } -> tensor<1x64x256xf32>
    return %7 : tensor<1x64x256xf32>
  }
}
