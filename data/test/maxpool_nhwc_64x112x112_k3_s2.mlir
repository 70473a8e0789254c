module {
  func.func @main(%arg0: tensor<1x112x112x64xf32>) -> tensor<1x56x56x64xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
      tensor.yield %cst : f32
    } : tensor<1x112x112x64xf32> to tensor<1x114x114x64xf32>
    %0 = tensor.empty() : tensor<1x56x56x64xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x56x56x64xf32>) -> tensor<1x56x56x64xf32>
    %window = tensor.empty() : tensor<3x3xf32>
    %2 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %window : tensor<1x114x114x64xf32>, tensor<3x3xf32>) outs(%1 : tensor<1x56x56x64xf32>) -> tensor<1x56x56x64xf32>
    return %2 : tensor<1x56x56x64xf32>
  }
}
