module {
  func.func @main(%arg0: tensor<2x16x14x14xf32>, %arg1: tensor<16x3x3xf32>, %arg2: tensor<512x16x5x5xf32>) -> tensor<2x512x3x3xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x16x6x6xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x16x6x6xf32>) -> tensor<2x16x6x6xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<2x16x14x14xf32>, tensor<16x3x3xf32>) outs(%1 : tensor<2x16x6x6xf32>) -> tensor<2x16x6x6xf32>
    %padded = tensor.pad %2 low[0, 0, 2, 2] high[0, 0, 2, 2] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<2x16x6x6xf32> to tensor<2x16x10x10xf32>
    %3 = tensor.empty() : tensor<2x512x6x6xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<2x512x6x6xf32>) -> tensor<2x512x6x6xf32>
    %5 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg2 : tensor<2x16x10x10xf32>, tensor<512x16x5x5xf32>) outs(%4 : tensor<2x512x6x6xf32>) -> tensor<2x512x6x6xf32>
    %6 = tensor.empty() : tensor<2x2xf32>
    %7 = tensor.empty() : tensor<2x512x5x5xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<2x512x5x5xf32>) -> tensor<2x512x5x5xf32>
    %9 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%5, %6 : tensor<2x512x6x6xf32>, tensor<2x2xf32>) outs(%8 : tensor<2x512x5x5xf32>) -> tensor<2x512x5x5xf32>
    %10 = tensor.empty() : tensor<3x3xf32>
    %11 = tensor.empty() : tensor<2x512x3x3xf32>
    %12 = linalg.fill ins(%cst_0 : f32) outs(%11 : tensor<2x512x3x3xf32>) -> tensor<2x512x3x3xf32>
    %13 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%9, %10 : tensor<2x512x5x5xf32>, tensor<3x3xf32>) outs(%12 : tensor<2x512x3x3xf32>) -> tensor<2x512x3x3xf32>
    return %13 : tensor<2x512x3x3xf32>
  }
}
