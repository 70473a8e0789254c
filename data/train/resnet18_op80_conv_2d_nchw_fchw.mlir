module {
  func.func @main(%arg0: tensor<1x512x4x4xf32>, %arg1: tensor<512x512x3x3xf32>, %arg2: tensor<1x512x2x2xf32>) -> tensor<1x512x2x2xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x512x4x4xf32>, tensor<512x512x3x3xf32>) outs(%arg2 : tensor<1x512x2x2xf32>) -> tensor<1x512x2x2xf32>
    return %0 : tensor<1x512x2x2xf32>
  }
}
