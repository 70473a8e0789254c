#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<12x64x32xf32>, %arg1: tensor<12x64xf32>) -> tensor<12x64xf32> {
    %cst = arith.constant 1.000000e+00 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<12x64x32xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<12x64x32xf32>) outs(%0 : tensor<12x64x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.negf %in : f32
      %8 = math.exp %7 : f32
      %9 = arith.addf %8, %cst : f32
      %10 = arith.divf %cst, %9 : f32
      linalg.yield %10 : f32
    } -> tensor<12x64x32xf32>
    %2 = tensor.empty() : tensor<12x64xf32>
    %3 = linalg.fill ins(%cst_0 : f32) outs(%2 : tensor<12x64xf32>) -> tensor<12x64xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%1 : tensor<12x64x32xf32>) outs(%3 : tensor<12x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.addf %in, %out : f32
      linalg.yield %7 : f32
    } -> tensor<12x64xf32>
    %5 = tensor.empty() : tensor<12x64xf32>
    %6 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%4, %arg1 : tensor<12x64xf32>, tensor<12x64xf32>) outs(%5 : tensor<12x64xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %7 = arith.mulf %in, %in_1 : f32
      linalg.yield %7 : f32
    } -> tensor<12x64xf32>
    return %6 : tensor<12x64xf32>
  }
}
