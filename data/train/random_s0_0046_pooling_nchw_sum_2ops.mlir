module {
  func.func @main(%arg0: tensor<1x384x28x28xf32>) -> tensor<1x384x8x8xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x384x28x28xf32> to tensor<1x384x30x30xf32>
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x384x15x15xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x384x15x15xf32>) -> tensor<1x384x15x15xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<1x384x30x30xf32>, tensor<2x2xf32>) outs(%2 : tensor<1x384x15x15xf32>) -> tensor<1x384x15x15xf32>
    %padded_0 = tensor.pad %3 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x384x15x15xf32> to tensor<1x384x17x17xf32>
    %4 = tensor.empty() : tensor<2x2xf32>
    %5 = tensor.empty() : tensor<1x384x8x8xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x384x8x8xf32>) -> tensor<1x384x8x8xf32>
    %7 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_0, %4 : tensor<1x384x17x17xf32>, tensor<2x2xf32>) outs(%6 : tensor<1x384x8x8xf32>) -> tensor<1x384x8x8xf32>
    return %7 : tensor<1x384x8x8xf32>
  }
}
