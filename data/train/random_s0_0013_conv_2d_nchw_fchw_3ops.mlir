#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @main(%arg0: tensor<1x48x14x14xf32>, %arg1: tensor<128x48x3x3xf32>, %arg2: tensor<128xf32>, %arg3: tensor<128x7x7xf32>) -> tensor<1x128x6x6xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x128x6x6xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x128x6x6xf32>) -> tensor<1x128x6x6xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x48x14x14xf32>, tensor<128x48x3x3xf32>) outs(%1 : tensor<1x128x6x6xf32>) -> tensor<1x128x6x6xf32>
    %3 = tensor.empty() : tensor<1x128x6x6xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2, %arg2 : tensor<1x128x6x6xf32>, tensor<128xf32>) outs(%3 : tensor<1x128x6x6xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %8 = arith.addf %in, %in_0 : f32
      linalg.yield %8 : f32
    } -> tensor<1x128x6x6xf32>
    %padded = tensor.pad %4 low[0, 0, 3, 3] high[0, 0, 3, 3] {
    ^bb0(%arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst : f32
    } : tensor<1x128x6x6xf32> to tensor<1x128x12x12xf32>
    %5 = tensor.empty() : tensor<1x128x6x6xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x128x6x6xf32>) -> tensor<1x128x6x6xf32>
    %7 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg3 : tensor<1x128x12x12xf32>, tensor<128x7x7xf32>) outs(%6 : tensor<1x128x6x6xf32>) -> tensor<1x128x6x6xf32>
    return %7 : tensor<1x128x6x6xf32>
  }
}
