#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d2)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
#map3 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main(%arg0: tensor<1x64x256xf32>, %arg1: tensor<256xf32>, %arg2: tensor<256xf32>, %arg3: tensor<1024x256xf32>, %arg4: tensor<1024xf32>) -> tensor<64x1024xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x64x256xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<1x64x256xf32>, tensor<256xf32>) outs(%0 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %8 = arith.mulf %in, %in_0 : f32
      linalg.yield %8 : f32
    } -> tensor<1x64x256xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%1, %arg2 : tensor<1x64x256xf32>, tensor<256xf32>) outs(%0 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %8 = arith.addf %in, %in_0 : f32
      linalg.yield %8 : f32
    } -> tensor<1x64x256xf32>
    %collapsed = tensor.collapse_shape %2 [[0, 1], [2]] : tensor<1x64x256xf32> into tensor<64x256xf32>
    %3 = tensor.empty() : tensor<256x1024xf32>
    %transposed = linalg.transpose ins(%arg3 : tensor<1024x256xf32>) outs(%3 : tensor<256x1024xf32>) permutation = [1, 0] 
    %4 = tensor.empty() : tensor<64x1024xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<64x1024xf32>) -> tensor<64x1024xf32>
    %6 = linalg.matmul ins(%collapsed, %transposed : tensor<64x256xf32>, tensor<256x1024xf32>) outs(%5 : tensor<64x1024xf32>) -> tensor<64x1024xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map3, #map2], iterator_types = ["parallel", "parallel"]} ins(%6, %arg4 : tensor<64x1024xf32>, tensor<1024xf32>) outs(%4 : tensor<64x1024xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %8 = arith.addf %in, %in_0 : f32
      linalg.yield %8 : f32
    } -> tensor<64x1024xf32>
    return %7 : tensor<64x1024xf32>
  }
}
