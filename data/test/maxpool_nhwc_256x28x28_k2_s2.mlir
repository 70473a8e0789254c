module {
  func.func @main(%arg0: tensor<1x28x28x256xf32>) -> tensor<1x14x14x256xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<1x14x14x256xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x14x14x256xf32>) -> tensor<1x14x14x256xf32>
    %window = tensor.empty() : tensor<2x2xf32>
    %2 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %window : tensor<1x28x28x256xf32>, tensor<2x2xf32>) outs(%1 : tensor<1x14x14x256xf32>) -> tensor<1x14x14x256xf32>
    return %2 : tensor<1x14x14x256xf32>
  }
}
