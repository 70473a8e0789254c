#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<256x176x7x7xf64>) -> tensor<256x176x7x7xf64> {
    %cst = arith.constant 0.000000e+00 : f64
    %0 = tensor.empty() : tensor<256x176x7x7xf64>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<256x176x7x7xf64>) outs(%0 : tensor<256x176x7x7xf64>) {
    ^bb0(%in: f64, %out: f64):
      %2 = arith.cmpf ugt, %in, %cst : f64
      %3 = arith.select %2, %in, %cst : f64
      linalg.yield %3 : f64
    } -> tensor<256x176x7x7xf64>
    return %1 : tensor<256x176x7x7xf64>
  }
}
