module {
  func.func @main(%arg0: tensor<100x8192xf32>) -> tensor<8192x100xf32> {
    %0 = tensor.empty() : tensor<8192x100xf32>
    %transposed = linalg.transpose ins(%arg0 : tensor<100x8192xf32>) outs(%0 : tensor<8192x100xf32>) permutation = [1, 0] 
    return %transposed : tensor<8192x100xf32>
  }
}
