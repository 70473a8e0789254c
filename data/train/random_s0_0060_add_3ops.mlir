#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main(%arg0: tensor<196x768xf32>, %arg1: tensor<196x768xf32>, %arg2: tensor<196xf32>) -> tensor<768x196xf32> {
    %0 = tensor.empty() : tensor<196x768xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<196x768xf32>, tensor<196x768xf32>) outs(%0 : tensor<196x768xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %5 = arith.addf %in, %in_0 : f32
      linalg.yield %5 : f32
    } -> tensor<196x768xf32>
    %2 = tensor.empty() : tensor<768x196xf32>
    %transposed = linalg.transpose ins(%1 : tensor<196x768xf32>) outs(%2 : tensor<768x196xf32>) permutation = [1, 0] 
    %3 = tensor.empty() : tensor<768x196xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%transposed, %arg2 : tensor<768x196xf32>, tensor<196xf32>) outs(%3 : tensor<768x196xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %5 = arith.addf %in, %in_0 : f32
      linalg.yield %5 : f32
    } -> tensor<768x196xf32>
    return %4 : tensor<768x196xf32>
  }
}
