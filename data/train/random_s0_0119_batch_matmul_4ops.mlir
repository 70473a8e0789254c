#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d2)>
module {
  func.func @main(%arg0: tensor<2x196x64xf32>, %arg1: tensor<2x64x128xf32>, %arg2: tensor<128xf32>, %arg3: tensor<128xf32>) -> tensor<2x128x196xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x196x128xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x196x128xf32>) -> tensor<2x196x128xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<2x196x64xf32>, tensor<2x64x128xf32>) outs(%1 : tensor<2x196x128xf32>) -> tensor<2x196x128xf32>
    %3 = tensor.empty() : tensor<2x196x128xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2, %arg2 : tensor<2x196x128xf32>, tensor<128xf32>) outs(%3 : tensor<2x196x128xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %8 = arith.addf %in, %in_0 : f32
      linalg.yield %8 : f32
    } -> tensor<2x196x128xf32>
    %5 = tensor.empty() : tensor<2x196x128xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%4, %arg3 : tensor<2x196x128xf32>, tensor<128xf32>) outs(%5 : tensor<2x196x128xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %8 = arith.addf %in, %in_0 : f32
      linalg.yield %8 : f32
    } -> tensor<2x196x128xf32>
    %7 = tensor.empty() : tensor<2x128x196xf32>
    %transposed = linalg.transpose ins(%6 : tensor<2x196x128xf32>) outs(%7 : tensor<2x128x196xf32>) permutation = [0, 2, 1] 
    return %transposed : tensor<2x128x196xf32>
  }
}
