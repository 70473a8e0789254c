#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<8x28x28x24xf32>) -> tensor<8x14x14xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<8x14x14x24xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<8x14x14x24xf32>) -> tensor<8x14x14x24xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<8x28x28x24xf32>, tensor<2x2xf32>) outs(%2 : tensor<8x14x14x24xf32>) -> tensor<8x14x14x24xf32>
    %4 = tensor.empty() : tensor<8x14x14xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<8x14x14xf32>) -> tensor<8x14x14xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%3 : tensor<8x14x14x24xf32>) outs(%5 : tensor<8x14x14xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.addf %in, %out : f32
      linalg.yield %7 : f32
    } -> tensor<8x14x14xf32>
    return %6 : tensor<8x14x14xf32>
  }
}
