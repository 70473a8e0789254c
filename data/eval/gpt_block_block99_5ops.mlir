#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
module {
  func.func @main(%arg0: tensor<64x256xf32>, %arg1: tensor<256x256xf32>, %arg2: tensor<256xf32>, %arg3: tensor<1x64x256xf32>) -> tensor<1x64x1xf64> {
    %cst = arith.constant 0.000000e+00 : f64
    %cst_0 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x64x256xf64>
    %1 = tensor.empty() : tensor<1x64x1xf64>
    %2 = linalg.fill ins(%cst : f64) outs(%1 : tensor<1x64x1xf64>) -> tensor<1x64x1xf64>
    %3 = tensor.empty() : tensor<1x64x256xf32>
    %4 = tensor.empty() : tensor<64x256xf32>
    %5 = linalg.fill ins(%cst_0 : f32) outs(%4 : tensor<64x256xf32>) -> tensor<64x256xf32>
    %6 = linalg.matmul ins(%arg0, %arg1 : tensor<64x256xf32>, tensor<256x256xf32>) outs(%5 : tensor<64x256xf32>) -> tensor<64x256xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%6, %arg2 : tensor<64x256xf32>, tensor<256xf32>) outs(%4 : tensor<64x256xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %11 = arith.addf %in, %in_1 : f32
      linalg.yield %11 : f32
    } -> tensor<64x256xf32>
    %expanded = tensor.expand_shape %7 [[0, 1], [2]] output_shape [1, 64, 256] : tensor<64x256xf32> into tensor<1x64x256xf32>
    %8 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg3, %expanded : tensor<1x64x256xf32>, tensor<1x64x256xf32>) outs(%3 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %11 = arith.addf %in, %in_1 : f32
      linalg.yield %11 : f32
    } -> tensor<1x64x256xf32>
    %9 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%8 : tensor<1x64x256xf32>) outs(%0 : tensor<1x64x256xf64>) {
    ^bb0(%in: f32, %out: f64):
      %11 = arith.extf %in : f32 to f64
      linalg.yield %11 : f64
    } -> tensor<1x64x256xf64>
    %10 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%9 : tensor<1x64x256xf64>) outs(%2 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %11 = arith.addf %in, %out : f64
      linalg.yield %11 : f64
    } -> tensor<1x64x1xf64>
    return %10 : tensor<1x64x1xf64>
  }
}
