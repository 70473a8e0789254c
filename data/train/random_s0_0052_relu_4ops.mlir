#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @main(%arg0: tensor<4x64x28x28xf32>, %arg1: tensor<64xf32>, %arg2: tensor<4x28x28x64xf32>) -> tensor<4x28x28x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<4x64x28x28xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<4x64x28x28xf32>) outs(%0 : tensor<4x64x28x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.cmpf ugt, %in, %cst : f32
      %8 = arith.select %7, %in, %cst : f32
      linalg.yield %8 : f32
    } -> tensor<4x64x28x28xf32>
    %2 = tensor.empty() : tensor<4x64x28x28xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1, %arg1 : tensor<4x64x28x28xf32>, tensor<64xf32>) outs(%2 : tensor<4x64x28x28xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %7 = arith.addf %in, %in_0 : f32
      linalg.yield %7 : f32
    } -> tensor<4x64x28x28xf32>
    %4 = tensor.empty() : tensor<4x28x28x64xf32>
    %transposed = linalg.transpose ins(%3 : tensor<4x64x28x28xf32>) outs(%4 : tensor<4x28x28x64xf32>) permutation = [0, 2, 3, 1] 
    %5 = tensor.empty() : tensor<4x28x28x64xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed, %arg2 : tensor<4x28x28x64xf32>, tensor<4x28x28x64xf32>) outs(%5 : tensor<4x28x28x64xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %7 = arith.addf %in, %in_0 : f32
      linalg.yield %7 : f32
    } -> tensor<4x28x28x64xf32>
    return %6 : tensor<4x28x28x64xf32>
  }
}
