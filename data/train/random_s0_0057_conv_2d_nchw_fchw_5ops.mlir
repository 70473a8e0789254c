#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @main(%arg0: tensor<2x384x14x14xf32>, %arg1: tensor<96x384x3x3xf32>, %arg2: tensor<96x96x1x1xf32>, %arg3: tensor<96xf32>) -> tensor<2x12x12x96xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x96x12x12xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x96x12x12xf32>) -> tensor<2x96x12x12xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<2x384x14x14xf32>, tensor<96x384x3x3xf32>) outs(%1 : tensor<2x96x12x12xf32>) -> tensor<2x96x12x12xf32>
    %3 = tensor.empty() : tensor<2x96x12x12xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<2x96x12x12xf32>) -> tensor<2x96x12x12xf32>
    %5 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%2, %arg2 : tensor<2x96x12x12xf32>, tensor<96x96x1x1xf32>) outs(%4 : tensor<2x96x12x12xf32>) -> tensor<2x96x12x12xf32>
    %6 = tensor.empty() : tensor<2x96x12x12xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%5, %arg3 : tensor<2x96x12x12xf32>, tensor<96xf32>) outs(%6 : tensor<2x96x12x12xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %11 = arith.addf %in, %in_1 : f32
      linalg.yield %11 : f32
    } -> tensor<2x96x12x12xf32>
    %8 = tensor.empty() : tensor<2x12x12x96xf32>
    %transposed = linalg.transpose ins(%7 : tensor<2x96x12x12xf32>) outs(%8 : tensor<2x12x12x96xf32>) permutation = [0, 2, 3, 1] 
    %9 = tensor.empty() : tensor<2x12x12x96xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed : tensor<2x12x12x96xf32>) outs(%9 : tensor<2x12x12x96xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.negf %in : f32
      %12 = math.exp %11 : f32
      %13 = arith.addf %12, %cst_0 : f32
      %14 = arith.divf %cst_0, %13 : f32
      linalg.yield %14 : f32
    } -> tensor<2x12x12x96xf32>
    return %10 : tensor<2x12x12x96xf32>
  }
}
