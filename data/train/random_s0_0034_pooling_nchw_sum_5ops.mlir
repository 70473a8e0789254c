#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @main(%arg0: tensor<1x32x56x56xf32>, %arg1: tensor<32xf32>) -> tensor<1x29x29x32xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x32x56x56xf32> to tensor<1x32x58x58xf32>
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x32x57x57xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x32x57x57xf32>) -> tensor<1x32x57x57xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %0 : tensor<1x32x58x58xf32>, tensor<2x2xf32>) outs(%2 : tensor<1x32x57x57xf32>) -> tensor<1x32x57x57xf32>
    %4 = tensor.empty() : tensor<1x32x57x57xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x32x57x57xf32>) outs(%4 : tensor<1x32x57x57xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = math.fpowi %in, %c3_i64 : f32, i64
      %14 = arith.mulf %13, %cst_1 : f32
      %15 = arith.addf %in, %14 : f32
      %16 = arith.mulf %15, %cst_2 : f32
      %17 = math.tanh %16 : f32
      %18 = arith.addf %17, %cst_0 : f32
      %19 = arith.mulf %18, %cst_3 : f32
      %20 = arith.mulf %in, %19 : f32
      linalg.yield %20 : f32
    } -> tensor<1x32x57x57xf32>
    %6 = tensor.empty() : tensor<1x32x57x57xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%5, %arg1 : tensor<1x32x57x57xf32>, tensor<32xf32>) outs(%6 : tensor<1x32x57x57xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %13 = arith.addf %in, %in_5 : f32
      linalg.yield %13 : f32
    } -> tensor<1x32x57x57xf32>
    %padded_4 = tensor.pad %7 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x32x57x57xf32> to tensor<1x32x59x59xf32>
    %8 = tensor.empty() : tensor<2x2xf32>
    %9 = tensor.empty() : tensor<1x32x29x29xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<1x32x29x29xf32>) -> tensor<1x32x29x29xf32>
    %11 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_4, %8 : tensor<1x32x59x59xf32>, tensor<2x2xf32>) outs(%10 : tensor<1x32x29x29xf32>) -> tensor<1x32x29x29xf32>
    %12 = tensor.empty() : tensor<1x29x29x32xf32>
    %transposed = linalg.transpose ins(%11 : tensor<1x32x29x29xf32>) outs(%12 : tensor<1x29x29x32xf32>) permutation = [0, 2, 3, 1] 
    return %transposed : tensor<1x29x29x32xf32>
  }
}
