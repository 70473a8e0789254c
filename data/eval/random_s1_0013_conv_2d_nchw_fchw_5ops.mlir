module {
  func.func @main(%arg0: tensor<2x96x56x56xf32>, %arg1: tensor<128x96x1x1xf32>) -> tensor<2x15x15x128xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x128x56x56xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x128x56x56xf32>) -> tensor<2x128x56x56xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<2x96x56x56xf32>, tensor<128x96x1x1xf32>) outs(%1 : tensor<2x128x56x56xf32>) -> tensor<2x128x56x56xf32>
    %3 = tensor.empty() : tensor<2x2xf32>
    %4 = tensor.empty() : tensor<2x128x55x55xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<2x128x55x55xf32>) -> tensor<2x128x55x55xf32>
    %6 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%2, %3 : tensor<2x128x56x56xf32>, tensor<2x2xf32>) outs(%5 : tensor<2x128x55x55xf32>) -> tensor<2x128x55x55xf32>
    %padded = tensor.pad %6 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst_0 : f32
    } : tensor<2x128x55x55xf32> to tensor<2x128x57x57xf32>
    %7 = tensor.empty() : tensor<3x3xf32>
    %8 = tensor.empty() : tensor<2x128x28x28xf32>
    %9 = linalg.fill ins(%cst_0 : f32) outs(%8 : tensor<2x128x28x28xf32>) -> tensor<2x128x28x28xf32>
    %10 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %7 : tensor<2x128x57x57xf32>, tensor<3x3xf32>) outs(%9 : tensor<2x128x28x28xf32>) -> tensor<2x128x28x28xf32>
    %padded_1 = tensor.pad %10 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<2x128x28x28xf32> to tensor<2x128x30x30xf32>
    %11 = tensor.empty() : tensor<2x2xf32>
    %12 = tensor.empty() : tensor<2x128x15x15xf32>
    %13 = linalg.fill ins(%cst : f32) outs(%12 : tensor<2x128x15x15xf32>) -> tensor<2x128x15x15xf32>
    %14 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_1, %11 : tensor<2x128x30x30xf32>, tensor<2x2xf32>) outs(%13 : tensor<2x128x15x15xf32>) -> tensor<2x128x15x15xf32>
    %15 = tensor.empty() : tensor<2x15x15x128xf32>
    %transposed = linalg.transpose ins(%14 : tensor<2x128x15x15xf32>) outs(%15 : tensor<2x15x15x128xf32>) permutation = [0, 2, 3, 1] 
    return %transposed : tensor<2x15x15x128xf32>
  }
}
