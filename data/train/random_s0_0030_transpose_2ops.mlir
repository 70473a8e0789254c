#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<4x32x128xf32>, %arg1: tensor<4x128x32xf32>) -> tensor<4x128x32xf32> {
    %0 = tensor.empty() : tensor<4x128x32xf32>
    %transposed = linalg.transpose ins(%arg0 : tensor<4x32x128xf32>) outs(%0 : tensor<4x128x32xf32>) permutation = [0, 2, 1] 
    %1 = tensor.empty() : tensor<4x128x32xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%transposed, %arg1 : tensor<4x128x32xf32>, tensor<4x128x32xf32>) outs(%1 : tensor<4x128x32xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %3 = arith.mulf %in, %in_0 : f32
      linalg.yield %3 : f32
    } -> tensor<4x128x32xf32>
    return %2 : tensor<4x128x32xf32>
  }
}
