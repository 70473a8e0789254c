#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<2x512x14x14xf32>, %arg1: tensor<512x3x3xf32>, %arg2: tensor<2x512x3x3xf32>, %arg3: tensor<512x1x1xf32>, %arg4: tensor<512x7x7xf32>) -> tensor<2x512x2x2xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<2x512x7x7xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<2x512x7x7xf32>) -> tensor<2x512x7x7xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<2x512x14x14xf32>, tensor<2x2xf32>) outs(%2 : tensor<2x512x7x7xf32>) -> tensor<2x512x7x7xf32>
    %4 = tensor.empty() : tensor<2x512x3x3xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<2x512x3x3xf32>) -> tensor<2x512x3x3xf32>
    %6 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<2> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%3, %arg1 : tensor<2x512x7x7xf32>, tensor<512x3x3xf32>) outs(%5 : tensor<2x512x3x3xf32>) -> tensor<2x512x3x3xf32>
    %7 = tensor.empty() : tensor<2x512x3x3xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6, %arg2 : tensor<2x512x3x3xf32>, tensor<2x512x3x3xf32>) outs(%7 : tensor<2x512x3x3xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %15 = arith.addf %in, %in_0 : f32
      linalg.yield %15 : f32
    } -> tensor<2x512x3x3xf32>
    %9 = tensor.empty() : tensor<2x512x3x3xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<2x512x3x3xf32>) -> tensor<2x512x3x3xf32>
    %11 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%8, %arg3 : tensor<2x512x3x3xf32>, tensor<512x1x1xf32>) outs(%10 : tensor<2x512x3x3xf32>) -> tensor<2x512x3x3xf32>
    %padded = tensor.pad %11 low[0, 0, 3, 3] high[0, 0, 3, 3] {
    ^bb0(%arg5: index, %arg6: index, %arg7: index, %arg8: index):
      tensor.yield %cst : f32
    } : tensor<2x512x3x3xf32> to tensor<2x512x9x9xf32>
    %12 = tensor.empty() : tensor<2x512x2x2xf32>
    %13 = linalg.fill ins(%cst : f32) outs(%12 : tensor<2x512x2x2xf32>) -> tensor<2x512x2x2xf32>
    %14 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %arg4 : tensor<2x512x9x9xf32>, tensor<512x7x7xf32>) outs(%13 : tensor<2x512x2x2xf32>) -> tensor<2x512x2x2xf32>
    return %14 : tensor<2x512x2x2xf32>
  }
}
