#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<8x512x14x14xf32>) -> tensor<8x512x6xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %cst_1 = arith.constant 0xFF800000 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_2 = arith.constant 4.471500e-02 : f32
    %cst_3 = arith.constant 0.797884583 : f32
    %cst_4 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<8x512x6x6xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<8x512x6x6xf32>) -> tensor<8x512x6x6xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<8x512x14x14xf32>, tensor<3x3xf32>) outs(%2 : tensor<8x512x6x6xf32>) -> tensor<8x512x6x6xf32>
    %4 = tensor.empty() : tensor<8x512x6x6xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<8x512x6x6xf32>) outs(%4 : tensor<8x512x6x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.negf %in : f32
      %12 = math.exp %11 : f32
      %13 = arith.addf %12, %cst_0 : f32
      %14 = arith.divf %cst_0, %13 : f32
      linalg.yield %14 : f32
    } -> tensor<8x512x6x6xf32>
    %6 = tensor.empty() : tensor<8x512x6xf32>
    %7 = linalg.fill ins(%cst_1 : f32) outs(%6 : tensor<8x512x6xf32>) -> tensor<8x512x6xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%5 : tensor<8x512x6x6xf32>) outs(%7 : tensor<8x512x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.maximumf %in, %out : f32
      linalg.yield %11 : f32
    } -> tensor<8x512x6xf32>
    %9 = tensor.empty() : tensor<8x512x6xf32>
    %10 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%8 : tensor<8x512x6xf32>) outs(%9 : tensor<8x512x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = math.fpowi %in, %c3_i64 : f32, i64
      %12 = arith.mulf %11, %cst_2 : f32
      %13 = arith.addf %in, %12 : f32
      %14 = arith.mulf %13, %cst_3 : f32
      %15 = math.tanh %14 : f32
      %16 = arith.addf %15, %cst_0 : f32
      %17 = arith.mulf %16, %cst_4 : f32
      %18 = arith.mulf %in, %17 : f32
      linalg.yield %18 : f32
    } -> tensor<8x512x6xf32>
    return %10 : tensor<8x512x6xf32>
  }
}
