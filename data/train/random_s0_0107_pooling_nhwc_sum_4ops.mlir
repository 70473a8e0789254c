#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<1x14x14x96xf32>, %arg1: tensor<1x6x6x96xf32>) -> tensor<1x6x6xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x6x6x96xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x6x6x96xf32>) -> tensor<1x6x6x96xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<1x14x14x96xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x6x6x96xf32>) -> tensor<1x6x6x96xf32>
    %4 = tensor.empty() : tensor<1x6x6x96xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x6x6x96xf32>) outs(%4 : tensor<1x6x6x96xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.negf %in : f32
      %12 = math.exp %11 : f32
      %13 = arith.addf %12, %cst_0 : f32
      %14 = arith.divf %cst_0, %13 : f32
      linalg.yield %14 : f32
    } -> tensor<1x6x6x96xf32>
    %6 = tensor.empty() : tensor<1x6x6x96xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%5, %arg1 : tensor<1x6x6x96xf32>, tensor<1x6x6x96xf32>) outs(%6 : tensor<1x6x6x96xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %11 = arith.mulf %in, %in_1 : f32
      linalg.yield %11 : f32
    } -> tensor<1x6x6x96xf32>
    %8 = tensor.empty() : tensor<1x6x6xf32>
    %9 = linalg.fill ins(%cst : f32) outs(%8 : tensor<1x6x6xf32>) -> tensor<1x6x6xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%7 : tensor<1x6x6x96xf32>) outs(%9 : tensor<1x6x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.addf %in, %out : f32
      linalg.yield %11 : f32
    } -> tensor<1x6x6xf32>
    return %10 : tensor<1x6x6xf32>
  }
}
