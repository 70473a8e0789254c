#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> ()>
module {
  func.func @main(%arg0: tensor<1x3x114x114xf32>, %arg1: tensor<32x3x3x3xf32>, %arg2: tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32> {
    %cst = arith.constant dense<0.000000e+00> : tensor<f32>
    %0 = tensor.empty() : tensor<1x32x56x56xf32>
    %1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x3x114x114xf32>, tensor<32x3x3x3xf32>) outs(%arg2 : tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1, %cst : tensor<1x32x56x56xf32>, tensor<f32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %3 = arith.cmpf ogt, %in, %in_0 : f32
      %4 = arith.select %3, %in, %in_0 : f32
      linalg.yield %4 : f32
    } -> tensor<1x32x56x56xf32>
    return %2 : tensor<1x32x56x56xf32>
  }
}
