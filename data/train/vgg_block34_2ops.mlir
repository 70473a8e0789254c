module {
  func.func @main(%arg0: tensor<1x128x16x16xf32>, %arg1: tensor<128xf32>, %arg2: tensor<128x128x3x3xf32>) -> tensor<1x128x16x16xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x128x16x16xf32>
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x128x16x16xf32> to tensor<1x128x18x18xf32>
    %broadcasted = linalg.broadcast ins(%arg1 : tensor<128xf32>) outs(%0 : tensor<1x128x16x16xf32>) dimensions = [0, 2, 3] 
    %1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg2 : tensor<1x128x18x18xf32>, tensor<128x128x3x3xf32>) outs(%broadcasted : tensor<1x128x16x16xf32>) -> tensor<1x128x16x16xf32>
    return %1 : tensor<1x128x16x16xf32>
  }
}
