module {
  func.func @main(%arg0: tensor<1x384x14x14xf32>, %arg1: tensor<16x384x3x3xf32>) -> tensor<1x16x2x2xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x384x14x14xf32> to tensor<1x384x16x16xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x384x7x7xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x384x7x7xf32>) -> tensor<1x384x7x7xf32>
    %3 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<1x384x16x16xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x384x7x7xf32>) -> tensor<1x384x7x7xf32>
    %4 = tensor.empty() : tensor<1x16x2x2xf32>
    %5 = linalg.fill ins(%cst_0 : f32) outs(%4 : tensor<1x16x2x2xf32>) -> tensor<1x16x2x2xf32>
    %6 = linalg.conv_2d_nchw_fchw {dilations = dense<2> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%3, %arg1 : tensor<1x384x7x7xf32>, tensor<16x384x3x3xf32>) outs(%5 : tensor<1x16x2x2xf32>) -> tensor<1x16x2x2xf32>
    return %6 : tensor<1x16x2x2xf32>
  }
}
