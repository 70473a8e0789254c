#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main(%arg0: tensor<1x256xf32>, %arg1: tensor<256xf32>) -> tensor<1x256xf32> {
    %0 = tensor.empty() : tensor<1x256xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<1x256xf32>, tensor<256xf32>) outs(%0 : tensor<1x256xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %2 = arith.addf %in, %in_0 : f32
      linalg.yield %2 : f32
    } -> tensor<1x256xf32>
    return %1 : tensor<1x256xf32>
  }
}
