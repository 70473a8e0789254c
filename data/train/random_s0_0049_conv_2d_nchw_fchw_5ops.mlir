#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<8x24x14x14xf32>, %arg1: tensor<64x24x3x3xf32>) -> tensor<8x5x5x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<8x64x5x5xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<8x64x5x5xf32>) -> tensor<8x64x5x5xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<2> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<8x24x14x14xf32>, tensor<64x24x3x3xf32>) outs(%1 : tensor<8x64x5x5xf32>) -> tensor<8x64x5x5xf32>
    %3 = tensor.empty() : tensor<8x64x5x5xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<8x64x5x5xf32>) outs(%3 : tensor<8x64x5x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.cmpf ugt, %in, %cst : f32
      %11 = arith.select %10, %in, %cst : f32
      linalg.yield %11 : f32
    } -> tensor<8x64x5x5xf32>
    %5 = tensor.empty() : tensor<8x64x5x5xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4 : tensor<8x64x5x5xf32>) outs(%5 : tensor<8x64x5x5xf32>) {
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
    } -> tensor<8x64x5x5xf32>
    %7 = tensor.empty() : tensor<8x5x5x64xf32>
    %transposed = linalg.transpose ins(%6 : tensor<8x64x5x5xf32>) outs(%7 : tensor<8x5x5x64xf32>) permutation = [0, 2, 3, 1] 
    %8 = tensor.empty() : tensor<8x5x5x64xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed : tensor<8x5x5x64xf32>) outs(%8 : tensor<8x5x5x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.cmpf ugt, %in, %cst : f32
      %11 = arith.select %10, %in, %cst : f32
      linalg.yield %11 : f32
    } -> tensor<8x5x5x64xf32>
    return %9 : tensor<8x5x5x64xf32>
  }
}
