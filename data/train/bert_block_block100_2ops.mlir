#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<1x64x256xf32>, %arg1: tensor<1x64x256xf32>) -> tensor<1x64x256xf64> {
    %0 = tensor.empty() : tensor<1x64x256xf32>
    %1 = tensor.empty() : tensor<1x64x256xf64>
    %2 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<1x64x256xf32>, tensor<1x64x256xf32>) outs(%0 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %4 = arith.addf %in, %in_0 : f32
      linalg.yield %4 : f32
    } -> tensor<1x64x256xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2 : tensor<1x64x256xf32>) outs(%1 : tensor<1x64x256xf64>) {
    ^bb0(%in: f32, %out: f64):
      %4 = arith.extf %in : f32 to f64
      linalg.yield %4 : f64
    } -> tensor<1x64x256xf64>
    return %3 : tensor<1x64x256xf64>
  }
}
