module {
  func.func @main(%arg0: tensor<1x56x56x24xf32>) -> tensor<1x24x56x56xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x56x56x24xf32> to tensor<1x58x58x24xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x56x56x24xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x56x56x24xf32>) -> tensor<1x56x56x24xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %0 : tensor<1x58x58x24xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x56x56x24xf32>) -> tensor<1x56x56x24xf32>
    %4 = tensor.empty() : tensor<1x24x56x56xf32>
    %transposed = linalg.transpose ins(%3 : tensor<1x56x56x24xf32>) outs(%4 : tensor<1x24x56x56xf32>) permutation = [0, 3, 1, 2] 
    return %transposed : tensor<1x24x56x56xf32>
  }
}
