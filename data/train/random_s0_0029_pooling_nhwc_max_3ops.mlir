module {
  func.func @main(%arg0: tensor<8x28x28x128xf32>) -> tensor<8x7x7x128xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<8x27x27x128xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<8x27x27x128xf32>) -> tensor<8x27x27x128xf32>
    %3 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %0 : tensor<8x28x28x128xf32>, tensor<2x2xf32>) outs(%2 : tensor<8x27x27x128xf32>) -> tensor<8x27x27x128xf32>
    %padded = tensor.pad %3 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<8x27x27x128xf32> to tensor<8x29x29x128xf32>
    %4 = tensor.empty() : tensor<2x2xf32>
    %5 = tensor.empty() : tensor<8x14x14x128xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<8x14x14x128xf32>) -> tensor<8x14x14x128xf32>
    %7 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %4 : tensor<8x29x29x128xf32>, tensor<2x2xf32>) outs(%6 : tensor<8x14x14x128xf32>) -> tensor<8x14x14x128xf32>
    %8 = tensor.empty() : tensor<2x2xf32>
    %9 = tensor.empty() : tensor<8x7x7x128xf32>
    %10 = linalg.fill ins(%cst_0 : f32) outs(%9 : tensor<8x7x7x128xf32>) -> tensor<8x7x7x128xf32>
    %11 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%7, %8 : tensor<8x14x14x128xf32>, tensor<2x2xf32>) outs(%10 : tensor<8x7x7x128xf32>) -> tensor<8x7x7x128xf32>
    return %11 : tensor<8x7x7x128xf32>
  }
}
