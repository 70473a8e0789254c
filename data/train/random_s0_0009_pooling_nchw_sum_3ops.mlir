#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<8x32x7x7xf32>, %arg1: tensor<32x1x1xf32>) -> tensor<8x32x3x3xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<8x32x6x6xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<8x32x6x6xf32>) -> tensor<8x32x6x6xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %0 : tensor<8x32x7x7xf32>, tensor<2x2xf32>) outs(%2 : tensor<8x32x6x6xf32>) -> tensor<8x32x6x6xf32>
    %4 = tensor.empty() : tensor<8x32x3x3xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<8x32x3x3xf32>) -> tensor<8x32x3x3xf32>
    %6 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%3, %arg1 : tensor<8x32x6x6xf32>, tensor<32x1x1xf32>) outs(%5 : tensor<8x32x3x3xf32>) -> tensor<8x32x3x3xf32>
    %7 = tensor.empty() : tensor<8x32x3x3xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6 : tensor<8x32x3x3xf32>) outs(%7 : tensor<8x32x3x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = math.fpowi %in, %c3_i64 : f32, i64
      %10 = arith.mulf %9, %cst_1 : f32
      %11 = arith.addf %in, %10 : f32
      %12 = arith.mulf %11, %cst_2 : f32
      %13 = math.tanh %12 : f32
      %14 = arith.addf %13, %cst_0 : f32
      %15 = arith.mulf %14, %cst_3 : f32
      %16 = arith.mulf %in, %15 : f32
      linalg.yield %16 : f32
    } -> tensor<8x32x3x3xf32>
    return %8 : tensor<8x32x3x3xf32>
  }
}
