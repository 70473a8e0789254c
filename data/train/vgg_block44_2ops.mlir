module {
  func.func @main(%arg0: tensor<1x128x8x8xf32>, %arg1: tensor<100x8192xf32>) -> tensor<1x100xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %collapsed = tensor.collapse_shape %arg0 [[0], [1, 2, 3]] : tensor<1x128x8x8xf32> into tensor<1x8192xf32>
    %0 = tensor.empty() : tensor<8192x100xf32>
    %transposed = linalg.transpose ins(%arg1 : tensor<100x8192xf32>) outs(%0 : tensor<8192x100xf32>) permutation = [1, 0] 
    %1 = tensor.empty() : tensor<1x100xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x100xf32>) -> tensor<1x100xf32>
    %3 = linalg.matmul ins(%collapsed, %transposed : tensor<1x8192xf32>, tensor<8192x100xf32>) outs(%2 : tensor<1x100xf32>) -> tensor<1x100xf32>
    return %3 : tensor<1x100xf32>
  }
}
