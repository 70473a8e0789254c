#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x28x28x384xf32>, %arg1: tensor<1x384x13x13xf32>) -> tensor<1x384x13x13xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %cst_1 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x26x26x384xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x26x26x384xf32>) -> tensor<1x26x26x384xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %0 : tensor<1x28x28x384xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x26x26x384xf32>) -> tensor<1x26x26x384xf32>
    %4 = tensor.empty() : tensor<1x26x26x384xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x26x26x384xf32>) outs(%4 : tensor<1x26x26x384xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.negf %in : f32
      %14 = math.exp %13 : f32
      %15 = arith.addf %14, %cst_0 : f32
      %16 = arith.divf %cst_0, %15 : f32
      linalg.yield %16 : f32
    } -> tensor<1x26x26x384xf32>
    %6 = tensor.empty() : tensor<2x2xf32>
    %7 = tensor.empty() : tensor<1x13x13x384xf32>
    %8 = linalg.fill ins(%cst_1 : f32) outs(%7 : tensor<1x13x13x384xf32>) -> tensor<1x13x13x384xf32>
    %9 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%5, %6 : tensor<1x26x26x384xf32>, tensor<2x2xf32>) outs(%8 : tensor<1x13x13x384xf32>) -> tensor<1x13x13x384xf32>
    %10 = tensor.empty() : tensor<1x384x13x13xf32>
    %transposed = linalg.transpose ins(%9 : tensor<1x13x13x384xf32>) outs(%10 : tensor<1x384x13x13xf32>) permutation = [0, 3, 1, 2] 
    %11 = tensor.empty() : tensor<1x384x13x13xf32>
    %12 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed, %arg1 : tensor<1x384x13x13xf32>, tensor<1x384x13x13xf32>) outs(%11 : tensor<1x384x13x13xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %13 = arith.addf %in, %in_2 : f32
      linalg.yield %13 : f32
    } -> tensor<1x384x13x13xf32>
    return %12 : tensor<1x384x13x13xf32>
  }
}
