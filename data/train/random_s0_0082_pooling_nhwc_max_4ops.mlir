#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<2x28x28x96xf32>) -> tensor<2x13x13xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<2x13x13x96xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<2x13x13x96xf32>) -> tensor<2x13x13x96xf32>
    %3 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<2x28x28x96xf32>, tensor<3x3xf32>) outs(%2 : tensor<2x13x13x96xf32>) -> tensor<2x13x13x96xf32>
    %4 = tensor.empty() : tensor<2x13x13x96xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<2x13x13x96xf32>) outs(%4 : tensor<2x13x13x96xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.cmpf ugt, %in, %cst_0 : f32
      %11 = arith.select %10, %in, %cst_0 : f32
      linalg.yield %11 : f32
    } -> tensor<2x13x13x96xf32>
    %6 = tensor.empty() : tensor<2x13x13xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<2x13x13xf32>) -> tensor<2x13x13xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%5 : tensor<2x13x13x96xf32>) outs(%7 : tensor<2x13x13xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.maximumf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<2x13x13xf32>
    %9 = tensor.empty() : tensor<2x13x13xf32>
    %transposed = linalg.transpose ins(%8 : tensor<2x13x13xf32>) outs(%9 : tensor<2x13x13xf32>) permutation = [0, 2, 1] 
    return %transposed : tensor<2x13x13xf32>
  }
}
