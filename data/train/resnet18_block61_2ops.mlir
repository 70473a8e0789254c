#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x128x8x8xf32>, %arg1: tensor<256x128x1x1xf32>, %arg2: tensor<1x256x4x4xf32>) -> tensor<1x256x4x4xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x128x8x8xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x128x8x8xf32>) outs(%0 : tensor<1x128x8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %3 = arith.cmpf ugt, %in, %cst : f32
      %4 = arith.select %3, %in, %cst : f32
      linalg.yield %4 : f32
    } -> tensor<1x128x8x8xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%1, %arg1 : tensor<1x128x8x8xf32>, tensor<256x128x1x1xf32>) outs(%arg2 : tensor<1x256x4x4xf32>) -> tensor<1x256x4x4xf32>
    return %2 : tensor<1x256x4x4xf32>
  }
}
