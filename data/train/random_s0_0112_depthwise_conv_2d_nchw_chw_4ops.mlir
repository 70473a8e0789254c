#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x24x14x14xf32>, %arg1: tensor<24x3x3xf32>, %arg2: tensor<1x24x14x14xf32>) -> tensor<1x14x14x24xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x24x14x14xf32> to tensor<1x24x16x16xf32>
    %0 = tensor.empty() : tensor<1x24x14x14xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x24x14x14xf32>) -> tensor<1x24x14x14xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg1 : tensor<1x24x16x16xf32>, tensor<24x3x3xf32>) outs(%1 : tensor<1x24x14x14xf32>) -> tensor<1x24x14x14xf32>
    %3 = tensor.empty() : tensor<1x24x14x14xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<1x24x14x14xf32>) outs(%3 : tensor<1x24x14x14xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = math.fpowi %in, %c3_i64 : f32, i64
      %9 = arith.mulf %8, %cst_1 : f32
      %10 = arith.addf %in, %9 : f32
      %11 = arith.mulf %10, %cst_2 : f32
      %12 = math.tanh %11 : f32
      %13 = arith.addf %12, %cst_0 : f32
      %14 = arith.mulf %13, %cst_3 : f32
      %15 = arith.mulf %in, %14 : f32
      linalg.yield %15 : f32
    } -> tensor<1x24x14x14xf32>
    %5 = tensor.empty() : tensor<1x24x14x14xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4, %arg2 : tensor<1x24x14x14xf32>, tensor<1x24x14x14xf32>) outs(%5 : tensor<1x24x14x14xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %8 = arith.mulf %in, %in_4 : f32
      linalg.yield %8 : f32
    } -> tensor<1x24x14x14xf32>
    %7 = tensor.empty() : tensor<1x14x14x24xf32>
    %transposed = linalg.transpose ins(%6 : tensor<1x24x14x14xf32>) outs(%7 : tensor<1x14x14x24xf32>) permutation = [0, 2, 3, 1] 
    return %transposed : tensor<1x14x14x24xf32>
  }
}
