module {
  func.func @main(%arg0: tensor<8x256x28x28xf32>, %arg1: tensor<256x1x1xf32>, %arg2: tensor<256x1x1xf32>) -> tensor<8x14x14x256xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<8x256x28x28xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<8x256x28x28xf32>) -> tensor<8x256x28x28xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<8x256x28x28xf32>, tensor<256x1x1xf32>) outs(%1 : tensor<8x256x28x28xf32>) -> tensor<8x256x28x28xf32>
    %3 = tensor.empty() : tensor<8x256x14x14xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<8x256x14x14xf32>) -> tensor<8x256x14x14xf32>
    %5 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%2, %arg2 : tensor<8x256x28x28xf32>, tensor<256x1x1xf32>) outs(%4 : tensor<8x256x14x14xf32>) -> tensor<8x256x14x14xf32>
    %6 = tensor.empty() : tensor<8x14x14x256xf32>
    %transposed = linalg.transpose ins(%5 : tensor<8x256x14x14xf32>) outs(%6 : tensor<8x14x14x256xf32>) permutation = [0, 2, 3, 1] 
    return %transposed : tensor<8x14x14x256xf32>
  }
}
