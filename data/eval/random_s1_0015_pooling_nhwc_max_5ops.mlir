#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<4x28x28x16xf32>, %arg1: tensor<4x16x26xf32>) -> tensor<4x16xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<4x26x26x16xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<4x26x26x16xf32>) -> tensor<4x26x26x16xf32>
    %3 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %0 : tensor<4x28x28x16xf32>, tensor<3x3xf32>) outs(%2 : tensor<4x26x26x16xf32>) -> tensor<4x26x26x16xf32>
    %4 = tensor.empty() : tensor<4x16x26x26xf32>
    %transposed = linalg.transpose ins(%3 : tensor<4x26x26x16xf32>) outs(%4 : tensor<4x16x26x26xf32>) permutation = [0, 3, 1, 2] 
    %5 = tensor.empty() : tensor<4x16x26xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<4x16x26xf32>) -> tensor<4x16x26xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%transposed : tensor<4x16x26x26xf32>) outs(%6 : tensor<4x16x26xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.maximumf %in, %out : f32
      linalg.yield %13 : f32
    } -> tensor<4x16x26xf32>
    %8 = tensor.empty() : tensor<4x16x26xf32>
    %9 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%7, %arg1 : tensor<4x16x26xf32>, tensor<4x16x26xf32>) outs(%8 : tensor<4x16x26xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %13 = arith.mulf %in, %in_0 : f32
      linalg.yield %13 : f32
    } -> tensor<4x16x26xf32>
    %10 = tensor.empty() : tensor<4x16xf32>
    %11 = linalg.fill ins(%cst : f32) outs(%10 : tensor<4x16xf32>) -> tensor<4x16xf32>
    %12 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%9 : tensor<4x16x26xf32>) outs(%11 : tensor<4x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.maximumf %in, %out : f32
      linalg.yield %13 : f32
    } -> tensor<4x16xf32>
    return %12 : tensor<4x16xf32>
  }
}
