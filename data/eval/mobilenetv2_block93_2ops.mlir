#map = affine_map<(d0, d1, d2, d3) -> ()>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x192x7x7xf32>, %arg1: tensor<64x192x1x1xf32>, %arg2: tensor<1x64x7x7xf32>) -> tensor<1x64x7x7xf32> {
    %cst = arith.constant dense<6.000000e+00> : tensor<f32>
    %0 = tensor.empty() : tensor<1x192x7x7xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst, %arg0 : tensor<f32>, tensor<1x192x7x7xf32>) outs(%0 : tensor<1x192x7x7xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %3 = arith.cmpf olt, %in, %in_0 : f32
      %4 = arith.select %3, %in, %in_0 : f32
      linalg.yield %4 : f32
    } -> tensor<1x192x7x7xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%1, %arg1 : tensor<1x192x7x7xf32>, tensor<64x192x1x1xf32>) outs(%arg2 : tensor<1x64x7x7xf32>) -> tensor<1x64x7x7xf32>
    return %2 : tensor<1x64x7x7xf32>
  }
}
