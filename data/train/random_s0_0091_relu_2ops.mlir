#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<1x384x28x28xf32>) -> tensor<1x384x28xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x384x28x28xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x384x28x28xf32>) outs(%0 : tensor<1x384x28x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = arith.cmpf ugt, %in, %cst : f32
      %6 = arith.select %5, %in, %cst : f32
      linalg.yield %6 : f32
    } -> tensor<1x384x28x28xf32>
    %2 = tensor.empty() : tensor<1x384x28xf32>
    %3 = linalg.fill ins(%cst : f32) outs(%2 : tensor<1x384x28xf32>) -> tensor<1x384x28xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%1 : tensor<1x384x28x28xf32>) outs(%3 : tensor<1x384x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = arith.addf %in, %out : f32
      linalg.yield %5 : f32
    } -> tensor<1x384x28xf32>
    return %4 : tensor<1x384x28xf32>
  }
}
