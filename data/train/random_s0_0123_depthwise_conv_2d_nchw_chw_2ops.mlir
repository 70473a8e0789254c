#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<1x24x28x28xf32>, %arg1: tensor<24x3x3xf32>) -> tensor<1x24x28xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x24x28x28xf32> to tensor<1x24x30x30xf32>
    %0 = tensor.empty() : tensor<1x24x28x28xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x24x28x28xf32>) -> tensor<1x24x28x28xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg1 : tensor<1x24x30x30xf32>, tensor<24x3x3xf32>) outs(%1 : tensor<1x24x28x28xf32>) -> tensor<1x24x28x28xf32>
    %3 = tensor.empty() : tensor<1x24x28xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<1x24x28xf32>) -> tensor<1x24x28xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%2 : tensor<1x24x28x28xf32>) outs(%4 : tensor<1x24x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.addf %in, %out : f32
      linalg.yield %6 : f32
    } -> tensor<1x24x28xf32>
    return %5 : tensor<1x24x28xf32>
  }
}
