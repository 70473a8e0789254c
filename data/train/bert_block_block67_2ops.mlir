#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
module {
  func.func @main(%arg0: tensor<1x64x256xf64>) -> tensor<1x64x1xf64> {
    %cst = arith.constant 0.000000e+00 : f64
    %cst_0 = arith.constant 2.560000e+02 : f64
    %0 = tensor.empty() : tensor<1x64x1xf64>
    %1 = linalg.fill ins(%cst : f64) outs(%0 : tensor<1x64x1xf64>) -> tensor<1x64x1xf64>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0 : tensor<1x64x256xf64>) outs(%1 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %4 = arith.addf %in, %out : f64
      linalg.yield %4 : f64
    } -> tensor<1x64x1xf64>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2 : tensor<1x64x1xf64>) outs(%0 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %4 = arith.divf %in, %cst_0 : f64
      linalg.yield %4 : f64
    } -> tensor<1x64x1xf64>
    return %3 : tensor<1x64x1xf64>
  }
}
