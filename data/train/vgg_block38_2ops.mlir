#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x128x16x16xf32>) -> tensor<1x128x8x8xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x128x16x16xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x128x16x16xf32>) outs(%1 : tensor<1x128x16x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.cmpf ugt, %in, %cst : f32
      %7 = arith.select %6, %in, %cst : f32
      linalg.yield %7 : f32
    } -> tensor<1x128x16x16xf32>
    %3 = tensor.empty() : tensor<1x128x8x8xf32>
    %4 = linalg.fill ins(%cst_0 : f32) outs(%3 : tensor<1x128x8x8xf32>) -> tensor<1x128x8x8xf32>
    %5 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%2, %0 : tensor<1x128x16x16xf32>, tensor<2x2xf32>) outs(%4 : tensor<1x128x8x8xf32>) -> tensor<1x128x8x8xf32>
    return %5 : tensor<1x128x8x8xf32>
  }
}
