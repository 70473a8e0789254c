#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x256x6x6xf32>, %arg1: tensor<256x256x3x3xf32>, %arg2: tensor<1x256x4x4xf32>, %arg3: tensor<1x256x4x4xf32>, %arg4: tensor<512xf32>, %arg5: tensor<512x256x1x1xf32>) -> tensor<1x512x2x2xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x256x4x4xf32>
    %1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x256x6x6xf32>, tensor<256x256x3x3xf32>) outs(%arg2 : tensor<1x256x4x4xf32>) -> tensor<1x256x4x4xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1, %arg3 : tensor<1x256x4x4xf32>, tensor<1x256x4x4xf32>) outs(%0 : tensor<1x256x4x4xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %6 = arith.addf %in, %in_0 : f32
      linalg.yield %6 : f32
    } -> tensor<1x256x4x4xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<1x256x4x4xf32>) outs(%0 : tensor<1x256x4x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.cmpf ugt, %in, %cst : f32
      %7 = arith.select %6, %in, %cst : f32
      linalg.yield %7 : f32
    } -> tensor<1x256x4x4xf32>
    %4 = tensor.empty() : tensor<1x512x2x2xf32>
    %broadcasted = linalg.broadcast ins(%arg4 : tensor<512xf32>) outs(%4 : tensor<1x512x2x2xf32>) dimensions = [0, 2, 3] 
    %5 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%3, %arg5 : tensor<1x256x4x4xf32>, tensor<512x256x1x1xf32>) outs(%broadcasted : tensor<1x512x2x2xf32>) -> tensor<1x512x2x2xf32>
    return %5 : tensor<1x512x2x2xf32>
  }
}
