#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x128x18x18xf32>, %arg1: tensor<128x128x3x3xf32>, %arg2: tensor<1x128x16x16xf32>) -> tensor<1x128x16x16xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x128x16x16xf32>
    %1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x128x18x18xf32>, tensor<128x128x3x3xf32>) outs(%arg2 : tensor<1x128x16x16xf32>) -> tensor<1x128x16x16xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1 : tensor<1x128x16x16xf32>) outs(%0 : tensor<1x128x16x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %3 = arith.cmpf ugt, %in, %cst : f32
      %4 = arith.select %3, %in, %cst : f32
      linalg.yield %4 : f32
    } -> tensor<1x128x16x16xf32>
    return %2 : tensor<1x128x16x16xf32>
  }
}
