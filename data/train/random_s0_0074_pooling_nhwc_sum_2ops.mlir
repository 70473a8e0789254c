module {
  func.func @main(%arg0: tensor<1x28x28x64xf32>) -> tensor<1x6x6x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x28x28x64xf32> to tensor<1x30x30x64xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x14x14x64xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x14x14x64xf32>) -> tensor<1x14x14x64xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<1x30x30x64xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x14x14x64xf32>) -> tensor<1x14x14x64xf32>
    %4 = tensor.empty() : tensor<3x3xf32>
    %5 = tensor.empty() : tensor<1x6x6x64xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x6x6x64xf32>) -> tensor<1x6x6x64xf32>
    %7 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%3, %4 : tensor<1x14x14x64xf32>, tensor<3x3xf32>) outs(%6 : tensor<1x6x6x64xf32>) -> tensor<1x6x6x64xf32>
    return %7 : tensor<1x6x6x64xf32>
  }
}
