#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x256x4x4xf32>, %arg1: tensor<1x256x4x4xf32>, %arg2: tensor<1x256x4x4xf32>, %arg3: tensor<256xf32>, %arg4: tensor<256x256x3x3xf32>) -> tensor<1x256x4x4xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x256x4x4xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<1x256x4x4xf32>, tensor<1x256x4x4xf32>) outs(%0 : tensor<1x256x4x4xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %5 = arith.addf %in, %in_0 : f32
      linalg.yield %5 : f32
    } -> tensor<1x256x4x4xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1 : tensor<1x256x4x4xf32>) outs(%0 : tensor<1x256x4x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = arith.cmpf ugt, %in, %cst : f32
      %6 = arith.select %5, %in, %cst : f32
      linalg.yield %6 : f32
    } -> tensor<1x256x4x4xf32>
    %padded = tensor.pad %arg2 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg5: index, %arg6: index, %arg7: index, %arg8: index):
      tensor.yield %cst : f32
    } : tensor<1x256x4x4xf32> to tensor<1x256x6x6xf32>
    %broadcasted = linalg.broadcast ins(%arg3 : tensor<256xf32>) outs(%0 : tensor<1x256x4x4xf32>) dimensions = [0, 2, 3] 
    %3 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg4 : tensor<1x256x6x6xf32>, tensor<256x256x3x3xf32>) outs(%broadcasted : tensor<1x256x4x4xf32>) -> tensor<1x256x4x4xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %2 : tensor<1x256x4x4xf32>, tensor<1x256x4x4xf32>) outs(%0 : tensor<1x256x4x4xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %5 = arith.addf %in, %in_0 : f32
      linalg.yield %5 : f32
    } -> tensor<1x256x4x4xf32>
    return %4 : tensor<1x256x4x4xf32>
  }
}
