#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<1x16x14x14xf32>, %arg1: tensor<16x3x3xf32>) -> tensor<1x16x14xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 2, 2] high[0, 0, 2, 2] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x16x14x14xf32> to tensor<1x16x18x18xf32>
    %0 = tensor.empty() : tensor<1x16x14x14xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<2> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg1 : tensor<1x16x18x18xf32>, tensor<16x3x3xf32>) outs(%1 : tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32>
    %3 = tensor.empty() : tensor<1x16x14x14xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<1x16x14x14xf32>) outs(%3 : tensor<1x16x14x14xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.negf %in : f32
      %9 = math.exp %8 : f32
      %10 = arith.addf %9, %cst_0 : f32
      %11 = arith.divf %cst_0, %10 : f32
      linalg.yield %11 : f32
    } -> tensor<1x16x14x14xf32>
    %5 = tensor.empty() : tensor<1x16x14xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x16x14xf32>) -> tensor<1x16x14xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%4 : tensor<1x16x14x14xf32>) outs(%6 : tensor<1x16x14xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.addf %in, %out : f32
      linalg.yield %8 : f32
    } -> tensor<1x16x14xf32>
    return %7 : tensor<1x16x14xf32>
  }
}
