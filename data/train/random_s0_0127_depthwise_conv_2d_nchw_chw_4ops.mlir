#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<2x512x28x28xf32>, %arg1: tensor<512x5x5xf32>) -> tensor<2x512x28xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %padded = tensor.pad %arg0 low[0, 0, 2, 2] high[0, 0, 2, 2] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<2x512x28x28xf32> to tensor<2x512x32x32xf32>
    %0 = tensor.empty() : tensor<2x512x28x28xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x512x28x28xf32>) -> tensor<2x512x28x28xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg1 : tensor<2x512x32x32xf32>, tensor<512x5x5xf32>) outs(%1 : tensor<2x512x28x28xf32>) -> tensor<2x512x28x28xf32>
    %3 = tensor.empty() : tensor<2x512x28x28xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<2x512x28x28xf32>) outs(%3 : tensor<2x512x28x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = math.fpowi %in, %c3_i64 : f32, i64
      %11 = arith.mulf %10, %cst_1 : f32
      %12 = arith.addf %in, %11 : f32
      %13 = arith.mulf %12, %cst_2 : f32
      %14 = math.tanh %13 : f32
      %15 = arith.addf %14, %cst_0 : f32
      %16 = arith.mulf %15, %cst_3 : f32
      %17 = arith.mulf %in, %16 : f32
      linalg.yield %17 : f32
    } -> tensor<2x512x28x28xf32>
    %5 = tensor.empty() : tensor<2x512x28x28xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4 : tensor<2x512x28x28xf32>) outs(%5 : tensor<2x512x28x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = math.fpowi %in, %c3_i64 : f32, i64
      %11 = arith.mulf %10, %cst_1 : f32
      %12 = arith.addf %in, %11 : f32
      %13 = arith.mulf %12, %cst_2 : f32
      %14 = math.tanh %13 : f32
      %15 = arith.addf %14, %cst_0 : f32
      %16 = arith.mulf %15, %cst_3 : f32
      %17 = arith.mulf %in, %16 : f32
      linalg.yield %17 : f32
    } -> tensor<2x512x28x28xf32>
    %7 = tensor.empty() : tensor<2x512x28xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<2x512x28xf32>) -> tensor<2x512x28xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%6 : tensor<2x512x28x28xf32>) outs(%8 : tensor<2x512x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.addf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<2x512x28xf32>
    return %9 : tensor<2x512x28xf32>
  }
}
