module {
  func.func @main(%arg0: tensor<1x14x14x256xf32>) -> tensor<1x256x2x2xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x6x6x256xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x6x6x256xf32>) -> tensor<1x6x6x256xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<1x14x14x256xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x6x6x256xf32>) -> tensor<1x6x6x256xf32>
    %4 = tensor.empty() : tensor<1x256x6x6xf32>
    %transposed = linalg.transpose ins(%3 : tensor<1x6x6x256xf32>) outs(%4 : tensor<1x256x6x6xf32>) permutation = [0, 3, 1, 2] 
    %5 = tensor.empty() : tensor<3x3xf32>
    %6 = tensor.empty() : tensor<1x256x2x2xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<1x256x2x2xf32>) -> tensor<1x256x2x2xf32>
    %8 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%transposed, %5 : tensor<1x256x6x6xf32>, tensor<3x3xf32>) outs(%7 : tensor<1x256x2x2xf32>) -> tensor<1x256x2x2xf32>
    return %8 : tensor<1x256x2x2xf32>
  }
}
