#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<8x14x14x24xf32>, %arg1: tensor<5x5x24x16xf32>) -> tensor<8x14x14x16xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %padded = tensor.pad %arg0 low[0, 2, 2, 0] high[0, 2, 2, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<8x14x14x24xf32> to tensor<8x18x18x24xf32>
    %0 = tensor.empty() : tensor<8x14x14x16xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<8x14x14x16xf32>) -> tensor<8x14x14x16xf32>
    %2 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg1 : tensor<8x18x18x24xf32>, tensor<5x5x24x16xf32>) outs(%1 : tensor<8x14x14x16xf32>) -> tensor<8x14x14x16xf32>
    %3 = tensor.empty() : tensor<8x14x14x16xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<8x14x14x16xf32>) outs(%3 : tensor<8x14x14x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.negf %in : f32
      %8 = math.exp %7 : f32
      %9 = arith.addf %8, %cst_0 : f32
      %10 = arith.divf %cst_0, %9 : f32
      linalg.yield %10 : f32
    } -> tensor<8x14x14x16xf32>
    %5 = tensor.empty() : tensor<8x14x14x16xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4 : tensor<8x14x14x16xf32>) outs(%5 : tensor<8x14x14x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = math.fpowi %in, %c3_i64 : f32, i64
      %8 = arith.mulf %7, %cst_1 : f32
      %9 = arith.addf %in, %8 : f32
      %10 = arith.mulf %9, %cst_2 : f32
      %11 = math.tanh %10 : f32
      %12 = arith.addf %11, %cst_0 : f32
      %13 = arith.mulf %12, %cst_3 : f32
      %14 = arith.mulf %in, %13 : f32
      linalg.yield %14 : f32
    } -> tensor<8x14x14x16xf32>
    return %6 : tensor<8x14x14x16xf32>
  }
}
