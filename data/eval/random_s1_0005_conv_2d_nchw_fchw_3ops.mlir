module {
  func.func @main(%arg0: tensor<8x32x14x14xf32>, %arg1: tensor<48x32x3x3xf32>) -> tensor<8x6x6x48xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<8x48x12x12xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<8x48x12x12xf32>) -> tensor<8x48x12x12xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<8x32x14x14xf32>, tensor<48x32x3x3xf32>) outs(%1 : tensor<8x48x12x12xf32>) -> tensor<8x48x12x12xf32>
    %3 = tensor.empty() : tensor<8x12x12x48xf32>
    %transposed = linalg.transpose ins(%2 : tensor<8x48x12x12xf32>) outs(%3 : tensor<8x12x12x48xf32>) permutation = [0, 2, 3, 1] 
    %padded = tensor.pad %transposed low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<8x12x12x48xf32> to tensor<8x14x14x48xf32>
    %4 = tensor.empty() : tensor<3x3xf32>
    %5 = tensor.empty() : tensor<8x6x6x48xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<8x6x6x48xf32>) -> tensor<8x6x6x48xf32>
    %7 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %4 : tensor<8x14x14x48xf32>, tensor<3x3xf32>) outs(%6 : tensor<8x6x6x48xf32>) -> tensor<8x6x6x48xf32>
    return %7 : tensor<8x6x6x48xf32>
  }
}
