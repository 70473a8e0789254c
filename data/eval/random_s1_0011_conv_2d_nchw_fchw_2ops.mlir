#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x192x56x56xf32>, %arg1: tensor<128x192x1x1xf32>) -> tensor<1x128x28x28xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<1x128x28x28xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x192x56x56xf32>, tensor<128x192x1x1xf32>) outs(%1 : tensor<1x128x28x28xf32>) -> tensor<1x128x28x28xf32>
    %3 = tensor.empty() : tensor<1x128x28x28xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<1x128x28x28xf32>) outs(%3 : tensor<1x128x28x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = math.fpowi %in, %c3_i64 : f32, i64
      %6 = arith.mulf %5, %cst_1 : f32
      %7 = arith.addf %in, %6 : f32
      %8 = arith.mulf %7, %cst_2 : f32
      %9 = math.tanh %8 : f32
      %10 = arith.addf %9, %cst_0 : f32
      %11 = arith.mulf %10, %cst_3 : f32
      %12 = arith.mulf %in, %11 : f32
      linalg.yield %12 : f32
    } -> tensor<1x128x28x28xf32>
    return %4 : tensor<1x128x28x28xf32>
  }
}
