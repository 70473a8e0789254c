#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
module {
  func.func @main(%arg0: tensor<1x64x4x64xf32>, %arg1: tensor<256x256xf32>, %arg2: tensor<256xf32>, %arg3: tensor<1x64x256xf32>) -> tensor<1x64x1xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x64x1xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x64x1xf32>) -> tensor<1x64x1xf32>
    %2 = tensor.empty() : tensor<1x64x256xf32>
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2, 3]] : tensor<1x64x4x64xf32> into tensor<64x256xf32>
    %3 = tensor.empty() : tensor<256x256xf32>
    %transposed = linalg.transpose ins(%arg1 : tensor<256x256xf32>) outs(%3 : tensor<256x256xf32>) permutation = [1, 0] 
    %4 = tensor.empty() : tensor<64x256xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<64x256xf32>) -> tensor<64x256xf32>
    %6 = linalg.matmul ins(%collapsed, %transposed : tensor<64x256xf32>, tensor<256x256xf32>) outs(%5 : tensor<64x256xf32>) -> tensor<64x256xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%6, %arg2 : tensor<64x256xf32>, tensor<256xf32>) outs(%4 : tensor<64x256xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %10 = arith.addf %in, %in_0 : f32
      linalg.yield %10 : f32
    } -> tensor<64x256xf32>
    %expanded = tensor.expand_shape %7 [[0, 1], [2]] output_shape [1, 64, 256] : tensor<64x256xf32> into tensor<1x64x256xf32>
    %8 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg3, %expanded : tensor<1x64x256xf32>, tensor<1x64x256xf32>) outs(%2 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %10 = arith.addf %in, %in_0 : f32
      linalg.yield %10 : f32
    } -> tensor<1x64x256xf32>
    %9 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%8 : tensor<1x64x256xf32>) outs(%1 : tensor<1x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.addf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<1x64x1xf32>
    return %9 : tensor<1x64x1xf32>
  }
}
