module {
  func.func @main(%arg0: tensor<1x64x4x64xf32>, %arg1: tensor<256x256xf32>) -> tensor<64x256xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2, 3]] : tensor<1x64x4x64xf32> into tensor<64x256xf32>
    %0 = tensor.empty() : tensor<256x256xf32>
    %transposed = linalg.transpose ins(%arg1 : tensor<256x256xf32>) outs(%0 : tensor<256x256xf32>) permutation = [1, 0] 
    %1 = tensor.empty() : tensor<64x256xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<64x256xf32>) -> tensor<64x256xf32>
    %3 = linalg.matmul ins(%collapsed, %transposed : tensor<64x256xf32>, tensor<256x256xf32>) outs(%2 : tensor<64x256xf32>) -> tensor<64x256xf32>
    return %3 : tensor<64x256xf32>
  }
}
