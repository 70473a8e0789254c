#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d3)>
module {
  func.func @main(%arg0: tensor<4x28x28x128xf32>, %arg1: tensor<4x13x13x128xf32>, %arg2: tensor<128xf32>, %arg3: tensor<1x1x128x192xf32>) -> tensor<4x7x7x192xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<4x13x13x128xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<4x13x13x128xf32>) -> tensor<4x13x13x128xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<4x28x28x128xf32>, tensor<3x3xf32>) outs(%2 : tensor<4x13x13x128xf32>) -> tensor<4x13x13x128xf32>
    %4 = tensor.empty() : tensor<4x13x13x128xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %arg1 : tensor<4x13x13x128xf32>, tensor<4x13x13x128xf32>) outs(%4 : tensor<4x13x13x128xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %11 = arith.mulf %in, %in_0 : f32
      linalg.yield %11 : f32
    } -> tensor<4x13x13x128xf32>
    %6 = tensor.empty() : tensor<4x13x13x128xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%5, %arg2 : tensor<4x13x13x128xf32>, tensor<128xf32>) outs(%6 : tensor<4x13x13x128xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %11 = arith.addf %in, %in_0 : f32
      linalg.yield %11 : f32
    } -> tensor<4x13x13x128xf32>
    %8 = tensor.empty() : tensor<4x7x7x192xf32>
    %9 = linalg.fill ins(%cst : f32) outs(%8 : tensor<4x7x7x192xf32>) -> tensor<4x7x7x192xf32>
    %10 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%7, %arg3 : tensor<4x13x13x128xf32>, tensor<1x1x128x192xf32>) outs(%9 : tensor<4x7x7x192xf32>) -> tensor<4x7x7x192xf32>
    return %10 : tensor<4x7x7x192xf32>
  }
}
