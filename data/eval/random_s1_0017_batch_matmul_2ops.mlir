module {
  func.func @main(%arg0: tensor<12x32x64xf32>, %arg1: tensor<12x64x196xf32>) -> tensor<12x196x32xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<12x32x196xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<12x32x196xf32>) -> tensor<12x32x196xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<12x32x64xf32>, tensor<12x64x196xf32>) outs(%1 : tensor<12x32x196xf32>) -> tensor<12x32x196xf32>
    %3 = tensor.empty() : tensor<12x196x32xf32>
    %transposed = linalg.transpose ins(%2 : tensor<12x32x196xf32>) outs(%3 : tensor<12x196x32xf32>) permutation = [0, 2, 1] 
    return %transposed : tensor<12x196x32xf32>
  }
}
