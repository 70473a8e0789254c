#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x96x56x56xf32>, %arg1: tensor<1x96x28x28xf32>) -> tensor<1x96x28x28xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %cst_1 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_2 = arith.constant 4.471500e-02 : f32
    %cst_3 = arith.constant 0.797884583 : f32
    %cst_4 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x96x28x28xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x96x28x28xf32>) -> tensor<1x96x28x28xf32>
    %3 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<1x96x56x56xf32>, tensor<2x2xf32>) outs(%2 : tensor<1x96x28x28xf32>) -> tensor<1x96x28x28xf32>
    %4 = tensor.empty() : tensor<1x96x28x28xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %arg1 : tensor<1x96x28x28xf32>, tensor<1x96x28x28xf32>) outs(%4 : tensor<1x96x28x28xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %10 = arith.mulf %in, %in_5 : f32
      linalg.yield %10 : f32
    } -> tensor<1x96x28x28xf32>
    %6 = tensor.empty() : tensor<1x96x28x28xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%5 : tensor<1x96x28x28xf32>) outs(%6 : tensor<1x96x28x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.cmpf ugt, %in, %cst_0 : f32
      %11 = arith.select %10, %in, %cst_0 : f32
      linalg.yield %11 : f32
    } -> tensor<1x96x28x28xf32>
    %8 = tensor.empty() : tensor<1x96x28x28xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%7 : tensor<1x96x28x28xf32>) outs(%8 : tensor<1x96x28x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = math.fpowi %in, %c3_i64 : f32, i64
      %11 = arith.mulf %10, %cst_2 : f32
      %12 = arith.addf %in, %11 : f32
      %13 = arith.mulf %12, %cst_3 : f32
      %14 = math.tanh %13 : f32
      %15 = arith.addf %14, %cst_1 : f32
      %16 = arith.mulf %15, %cst_4 : f32
      %17 = arith.mulf %in, %16 : f32
      linalg.yield %17 : f32
    } -> tensor<1x96x28x28xf32>
    return %9 : tensor<1x96x28x28xf32>
  }
}
