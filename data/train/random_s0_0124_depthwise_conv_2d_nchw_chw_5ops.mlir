#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @main(%arg0: tensor<2x32x7x7xf32>, %arg1: tensor<32x3x3xf32>, %arg2: tensor<32xf32>, %arg3: tensor<32x3x3xf32>) -> tensor<2x32x3x3xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<2x32x3x3xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x32x3x3xf32>) -> tensor<2x32x3x3xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<2x32x7x7xf32>, tensor<32x3x3xf32>) outs(%1 : tensor<2x32x3x3xf32>) -> tensor<2x32x3x3xf32>
    %3 = tensor.empty() : tensor<2x32x3x3xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<2x32x3x3xf32>) outs(%3 : tensor<2x32x3x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = math.fpowi %in, %c3_i64 : f32, i64
      %13 = arith.mulf %12, %cst_1 : f32
      %14 = arith.addf %in, %13 : f32
      %15 = arith.mulf %14, %cst_2 : f32
      %16 = math.tanh %15 : f32
      %17 = arith.addf %16, %cst_0 : f32
      %18 = arith.mulf %17, %cst_3 : f32
      %19 = arith.mulf %in, %18 : f32
      linalg.yield %19 : f32
    } -> tensor<2x32x3x3xf32>
    %5 = tensor.empty() : tensor<2x32x3x3xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4, %arg2 : tensor<2x32x3x3xf32>, tensor<32xf32>) outs(%5 : tensor<2x32x3x3xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %12 = arith.addf %in, %in_4 : f32
      linalg.yield %12 : f32
    } -> tensor<2x32x3x3xf32>
    %7 = tensor.empty() : tensor<2x32x3x3xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6 : tensor<2x32x3x3xf32>) outs(%7 : tensor<2x32x3x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = math.fpowi %in, %c3_i64 : f32, i64
      %13 = arith.mulf %12, %cst_1 : f32
      %14 = arith.addf %in, %13 : f32
      %15 = arith.mulf %14, %cst_2 : f32
      %16 = math.tanh %15 : f32
      %17 = arith.addf %16, %cst_0 : f32
      %18 = arith.mulf %17, %cst_3 : f32
      %19 = arith.mulf %in, %18 : f32
      linalg.yield %19 : f32
    } -> tensor<2x32x3x3xf32>
    %padded = tensor.pad %8 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst : f32
    } : tensor<2x32x3x3xf32> to tensor<2x32x5x5xf32>
    %9 = tensor.empty() : tensor<2x32x3x3xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<2x32x3x3xf32>) -> tensor<2x32x3x3xf32>
    %11 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg3 : tensor<2x32x5x5xf32>, tensor<32x3x3xf32>) outs(%10 : tensor<2x32x3x3xf32>) -> tensor<2x32x3x3xf32>
    return %11 : tensor<2x32x3x3xf32>
  }
}
