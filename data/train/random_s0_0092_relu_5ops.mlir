#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x56x56x192xf32>, %arg1: tensor<1x56x56x192xf32>) -> tensor<1x28x28x192xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<1x56x56x192xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x56x56x192xf32>) outs(%0 : tensor<1x56x56x192xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = arith.cmpf ugt, %in, %cst : f32
      %13 = arith.select %12, %in, %cst : f32
      linalg.yield %13 : f32
    } -> tensor<1x56x56x192xf32>
    %2 = tensor.empty() : tensor<1x56x56x192xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1 : tensor<1x56x56x192xf32>) outs(%2 : tensor<1x56x56x192xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = arith.cmpf ugt, %in, %cst : f32
      %13 = arith.select %12, %in, %cst : f32
      linalg.yield %13 : f32
    } -> tensor<1x56x56x192xf32>
    %4 = tensor.empty() : tensor<1x56x56x192xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %arg1 : tensor<1x56x56x192xf32>, tensor<1x56x56x192xf32>) outs(%4 : tensor<1x56x56x192xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %12 = arith.mulf %in, %in_4 : f32
      linalg.yield %12 : f32
    } -> tensor<1x56x56x192xf32>
    %6 = tensor.empty() : tensor<1x56x56x192xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%5 : tensor<1x56x56x192xf32>) outs(%6 : tensor<1x56x56x192xf32>) {
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
    } -> tensor<1x56x56x192xf32>
    %8 = tensor.empty() : tensor<2x2xf32>
    %9 = tensor.empty() : tensor<1x28x28x192xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<1x28x28x192xf32>) -> tensor<1x28x28x192xf32>
    %11 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%7, %8 : tensor<1x56x56x192xf32>, tensor<2x2xf32>) outs(%10 : tensor<1x28x28x192xf32>) -> tensor<1x28x28x192xf32>
    return %11 : tensor<1x28x28x192xf32>
  }
}
