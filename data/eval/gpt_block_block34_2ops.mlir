#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
module {
  func.func @main(%arg0: tensor<1x64x1xf32>, %arg1: tensor<1x64x256xf32>) -> tensor<1x64x256xf32> {
    %cst = arith.constant 2.560000e+02 : f32
    %0 = tensor.empty() : tensor<1x64x1xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x64x1xf32>) outs(%0 : tensor<1x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %4 = arith.divf %in, %cst : f32
      linalg.yield %4 : f32
    } -> tensor<1x64x1xf32>
    %2 = tensor.empty() : tensor<1x64x256xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1, %1 : tensor<1x64x256xf32>, tensor<1x64x1xf32>) outs(%2 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %4 = arith.subf %in, %in_0 : f32
      linalg.yield %4 : f32
    } -> tensor<1x64x256xf32>
    return %3 : tensor<1x64x256xf32>
  }
}
