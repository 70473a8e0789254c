#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<196x128xf32>, %arg1: tensor<128x512xf32>, %arg2: tensor<196x512xf32>) -> tensor<512x196xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<196x512xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<196x512xf32>) -> tensor<196x512xf32>
    %2 = linalg.matmul ins(%arg0, %arg1 : tensor<196x128xf32>, tensor<128x512xf32>) outs(%1 : tensor<196x512xf32>) -> tensor<196x512xf32>
    %3 = tensor.empty() : tensor<512x196xf32>
    %transposed = linalg.transpose ins(%2 : tensor<196x512xf32>) outs(%3 : tensor<512x196xf32>) permutation = [1, 0] 
    %4 = tensor.empty() : tensor<196x512xf32>
    %transposed_0 = linalg.transpose ins(%transposed : tensor<512x196xf32>) outs(%4 : tensor<196x512xf32>) permutation = [1, 0] 
    %5 = tensor.empty() : tensor<196x512xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%transposed_0, %arg2 : tensor<196x512xf32>, tensor<196x512xf32>) outs(%5 : tensor<196x512xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %8 = arith.mulf %in, %in_2 : f32
      linalg.yield %8 : f32
    } -> tensor<196x512xf32>
    %7 = tensor.empty() : tensor<512x196xf32>
    %transposed_1 = linalg.transpose ins(%6 : tensor<196x512xf32>) outs(%7 : tensor<512x196xf32>) permutation = [1, 0] 
    return %transposed_1 : tensor<512x196xf32>
  }
}
