#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<8x256x14x14xf32>, %arg1: tensor<256x7x7xf32>, %arg2: tensor<8x256x8x8xf32>) -> tensor<8x256x8x8xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 6, 6] high[0, 0, 6, 6] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<8x256x14x14xf32> to tensor<8x256x26x26xf32>
    %0 = tensor.empty() : tensor<8x256x7x7xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<8x256x7x7xf32>) -> tensor<8x256x7x7xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<2> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %arg1 : tensor<8x256x26x26xf32>, tensor<256x7x7xf32>) outs(%1 : tensor<8x256x7x7xf32>) -> tensor<8x256x7x7xf32>
    %padded_0 = tensor.pad %2 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<8x256x7x7xf32> to tensor<8x256x9x9xf32>
    %3 = tensor.empty() : tensor<2x2xf32>
    %4 = tensor.empty() : tensor<8x256x8x8xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<8x256x8x8xf32>) -> tensor<8x256x8x8xf32>
    %6 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_0, %3 : tensor<8x256x9x9xf32>, tensor<2x2xf32>) outs(%5 : tensor<8x256x8x8xf32>) -> tensor<8x256x8x8xf32>
    %7 = tensor.empty() : tensor<8x256x8x8xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6, %arg2 : tensor<8x256x8x8xf32>, tensor<8x256x8x8xf32>) outs(%7 : tensor<8x256x8x8xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %9 = arith.addf %in, %in_1 : f32
      linalg.yield %9 : f32
    } -> tensor<8x256x8x8xf32>
    return %8 : tensor<8x256x8x8xf32>
  }
}
