#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d2)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
#map3 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main(%arg0: tensor<1x64x256xf32>, %arg1: tensor<256xf32>, %arg2: tensor<1024x256xf32>, %arg3: tensor<1024xf32>) -> tensor<1x64x1024xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %cst_1 = arith.constant 5.000000e-01 : f32
    %cst_2 = arith.constant 1.41421354 : f32
    %0 = tensor.empty() : tensor<1x64x256xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<1x64x256xf32>, tensor<256xf32>) outs(%0 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %9 = arith.addf %in, %in_3 : f32
      linalg.yield %9 : f32
    } -> tensor<1x64x256xf32>
    %collapsed = tensor.collapse_shape %1 [[0, 1], [2]] : tensor<1x64x256xf32> into tensor<64x256xf32>
    %2 = tensor.empty() : tensor<256x1024xf32>
    %transposed = linalg.transpose ins(%arg2 : tensor<1024x256xf32>) outs(%2 : tensor<256x1024xf32>) permutation = [1, 0] 
    %3 = tensor.empty() : tensor<64x1024xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<64x1024xf32>) -> tensor<64x1024xf32>
    %5 = linalg.matmul ins(%collapsed, %transposed : tensor<64x256xf32>, tensor<256x1024xf32>) outs(%4 : tensor<64x1024xf32>) -> tensor<64x1024xf32>
    %6 = linalg.generic {indexing_maps = [#map2, #map3, #map2], iterator_types = ["parallel", "parallel"]} ins(%5, %arg3 : tensor<64x1024xf32>, tensor<1024xf32>) outs(%3 : tensor<64x1024xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %9 = arith.addf %in, %in_3 : f32
      linalg.yield %9 : f32
    } -> tensor<64x1024xf32>
    %expanded = tensor.expand_shape %6 [[0, 1], [2]] output_shape [1, 64, 1024] : tensor<64x1024xf32> into tensor<1x64x1024xf32>
    %7 = tensor.empty() : tensor<1x64x1024xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%expanded : tensor<1x64x1024xf32>) outs(%7 : tensor<1x64x1024xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.divf %in, %cst_2 : f32
      %10 = math.erf %9 : f32
      %11 = arith.addf %10, %cst_0 : f32
      %12 = arith.mulf %11, %cst_1 : f32
      %13 = arith.mulf %in, %12 : f32
      linalg.yield %13 : f32
    } -> tensor<1x64x1024xf32>
    return %8 : tensor<1x64x1024xf32>
  }
}
