module {
  func.func @main(%arg0: tensor<2x14x14x64xf32>, %arg1: tensor<5x5x64x16xf32>) -> tensor<2x3x3x16xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x5x5x16xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x5x5x16xf32>) -> tensor<2x5x5x16xf32>
    %2 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<2x14x14x64xf32>, tensor<5x5x64x16xf32>) outs(%1 : tensor<2x5x5x16xf32>) -> tensor<2x5x5x16xf32>
    %padded = tensor.pad %2 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst_0 : f32
    } : tensor<2x5x5x16xf32> to tensor<2x7x7x16xf32>
    %3 = tensor.empty() : tensor<2x2xf32>
    %4 = tensor.empty() : tensor<2x3x3x16xf32>
    %5 = linalg.fill ins(%cst_0 : f32) outs(%4 : tensor<2x3x3x16xf32>) -> tensor<2x3x3x16xf32>
    %6 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %3 : tensor<2x7x7x16xf32>, tensor<2x2xf32>) outs(%5 : tensor<2x3x3x16xf32>) -> tensor<2x3x3x16xf32>
    return %6 : tensor<2x3x3x16xf32>
  }
}
