module {
  func.func @main(%arg0: tensor<4x32x14x14xf32>, %arg1: tensor<32x1x1xf32>) -> tensor<4x32x7x7xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<4x32x7x7xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<4x32x7x7xf32>) -> tensor<4x32x7x7xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<4x32x14x14xf32>, tensor<2x2xf32>) outs(%2 : tensor<4x32x7x7xf32>) -> tensor<4x32x7x7xf32>
    %padded = tensor.pad %3 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst_0 : f32
    } : tensor<4x32x7x7xf32> to tensor<4x32x9x9xf32>
    %4 = tensor.empty() : tensor<3x3xf32>
    %5 = tensor.empty() : tensor<4x32x7x7xf32>
    %6 = linalg.fill ins(%cst_0 : f32) outs(%5 : tensor<4x32x7x7xf32>) -> tensor<4x32x7x7xf32>
    %7 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %4 : tensor<4x32x9x9xf32>, tensor<3x3xf32>) outs(%6 : tensor<4x32x7x7xf32>) -> tensor<4x32x7x7xf32>
    %8 = tensor.empty() : tensor<4x32x7x7xf32>
    %9 = linalg.fill ins(%cst : f32) outs(%8 : tensor<4x32x7x7xf32>) -> tensor<4x32x7x7xf32>
    %10 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%7, %arg1 : tensor<4x32x7x7xf32>, tensor<32x1x1xf32>) outs(%9 : tensor<4x32x7x7xf32>) -> tensor<4x32x7x7xf32>
    return %10 : tensor<4x32x7x7xf32>
  }
}
