module {
  func.func @main(%arg0: tensor<1x32x58x58xf32>, %arg1: tensor<32x3x3xf32>, %arg2: tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x32x58x58xf32>, tensor<32x3x3xf32>) outs(%arg2 : tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32>
    return %0 : tensor<1x32x56x56xf32>
  }
}
