#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> ()>
module {
  func.func @main(%arg0: tensor<1x3x114x114xf32>, %arg1: tensor<32x3x3x3xf32>, %arg2: tensor<1x32x56x56xf32>, %arg3: tensor<32xf32>, %arg4: tensor<32x32x1x1xf32>) -> tensor<1x32x56x56xf32> {
    %cst = arith.constant dense<6.000000e+00> : tensor<f32>
    %cst_0 = arith.constant dense<0.000000e+00> : tensor<f32>
    %0 = tensor.empty() : tensor<1x32x56x56xf32>
    %1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x3x114x114xf32>, tensor<32x3x3x3xf32>) outs(%arg2 : tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1, %cst_0 : tensor<1x32x56x56xf32>, tensor<f32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %5 = arith.cmpf ogt, %in, %in_1 : f32
      %6 = arith.select %5, %in, %in_1 : f32
      linalg.yield %6 : f32
    } -> tensor<1x32x56x56xf32>
    %3 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst, %2 : tensor<f32>, tensor<1x32x56x56xf32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %5 = arith.cmpf olt, %in, %in_1 : f32
      %6 = arith.select %5, %in, %in_1 : f32
      linalg.yield %6 : f32
    } -> tensor<1x32x56x56xf32>
    %broadcasted = linalg.broadcast ins(%arg3 : tensor<32xf32>) outs(%0 : tensor<1x32x56x56xf32>) dimensions = [0, 2, 3] 
    %4 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%3, %arg4 : tensor<1x32x56x56xf32>, tensor<32x32x1x1xf32>) outs(%broadcasted : tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32>
    return %4 : tensor<1x32x56x56xf32>
  }
}
