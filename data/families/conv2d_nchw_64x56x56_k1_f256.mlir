module {
  func.func @main(%arg0: tensor<1x64x56x56xf32>, %arg1: tensor<256x64x1x1xf32>) -> tensor<1x256x56x56xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x256x56x56xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x256x56x56xf32>) -> tensor<1x256x56x56xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x64x56x56xf32>, tensor<256x64x1x1xf32>) outs(%1 : tensor<1x256x56x56xf32>) -> tensor<1x256x56x56xf32>
    return %2 : tensor<1x256x56x56xf32>
  }
}
