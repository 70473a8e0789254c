#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d2)>
module {
  func.func @main(%arg0: tensor<1x256x7x7xf32>, %arg1: tensor<7xf32>, %arg2: tensor<1x256x7xf32>) -> tensor<1x256x7xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<1x256x7xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x256x7xf32>) -> tensor<1x256x7xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0 : tensor<1x256x7x7xf32>) outs(%1 : tensor<1x256x7xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.maximumf %in, %out : f32
      linalg.yield %7 : f32
    } -> tensor<1x256x7xf32>
    %3 = tensor.empty() : tensor<1x256x7xf32>
    %4 = linalg.generic {indexing_maps = [#map2, #map3, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2, %arg1 : tensor<1x256x7xf32>, tensor<7xf32>) outs(%3 : tensor<1x256x7xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %7 = arith.addf %in, %in_0 : f32
      linalg.yield %7 : f32
    } -> tensor<1x256x7xf32>
    %5 = tensor.empty() : tensor<1x256x7xf32>
    %6 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%4, %arg2 : tensor<1x256x7xf32>, tensor<1x256x7xf32>) outs(%5 : tensor<1x256x7xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %7 = arith.addf %in, %in_0 : f32
      linalg.yield %7 : f32
    } -> tensor<1x256x7xf32>
    return %6 : tensor<1x256x7xf32>
  }
}
