#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<2x128x7x7xf32>) -> tensor<2x128x3xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<2x128x3x3xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<2x128x3x3xf32>) -> tensor<2x128x3x3xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<2x128x7x7xf32>, tensor<3x3xf32>) outs(%2 : tensor<2x128x3x3xf32>) -> tensor<2x128x3x3xf32>
    %4 = tensor.empty() : tensor<2x128x3xf32>
    %5 = linalg.fill ins(%cst_0 : f32) outs(%4 : tensor<2x128x3xf32>) -> tensor<2x128x3xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%3 : tensor<2x128x3x3xf32>) outs(%5 : tensor<2x128x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.maximumf %in, %out : f32
      linalg.yield %7 : f32
    } -> tensor<2x128x3xf32>
    return %6 : tensor<2x128x3xf32>
  }
}
