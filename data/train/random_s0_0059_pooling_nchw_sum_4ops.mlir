module {
  func.func @main(%arg0: tensor<1x16x7x7xf32>, %arg1: tensor<16x16x3x3xf32>, %arg2: tensor<128x16x5x5xf32>, %arg3: tensor<128x3x3xf32>) -> tensor<1x128x3x3xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x16x3x3xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x16x3x3xf32>) -> tensor<1x16x3x3xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<1x16x7x7xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x16x3x3xf32>) -> tensor<1x16x3x3xf32>
    %padded = tensor.pad %3 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst : f32
    } : tensor<1x16x3x3xf32> to tensor<1x16x5x5xf32>
    %4 = tensor.empty() : tensor<1x16x3x3xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<1x16x3x3xf32>) -> tensor<1x16x3x3xf32>
    %6 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg1 : tensor<1x16x5x5xf32>, tensor<16x16x3x3xf32>) outs(%5 : tensor<1x16x3x3xf32>) -> tensor<1x16x3x3xf32>
    %padded_0 = tensor.pad %6 low[0, 0, 2, 2] high[0, 0, 2, 2] {
    ^bb0(%arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst : f32
    } : tensor<1x16x3x3xf32> to tensor<1x16x7x7xf32>
    %7 = tensor.empty() : tensor<1x128x3x3xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<1x128x3x3xf32>) -> tensor<1x128x3x3xf32>
    %9 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_0, %arg2 : tensor<1x16x7x7xf32>, tensor<128x16x5x5xf32>) outs(%8 : tensor<1x128x3x3xf32>) -> tensor<1x128x3x3xf32>
    %padded_1 = tensor.pad %9 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst : f32
    } : tensor<1x128x3x3xf32> to tensor<1x128x5x5xf32>
    %10 = tensor.empty() : tensor<1x128x3x3xf32>
    %11 = linalg.fill ins(%cst : f32) outs(%10 : tensor<1x128x3x3xf32>) -> tensor<1x128x3x3xf32>
    %12 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_1, %arg3 : tensor<1x128x5x5xf32>, tensor<128x3x3xf32>) outs(%11 : tensor<1x128x3x3xf32>) -> tensor<1x128x3x3xf32>
    return %12 : tensor<1x128x3x3xf32>
  }
}
