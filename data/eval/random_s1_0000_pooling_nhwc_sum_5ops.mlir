#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<2x7x7x256xf32>, %arg1: tensor<2x256x8x8xf32>) -> tensor<2x256x4x4xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<2x7x7x256xf32> to tensor<2x9x9x256xf32>
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<2x8x8x256xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<2x8x8x256xf32>) -> tensor<2x8x8x256xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %0 : tensor<2x9x9x256xf32>, tensor<2x2xf32>) outs(%2 : tensor<2x8x8x256xf32>) -> tensor<2x8x8x256xf32>
    %4 = tensor.empty() : tensor<2x256x8x8xf32>
    %transposed = linalg.transpose ins(%3 : tensor<2x8x8x256xf32>) outs(%4 : tensor<2x256x8x8xf32>) permutation = [0, 3, 1, 2] 
    %5 = tensor.empty() : tensor<2x256x8x8xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed : tensor<2x256x8x8xf32>) outs(%5 : tensor<2x256x8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.negf %in : f32
      %14 = math.exp %13 : f32
      %15 = arith.addf %14, %cst_0 : f32
      %16 = arith.divf %cst_0, %15 : f32
      linalg.yield %16 : f32
    } -> tensor<2x256x8x8xf32>
    %7 = tensor.empty() : tensor<2x256x8x8xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6, %arg1 : tensor<2x256x8x8xf32>, tensor<2x256x8x8xf32>) outs(%7 : tensor<2x256x8x8xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %13 = arith.mulf %in, %in_2 : f32
      linalg.yield %13 : f32
    } -> tensor<2x256x8x8xf32>
    %padded_1 = tensor.pad %8 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<2x256x8x8xf32> to tensor<2x256x10x10xf32>
    %9 = tensor.empty() : tensor<3x3xf32>
    %10 = tensor.empty() : tensor<2x256x4x4xf32>
    %11 = linalg.fill ins(%cst : f32) outs(%10 : tensor<2x256x4x4xf32>) -> tensor<2x256x4x4xf32>
    %12 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_1, %9 : tensor<2x256x10x10xf32>, tensor<3x3xf32>) outs(%11 : tensor<2x256x4x4xf32>) -> tensor<2x256x4x4xf32>
    return %12 : tensor<2x256x4x4xf32>
  }
}
