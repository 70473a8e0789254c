module {
  func.func @main(%arg0: tensor<2x96x14x14xf32>, %arg1: tensor<96x7x7xf32>, %arg2: tensor<512x96x3x3xf32>) -> tensor<2x512x8x8xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x96x8x8xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x96x8x8xf32>) -> tensor<2x96x8x8xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<2x96x14x14xf32>, tensor<96x7x7xf32>) outs(%1 : tensor<2x96x8x8xf32>) -> tensor<2x96x8x8xf32>
    %padded = tensor.pad %2 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<2x96x8x8xf32> to tensor<2x96x10x10xf32>
    %3 = tensor.empty() : tensor<2x512x8x8xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<2x512x8x8xf32>) -> tensor<2x512x8x8xf32>
    %5 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg2 : tensor<2x96x10x10xf32>, tensor<512x96x3x3xf32>) outs(%4 : tensor<2x512x8x8xf32>) -> tensor<2x512x8x8xf32>
    return %5 : tensor<2x512x8x8xf32>
  }
}
