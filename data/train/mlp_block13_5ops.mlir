#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main(%arg0: tensor<1x512xf32>, %arg1: tensor<512xf32>, %arg2: tensor<256x512xf32>, %arg3: tensor<256xf32>) -> tensor<1x256xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x512xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<1x512xf32>, tensor<512xf32>) outs(%0 : tensor<1x512xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %8 = arith.addf %in, %in_0 : f32
      linalg.yield %8 : f32
    } -> tensor<1x512xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%1 : tensor<1x512xf32>) outs(%0 : tensor<1x512xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.cmpf ugt, %in, %cst : f32
      %9 = arith.select %8, %in, %cst : f32
      linalg.yield %9 : f32
    } -> tensor<1x512xf32>
    %3 = tensor.empty() : tensor<512x256xf32>
    %transposed = linalg.transpose ins(%arg2 : tensor<256x512xf32>) outs(%3 : tensor<512x256xf32>) permutation = [1, 0] 
    %4 = tensor.empty() : tensor<1x256xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %6 = linalg.matmul ins(%2, %transposed : tensor<1x512xf32>, tensor<512x256xf32>) outs(%5 : tensor<1x256xf32>) -> tensor<1x256xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%6, %arg3 : tensor<1x256xf32>, tensor<256xf32>) outs(%4 : tensor<1x256xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %8 = arith.addf %in, %in_0 : f32
      linalg.yield %8 : f32
    } -> tensor<1x256xf32>
    return %7 : tensor<1x256xf32>
  }
}
