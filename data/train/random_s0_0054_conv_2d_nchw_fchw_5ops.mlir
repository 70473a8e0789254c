module {
  func.func @main(%arg0: tensor<1x192x14x14xf32>, %arg1: tensor<128x192x3x3xf32>, %arg2: tensor<128x128x3x3xf32>) -> tensor<1x128x1x1xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x192x14x14xf32> to tensor<1x192x16x16xf32>
    %0 = tensor.empty() : tensor<1x128x7x7xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x128x7x7xf32>) -> tensor<1x128x7x7xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %arg1 : tensor<1x192x16x16xf32>, tensor<128x192x3x3xf32>) outs(%1 : tensor<1x128x7x7xf32>) -> tensor<1x128x7x7xf32>
    %3 = tensor.empty() : tensor<1x128x3x3xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<1x128x3x3xf32>) -> tensor<1x128x3x3xf32>
    %5 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%2, %arg2 : tensor<1x128x7x7xf32>, tensor<128x128x3x3xf32>) outs(%4 : tensor<1x128x3x3xf32>) -> tensor<1x128x3x3xf32>
    %padded_1 = tensor.pad %5 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst_0 : f32
    } : tensor<1x128x3x3xf32> to tensor<1x128x5x5xf32>
    %6 = tensor.empty() : tensor<3x3xf32>
    %7 = tensor.empty() : tensor<1x128x3x3xf32>
    %8 = linalg.fill ins(%cst_0 : f32) outs(%7 : tensor<1x128x3x3xf32>) -> tensor<1x128x3x3xf32>
    %9 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_1, %6 : tensor<1x128x5x5xf32>, tensor<3x3xf32>) outs(%8 : tensor<1x128x3x3xf32>) -> tensor<1x128x3x3xf32>
    %padded_2 = tensor.pad %9 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst_0 : f32
    } : tensor<1x128x3x3xf32> to tensor<1x128x5x5xf32>
    %10 = tensor.empty() : tensor<3x3xf32>
    %11 = tensor.empty() : tensor<1x128x2x2xf32>
    %12 = linalg.fill ins(%cst_0 : f32) outs(%11 : tensor<1x128x2x2xf32>) -> tensor<1x128x2x2xf32>
    %13 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_2, %10 : tensor<1x128x5x5xf32>, tensor<3x3xf32>) outs(%12 : tensor<1x128x2x2xf32>) -> tensor<1x128x2x2xf32>
    %14 = tensor.empty() : tensor<1x1xf32>
    %15 = tensor.empty() : tensor<1x128x1x1xf32>
    %16 = linalg.fill ins(%cst_0 : f32) outs(%15 : tensor<1x128x1x1xf32>) -> tensor<1x128x1x1xf32>
    %17 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%13, %14 : tensor<1x128x2x2xf32>, tensor<1x1xf32>) outs(%16 : tensor<1x128x1x1xf32>) -> tensor<1x128x1x1xf32>
    return %17 : tensor<1x128x1x1xf32>
  }
}
