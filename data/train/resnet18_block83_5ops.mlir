#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x256x4x4xf32>, %arg1: tensor<1x512x2x2xf32>, %arg2: tensor<512xf32>, %arg3: tensor<512x512x3x3xf32>, %arg4: tensor<512x256x1x1xf32>, %arg5: tensor<1x512x2x2xf32>) -> tensor<1x512x2x2xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x256x4x4xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x256x4x4xf32>) outs(%0 : tensor<1x256x4x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.cmpf ugt, %in, %cst : f32
      %7 = arith.select %6, %in, %cst : f32
      linalg.yield %7 : f32
    } -> tensor<1x256x4x4xf32>
    %2 = tensor.empty() : tensor<1x512x2x2xf32>
    %padded = tensor.pad %arg1 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg6: index, %arg7: index, %arg8: index, %arg9: index):
      tensor.yield %cst : f32
    } : tensor<1x512x2x2xf32> to tensor<1x512x4x4xf32>
    %broadcasted = linalg.broadcast ins(%arg2 : tensor<512xf32>) outs(%2 : tensor<1x512x2x2xf32>) dimensions = [0, 2, 3] 
    %3 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg3 : tensor<1x512x4x4xf32>, tensor<512x512x3x3xf32>) outs(%broadcasted : tensor<1x512x2x2xf32>) -> tensor<1x512x2x2xf32>
    %4 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%1, %arg4 : tensor<1x256x4x4xf32>, tensor<512x256x1x1xf32>) outs(%arg5 : tensor<1x512x2x2xf32>) -> tensor<1x512x2x2xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %4 : tensor<1x512x2x2xf32>, tensor<1x512x2x2xf32>) outs(%2 : tensor<1x512x2x2xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %6 = arith.addf %in, %in_0 : f32
      linalg.yield %6 : f32
    } -> tensor<1x512x2x2xf32>
    return %5 : tensor<1x512x2x2xf32>
  }
}
