module {
  func.func @main(%arg0: tensor<8x96x7x7xf32>, %arg1: tensor<96x3x3xf32>, %arg2: tensor<24x96x3x3xf32>) -> tensor<8x1x1x24xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<8x96x7x7xf32> to tensor<8x96x9x9xf32>
    %0 = tensor.empty() : tensor<8x96x7x7xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<8x96x7x7xf32>) -> tensor<8x96x7x7xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg1 : tensor<8x96x9x9xf32>, tensor<96x3x3xf32>) outs(%1 : tensor<8x96x7x7xf32>) -> tensor<8x96x7x7xf32>
    %3 = tensor.empty() : tensor<2x2xf32>
    %4 = tensor.empty() : tensor<8x96x6x6xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<8x96x6x6xf32>) -> tensor<8x96x6x6xf32>
    %6 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%2, %3 : tensor<8x96x7x7xf32>, tensor<2x2xf32>) outs(%5 : tensor<8x96x6x6xf32>) -> tensor<8x96x6x6xf32>
    %7 = tensor.empty() : tensor<8x24x2x2xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<8x24x2x2xf32>) -> tensor<8x24x2x2xf32>
    %9 = linalg.conv_2d_nchw_fchw {dilations = dense<2> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%6, %arg2 : tensor<8x96x6x6xf32>, tensor<24x96x3x3xf32>) outs(%8 : tensor<8x24x2x2xf32>) -> tensor<8x24x2x2xf32>
    %10 = tensor.empty() : tensor<2x2xf32>
    %11 = tensor.empty() : tensor<8x24x1x1xf32>
    %12 = linalg.fill ins(%cst : f32) outs(%11 : tensor<8x24x1x1xf32>) -> tensor<8x24x1x1xf32>
    %13 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%9, %10 : tensor<8x24x2x2xf32>, tensor<2x2xf32>) outs(%12 : tensor<8x24x1x1xf32>) -> tensor<8x24x1x1xf32>
    %14 = tensor.empty() : tensor<8x1x1x24xf32>
    %transposed = linalg.transpose ins(%13 : tensor<8x24x1x1xf32>) outs(%14 : tensor<8x1x1x24xf32>) permutation = [0, 2, 3, 1] 
    return %transposed : tensor<8x1x1x24xf32>
  }
}
