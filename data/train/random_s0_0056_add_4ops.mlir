#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<2x28x28x16xf32>, %arg1: tensor<2x28x28x16xf32>, %arg2: tensor<2x28xf32>) -> tensor<2x28xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x28x28x16xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<2x28x28x16xf32>, tensor<2x28x28x16xf32>) outs(%0 : tensor<2x28x28x16xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %10 = arith.addf %in, %in_0 : f32
      linalg.yield %10 : f32
    } -> tensor<2x28x28x16xf32>
    %2 = tensor.empty() : tensor<2x28x28xf32>
    %3 = linalg.fill ins(%cst : f32) outs(%2 : tensor<2x28x28xf32>) -> tensor<2x28x28xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%1 : tensor<2x28x28x16xf32>) outs(%3 : tensor<2x28x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.maximumf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<2x28x28xf32>
    %5 = tensor.empty() : tensor<2x28xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<2x28xf32>) -> tensor<2x28xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%4 : tensor<2x28x28xf32>) outs(%6 : tensor<2x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.maximumf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<2x28xf32>
    %8 = tensor.empty() : tensor<2x28xf32>
    %9 = linalg.generic {indexing_maps = [#map4, #map4, #map4], iterator_types = ["parallel", "parallel"]} ins(%7, %arg2 : tensor<2x28xf32>, tensor<2x28xf32>) outs(%8 : tensor<2x28xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %10 = arith.mulf %in, %in_0 : f32
      linalg.yield %10 : f32
    } -> tensor<2x28xf32>
    return %9 : tensor<2x28xf32>
  }
}
