#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x512x14x14xf32>) -> tensor<1x512x12x12xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x512x12x12xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %0 : tensor<1x512x14x14xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32>
    %4 = tensor.empty() : tensor<1x512x12x12xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x512x12x12xf32>) outs(%4 : tensor<1x512x12x12xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.cmpf ugt, %in, %cst : f32
      %7 = arith.select %6, %in, %cst : f32
      linalg.yield %7 : f32
    } -> tensor<1x512x12x12xf32>
    return %5 : tensor<1x512x12x12xf32>
  }
}
