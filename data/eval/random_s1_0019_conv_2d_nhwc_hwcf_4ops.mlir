#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<4x14x14x512xf32>, %arg1: tensor<1x1x512x128xf32>) -> tensor<4x7x7xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<4x7x7x128xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<4x7x7x128xf32>) -> tensor<4x7x7x128xf32>
    %2 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<4x14x14x512xf32>, tensor<1x1x512x128xf32>) outs(%1 : tensor<4x7x7x128xf32>) -> tensor<4x7x7x128xf32>
    %3 = tensor.empty() : tensor<4x7x7xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<4x7x7xf32>) -> tensor<4x7x7xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%2 : tensor<4x7x7x128xf32>) outs(%4 : tensor<4x7x7xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.addf %in, %out : f32
      linalg.yield %9 : f32
    } -> tensor<4x7x7xf32>
    %6 = tensor.empty() : tensor<4x7x7xf32>
    %transposed = linalg.transpose ins(%5 : tensor<4x7x7xf32>) outs(%6 : tensor<4x7x7xf32>) permutation = [0, 2, 1] 
    %7 = tensor.empty() : tensor<4x7x7xf32>
    %8 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%transposed : tensor<4x7x7xf32>) outs(%7 : tensor<4x7x7xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.negf %in : f32
      %10 = math.exp %9 : f32
      %11 = arith.addf %10, %cst_0 : f32
      %12 = arith.divf %cst_0, %11 : f32
      linalg.yield %12 : f32
    } -> tensor<4x7x7xf32>
    return %8 : tensor<4x7x7xf32>
  }
}
