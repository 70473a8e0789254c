module {
  func.func @main(%arg0: tensor<1x3x66x66xf32>, %arg1: tensor<32x3x3x3xf32>, %arg2: tensor<1x32x64x64xf32>) -> tensor<1x32x64x64xf32> {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x3x66x66xf32>, tensor<32x3x3x3xf32>) outs(%arg2 : tensor<1x32x64x64xf32>) -> tensor<1x32x64x64xf32>
    return %0 : tensor<1x32x64x64xf32>
  }
}
