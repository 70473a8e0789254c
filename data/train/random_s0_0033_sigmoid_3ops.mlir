#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @main(%arg0: tensor<2x48x56x56xf32>, %arg1: tensor<48xf32>) -> tensor<2x56x56x48xf32> {
    %cst = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x48x56x56xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<2x48x56x56xf32>) outs(%0 : tensor<2x48x56x56xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = arith.negf %in : f32
      %6 = math.exp %5 : f32
      %7 = arith.addf %6, %cst : f32
      %8 = arith.divf %cst, %7 : f32
      linalg.yield %8 : f32
    } -> tensor<2x48x56x56xf32>
    %2 = tensor.empty() : tensor<2x48x56x56xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1, %arg1 : tensor<2x48x56x56xf32>, tensor<48xf32>) outs(%2 : tensor<2x48x56x56xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %5 = arith.addf %in, %in_0 : f32
      linalg.yield %5 : f32
    } -> tensor<2x48x56x56xf32>
    %4 = tensor.empty() : tensor<2x56x56x48xf32>
    %transposed = linalg.transpose ins(%3 : tensor<2x48x56x56xf32>) outs(%4 : tensor<2x56x56x48xf32>) permutation = [0, 2, 3, 1] 
    return %transposed : tensor<2x56x56x48xf32>
  }
}
