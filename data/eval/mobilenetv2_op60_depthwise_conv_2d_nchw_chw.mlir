module {
  func.func @main(%arg0: tensor<1x144x30x30xf32>, %arg1: tensor<144x3x3xf32>, %arg2: tensor<1x144x14x14xf32>) -> tensor<1x144x14x14xf32> {
    %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x144x30x30xf32>, tensor<144x3x3xf32>) outs(%arg2 : tensor<1x144x14x14xf32>) -> tensor<1x144x14x14xf32>
    return %0 : tensor<1x144x14x14xf32>
  }
}
