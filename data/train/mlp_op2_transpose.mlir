module {
  func.func @main(%arg0: tensor<512x256xf32>) -> tensor<256x512xf32> {
    %0 = tensor.empty() : tensor<256x512xf32>
    %transposed = linalg.transpose ins(%arg0 : tensor<512x256xf32>) outs(%0 : tensor<256x512xf32>) permutation = [1, 0] 
    return %transposed : tensor<256x512xf32>
  }
}
