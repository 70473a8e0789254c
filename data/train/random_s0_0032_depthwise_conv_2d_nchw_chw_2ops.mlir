module {
  func.func @main(%arg0: tensor<1x64x28x28xf32>, %arg1: tensor<64x5x5xf32>) -> tensor<1x24x24x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x64x24x24xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x64x24x24xf32>) -> tensor<1x64x24x24xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x64x28x28xf32>, tensor<64x5x5xf32>) outs(%1 : tensor<1x64x24x24xf32>) -> tensor<1x64x24x24xf32>
    %3 = tensor.empty() : tensor<1x24x24x64xf32>
    %transposed = linalg.transpose ins(%2 : tensor<1x64x24x24xf32>) outs(%3 : tensor<1x24x24x64xf32>) permutation = [0, 2, 3, 1] 
    return %transposed : tensor<1x24x24x64xf32>
  }
}
