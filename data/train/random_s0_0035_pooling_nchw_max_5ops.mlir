#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<1x96x14x14xf32>) -> tensor<1x5x96xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %cst_1 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_2 = arith.constant 4.471500e-02 : f32
    %cst_3 = arith.constant 0.797884583 : f32
    %cst_4 = arith.constant 5.000000e-01 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x96x14x14xf32> to tensor<1x96x16x16xf32>
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x96x8x8xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x96x8x8xf32>) -> tensor<1x96x8x8xf32>
    %3 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<1x96x16x16xf32>, tensor<2x2xf32>) outs(%2 : tensor<1x96x8x8xf32>) -> tensor<1x96x8x8xf32>
    %padded_5 = tensor.pad %3 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x96x8x8xf32> to tensor<1x96x10x10xf32>
    %4 = tensor.empty() : tensor<2x2xf32>
    %5 = tensor.empty() : tensor<1x96x5x5xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x96x5x5xf32>) -> tensor<1x96x5x5xf32>
    %7 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_5, %4 : tensor<1x96x10x10xf32>, tensor<2x2xf32>) outs(%6 : tensor<1x96x5x5xf32>) -> tensor<1x96x5x5xf32>
    %8 = tensor.empty() : tensor<1x96x5xf32>
    %9 = linalg.fill ins(%cst_0 : f32) outs(%8 : tensor<1x96x5xf32>) -> tensor<1x96x5xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%7 : tensor<1x96x5x5xf32>) outs(%9 : tensor<1x96x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %14 = arith.addf %in, %out : f32
      linalg.yield %14 : f32
    } -> tensor<1x96x5xf32>
    %11 = tensor.empty() : tensor<1x5x96xf32>
    %transposed = linalg.transpose ins(%10 : tensor<1x96x5xf32>) outs(%11 : tensor<1x5x96xf32>) permutation = [0, 2, 1] 
    %12 = tensor.empty() : tensor<1x5x96xf32>
    %13 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%transposed : tensor<1x5x96xf32>) outs(%12 : tensor<1x5x96xf32>) {
    ^bb0(%in: f32, %out: f32):
      %14 = math.fpowi %in, %c3_i64 : f32, i64
      %15 = arith.mulf %14, %cst_2 : f32
      %16 = arith.addf %in, %15 : f32
      %17 = arith.mulf %16, %cst_3 : f32
      %18 = math.tanh %17 : f32
      %19 = arith.addf %18, %cst_1 : f32
      %20 = arith.mulf %19, %cst_4 : f32
      %21 = arith.mulf %in, %20 : f32
      linalg.yield %21 : f32
    } -> tensor<1x5x96xf32>
    return %13 : tensor<1x5x96xf32>
  }
}
