module {
  func.func @main(%arg0: tensor<4x64x64xf32>, %arg1: tensor<4x64x64xf32>) -> tensor<1x64x4x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<4x64x64xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<4x64x64xf32>, tensor<4x64x64xf32>) outs(%1 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    %expanded = tensor.expand_shape %2 [[0, 1], [2], [3]] output_shape [1, 4, 64, 64] : tensor<4x64x64xf32> into tensor<1x4x64x64xf32>
    %3 = tensor.empty() : tensor<1x64x4x64xf32>
    %transposed = linalg.transpose ins(%expanded : tensor<1x4x64x64xf32>) outs(%3 : tensor<1x64x4x64xf32>) permutation = [0, 2, 1, 3] 
    return %transposed : tensor<1x64x4x64xf32>
  }
}
