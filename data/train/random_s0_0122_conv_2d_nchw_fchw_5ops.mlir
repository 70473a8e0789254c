#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<2x48x28x28xf32>, %arg1: tensor<128x48x3x3xf32>, %arg2: tensor<128x3x3xf32>) -> tensor<2x6x128xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x128x13x13xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x128x13x13xf32>) -> tensor<2x128x13x13xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<2x48x28x28xf32>, tensor<128x48x3x3xf32>) outs(%1 : tensor<2x128x13x13xf32>) -> tensor<2x128x13x13xf32>
    %3 = tensor.empty() : tensor<2x2xf32>
    %4 = tensor.empty() : tensor<2x128x6x6xf32>
    %5 = linalg.fill ins(%cst_0 : f32) outs(%4 : tensor<2x128x6x6xf32>) -> tensor<2x128x6x6xf32>
    %6 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%2, %3 : tensor<2x128x13x13xf32>, tensor<2x2xf32>) outs(%5 : tensor<2x128x6x6xf32>) -> tensor<2x128x6x6xf32>
    %padded = tensor.pad %6 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<2x128x6x6xf32> to tensor<2x128x8x8xf32>
    %7 = tensor.empty() : tensor<2x128x6x6xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<2x128x6x6xf32>) -> tensor<2x128x6x6xf32>
    %9 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg2 : tensor<2x128x8x8xf32>, tensor<128x3x3xf32>) outs(%8 : tensor<2x128x6x6xf32>) -> tensor<2x128x6x6xf32>
    %10 = tensor.empty() : tensor<2x128x6xf32>
    %11 = linalg.fill ins(%cst : f32) outs(%10 : tensor<2x128x6xf32>) -> tensor<2x128x6xf32>
    %12 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%9 : tensor<2x128x6x6xf32>) outs(%11 : tensor<2x128x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      %14 = arith.addf %in, %out : f32
      linalg.yield %14 : f32
    } -> tensor<2x128x6xf32>
    %13 = tensor.empty() : tensor<2x6x128xf32>
    %transposed = linalg.transpose ins(%12 : tensor<2x128x6xf32>) outs(%13 : tensor<2x6x128xf32>) permutation = [0, 2, 1] 
    return %transposed : tensor<2x6x128xf32>
  }
}
