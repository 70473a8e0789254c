#map = affine_map<(d0, d1, d2, d3) -> ()>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x32x56x56xf32>, %arg1: tensor<32xf32>, %arg2: tensor<32x1x3x3xf32>) -> tensor<1x32x56x56xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<6.000000e+00> : tensor<f32>
    %cst_1 = arith.constant dense<0.000000e+00> : tensor<f32>
    %0 = tensor.empty() : tensor<1x32x56x56xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %arg0 : tensor<f32>, tensor<1x32x56x56xf32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %5 = arith.cmpf olt, %in, %in_2 : f32
      %6 = arith.select %5, %in, %in_2 : f32
      linalg.yield %6 : f32
    } -> tensor<1x32x56x56xf32>
    %padded = tensor.pad %1 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x32x56x56xf32> to tensor<1x32x58x58xf32>
    %broadcasted = linalg.broadcast ins(%arg1 : tensor<32xf32>) outs(%0 : tensor<1x32x56x56xf32>) dimensions = [0, 2, 3] 
    %collapsed = tensor.collapse_shape %arg2 [[0, 1], [2], [3]] : tensor<32x1x3x3xf32> into tensor<32x3x3xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %collapsed : tensor<1x32x58x58xf32>, tensor<32x3x3xf32>) outs(%broadcasted : tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32>
    %3 = linalg.generic {indexing_maps = [#map1, #map, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2, %cst_1 : tensor<1x32x56x56xf32>, tensor<f32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %5 = arith.cmpf ogt, %in, %in_2 : f32
      %6 = arith.select %5, %in, %in_2 : f32
      linalg.yield %6 : f32
    } -> tensor<1x32x56x56xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %3 : tensor<f32>, tensor<1x32x56x56xf32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %5 = arith.cmpf olt, %in, %in_2 : f32
      %6 = arith.select %5, %in, %in_2 : f32
      linalg.yield %6 : f32
    } -> tensor<1x32x56x56xf32>
    return %4 : tensor<1x32x56x56xf32>
  }
}
