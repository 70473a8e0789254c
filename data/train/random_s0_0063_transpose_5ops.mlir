#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (d0, d1)>
#map5 = affine_map<(d0, d1) -> (d0)>
module {
  func.func @main(%arg0: tensor<2x48x56x56xf32>, %arg1: tensor<2x56x64xf32>) -> tensor<2xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x56x56x48xf32>
    %transposed = linalg.transpose ins(%arg0 : tensor<2x48x56x56xf32>) outs(%0 : tensor<2x56x56x48xf32>) permutation = [0, 2, 3, 1] 
    %1 = tensor.empty() : tensor<2x56x56xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<2x56x56xf32>) -> tensor<2x56x56xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%transposed : tensor<2x56x56x48xf32>) outs(%2 : tensor<2x56x56xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.addf %in, %out : f32
      linalg.yield %13 : f32
    } -> tensor<2x56x56xf32>
    %4 = tensor.empty() : tensor<2x56x64xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<2x56x64xf32>) -> tensor<2x56x64xf32>
    %6 = linalg.batch_matmul ins(%3, %arg1 : tensor<2x56x56xf32>, tensor<2x56x64xf32>) outs(%5 : tensor<2x56x64xf32>) -> tensor<2x56x64xf32>
    %7 = tensor.empty() : tensor<2x56xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<2x56xf32>) -> tensor<2x56xf32>
    %9 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%6 : tensor<2x56x64xf32>) outs(%8 : tensor<2x56xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.addf %in, %out : f32
      linalg.yield %13 : f32
    } -> tensor<2x56xf32>
    %10 = tensor.empty() : tensor<2xf32>
    %11 = linalg.fill ins(%cst : f32) outs(%10 : tensor<2xf32>) -> tensor<2xf32>
    %12 = linalg.generic {indexing_maps = [#map4, #map5], iterator_types = ["parallel", "reduction"]} ins(%9 : tensor<2x56xf32>) outs(%11 : tensor<2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.addf %in, %out : f32
      linalg.yield %13 : f32
    } -> tensor<2xf32>
    return %12 : tensor<2xf32>
  }
}
