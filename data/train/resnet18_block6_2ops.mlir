module {
  func.func @main(%arg0: tensor<1x3x64x64xf32>, %arg1: tensor<64xf32>, %arg2: tensor<64x3x7x7xf32>) -> tensor<1x64x32x32xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 3, 3] high[0, 0, 3, 3] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x3x64x64xf32> to tensor<1x3x70x70xf32>
    %0 = tensor.empty() : tensor<1x64x32x32xf32>
    %broadcasted = linalg.broadcast ins(%arg1 : tensor<64xf32>) outs(%0 : tensor<1x64x32x32xf32>) dimensions = [0, 2, 3] 
    %1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %arg2 : tensor<1x3x70x70xf32>, tensor<64x3x7x7xf32>) outs(%broadcasted : tensor<1x64x32x32xf32>) -> tensor<1x64x32x32xf32>
    return %1 : tensor<1x64x32x32xf32>
  }
}
