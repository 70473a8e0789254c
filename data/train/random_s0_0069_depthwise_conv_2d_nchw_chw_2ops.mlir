#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x384x28x28xf32>, %arg1: tensor<384x3x3xf32>, %arg2: tensor<1x384x13x13xf32>) -> tensor<1x384x13x13xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x384x13x13xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x384x13x13xf32>) -> tensor<1x384x13x13xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x384x28x28xf32>, tensor<384x3x3xf32>) outs(%1 : tensor<1x384x13x13xf32>) -> tensor<1x384x13x13xf32>
    %3 = tensor.empty() : tensor<1x384x13x13xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2, %arg2 : tensor<1x384x13x13xf32>, tensor<1x384x13x13xf32>) outs(%3 : tensor<1x384x13x13xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %5 = arith.mulf %in, %in_0 : f32
      linalg.yield %5 : f32
    } -> tensor<1x384x13x13xf32>
    return %4 : tensor<1x384x13x13xf32>
  }
}
