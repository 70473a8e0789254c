module {
  func.func @main(%arg0: tensor<2x48x28x28xf32>) -> tensor<2x14x14x48xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<2x48x14x14xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<2x48x14x14xf32>) -> tensor<2x48x14x14xf32>
    %3 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<2x48x28x28xf32>, tensor<2x2xf32>) outs(%2 : tensor<2x48x14x14xf32>) -> tensor<2x48x14x14xf32>
    %4 = tensor.empty() : tensor<2x14x14x48xf32>
    %transposed = linalg.transpose ins(%3 : tensor<2x48x14x14xf32>) outs(%4 : tensor<2x14x14x48xf32>) permutation = [0, 2, 3, 1] 
    return %transposed : tensor<2x14x14x48xf32>
  }
}
