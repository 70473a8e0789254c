#map = affine_map<(d0, d1, d2, d3) -> ()>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x96x28x28xf32>, %arg1: tensor<24xf32>, %arg2: tensor<24x96x1x1xf32>, %arg3: tensor<144xf32>, %arg4: tensor<144x24x1x1xf32>) -> tensor<1x144x28x28xf32> {
    %cst = arith.constant dense<6.000000e+00> : tensor<f32>
    %0 = tensor.empty() : tensor<1x96x28x28xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst, %arg0 : tensor<f32>, tensor<1x96x28x28xf32>) outs(%0 : tensor<1x96x28x28xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %6 = arith.cmpf olt, %in, %in_1 : f32
      %7 = arith.select %6, %in, %in_1 : f32
      linalg.yield %7 : f32
    } -> tensor<1x96x28x28xf32>
    %2 = tensor.empty() : tensor<1x24x28x28xf32>
    %broadcasted = linalg.broadcast ins(%arg1 : tensor<24xf32>) outs(%2 : tensor<1x24x28x28xf32>) dimensions = [0, 2, 3] 
    %3 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%1, %arg2 : tensor<1x96x28x28xf32>, tensor<24x96x1x1xf32>) outs(%broadcasted : tensor<1x24x28x28xf32>) -> tensor<1x24x28x28xf32>
    %4 = tensor.empty() : tensor<1x144x28x28xf32>
    %broadcasted_0 = linalg.broadcast ins(%arg3 : tensor<144xf32>) outs(%4 : tensor<1x144x28x28xf32>) dimensions = [0, 2, 3] 
    %5 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%3, %arg4 : tensor<1x24x28x28xf32>, tensor<144x24x1x1xf32>) outs(%broadcasted_0 : tensor<1x144x28x28xf32>) -> tensor<1x144x28x28xf32>
    return %5 : tensor<1x144x28x28xf32>
  }
}
