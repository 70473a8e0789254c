module {
  func.func @main(%arg0: tensor<8x14x14x16xf32>, %arg1: tensor<3x3x16x24xf32>) -> tensor<8x24x14x14xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<8x14x14x16xf32> to tensor<8x16x16x16xf32>
    %0 = tensor.empty() : tensor<8x14x14x24xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<8x14x14x24xf32>) -> tensor<8x14x14x24xf32>
    %2 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg1 : tensor<8x16x16x16xf32>, tensor<3x3x16x24xf32>) outs(%1 : tensor<8x14x14x24xf32>) -> tensor<8x14x14x24xf32>
    %3 = tensor.empty() : tensor<8x24x14x14xf32>
    %transposed = linalg.transpose ins(%2 : tensor<8x14x14x24xf32>) outs(%3 : tensor<8x24x14x14xf32>) permutation = [0, 3, 1, 2] 
    return %transposed : tensor<8x24x14x14xf32>
  }
}
