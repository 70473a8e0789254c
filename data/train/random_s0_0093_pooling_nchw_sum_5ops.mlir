#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x96x56x56xf32>) -> tensor<1x56x56x96xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x96x56x56xf32> to tensor<1x96x58x58xf32>
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x96x57x57xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x96x57x57xf32>) -> tensor<1x96x57x57xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %0 : tensor<1x96x58x58xf32>, tensor<2x2xf32>) outs(%2 : tensor<1x96x57x57xf32>) -> tensor<1x96x57x57xf32>
    %4 = tensor.empty() : tensor<1x96x57x57xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x96x57x57xf32>) outs(%4 : tensor<1x96x57x57xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.cmpf ugt, %in, %cst : f32
      %14 = arith.select %13, %in, %cst : f32
      linalg.yield %14 : f32
    } -> tensor<1x96x57x57xf32>
    %6 = tensor.empty() : tensor<2x2xf32>
    %7 = tensor.empty() : tensor<1x96x56x56xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<1x96x56x56xf32>) -> tensor<1x96x56x56xf32>
    %9 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%5, %6 : tensor<1x96x57x57xf32>, tensor<2x2xf32>) outs(%8 : tensor<1x96x56x56xf32>) -> tensor<1x96x56x56xf32>
    %10 = tensor.empty() : tensor<1x56x56x96xf32>
    %transposed = linalg.transpose ins(%9 : tensor<1x96x56x56xf32>) outs(%10 : tensor<1x56x56x96xf32>) permutation = [0, 2, 3, 1] 
    %11 = tensor.empty() : tensor<1x56x56x96xf32>
    %12 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed : tensor<1x56x56x96xf32>) outs(%11 : tensor<1x56x56x96xf32>) {
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
    } -> tensor<1x56x56x96xf32>
    return %12 : tensor<1x56x56x96xf32>
  }
}
