module {
  func.func @main(%arg0: tensor<4x14x14x192xf32>) -> tensor<4x3x3x192xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<4x6x6x192xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<4x6x6x192xf32>) -> tensor<4x6x6x192xf32>
    %3 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<4x14x14x192xf32>, tensor<3x3xf32>) outs(%2 : tensor<4x6x6x192xf32>) -> tensor<4x6x6x192xf32>
    %4 = tensor.empty() : tensor<2x2xf32>
    %5 = tensor.empty() : tensor<4x3x3x192xf32>
    %6 = linalg.fill ins(%cst_0 : f32) outs(%5 : tensor<4x3x3x192xf32>) -> tensor<4x3x3x192xf32>
    %7 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%3, %4 : tensor<4x6x6x192xf32>, tensor<2x2xf32>) outs(%6 : tensor<4x3x3x192xf32>) -> tensor<4x3x3x192xf32>
    return %7 : tensor<4x3x3x192xf32>
  }
}
