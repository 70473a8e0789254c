#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main(%arg0: tensor<196x768xf32>, %arg1: tensor<768x128xf32>, %arg2: tensor<128xf32>, %arg3: tensor<196x128xf32>) -> tensor<128x196xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<196x128xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<196x128xf32>) -> tensor<196x128xf32>
    %2 = linalg.matmul ins(%arg0, %arg1 : tensor<196x768xf32>, tensor<768x128xf32>) outs(%1 : tensor<196x128xf32>) -> tensor<196x128xf32>
    %3 = tensor.empty() : tensor<196x128xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%2 : tensor<196x128xf32>) outs(%3 : tensor<196x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.cmpf ugt, %in, %cst : f32
      %11 = arith.select %10, %in, %cst : f32
      linalg.yield %11 : f32
    } -> tensor<196x128xf32>
    %5 = tensor.empty() : tensor<196x128xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%4, %arg2 : tensor<196x128xf32>, tensor<128xf32>) outs(%5 : tensor<196x128xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %10 = arith.addf %in, %in_0 : f32
      linalg.yield %10 : f32
    } -> tensor<196x128xf32>
    %7 = tensor.empty() : tensor<196x128xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%6, %arg3 : tensor<196x128xf32>, tensor<196x128xf32>) outs(%7 : tensor<196x128xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %10 = arith.mulf %in, %in_0 : f32
      linalg.yield %10 : f32
    } -> tensor<196x128xf32>
    %9 = tensor.empty() : tensor<128x196xf32>
    %transposed = linalg.transpose ins(%8 : tensor<196x128xf32>) outs(%9 : tensor<128x196xf32>) permutation = [1, 0] 
    return %transposed : tensor<128x196xf32>
  }
}
