#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<8x7x7x16xf32>, %arg1: tensor<5x5x16x96xf32>) -> tensor<8x96x4x4xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 4, 4, 0] high[0, 4, 4, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<8x7x7x16xf32> to tensor<8x15x15x16xf32>
    %0 = tensor.empty() : tensor<8x4x4x96xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<8x4x4x96xf32>) -> tensor<8x4x4x96xf32>
    %2 = linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %arg1 : tensor<8x15x15x16xf32>, tensor<5x5x16x96xf32>) outs(%1 : tensor<8x4x4x96xf32>) -> tensor<8x4x4x96xf32>
    %3 = tensor.empty() : tensor<8x96x4x4xf32>
    %transposed = linalg.transpose ins(%2 : tensor<8x4x4x96xf32>) outs(%3 : tensor<8x96x4x4xf32>) permutation = [0, 3, 1, 2] 
    %4 = tensor.empty() : tensor<8x96x4x4xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed : tensor<8x96x4x4xf32>) outs(%4 : tensor<8x96x4x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.negf %in : f32
      %7 = math.exp %6 : f32
      %8 = arith.addf %7, %cst_0 : f32
      %9 = arith.divf %cst_0, %8 : f32
      linalg.yield %9 : f32
    } -> tensor<8x96x4x4xf32>
    return %5 : tensor<8x96x4x4xf32>
  }
}
