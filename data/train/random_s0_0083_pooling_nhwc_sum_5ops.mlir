#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x14x14x48xf32>, %arg1: tensor<1x5x5x48xf32>) -> tensor<1x5x5x48xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x14x14x48xf32> to tensor<1x16x16x48xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x7x7x48xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x7x7x48xf32>) -> tensor<1x7x7x48xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<1x16x16x48xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x7x7x48xf32>) -> tensor<1x7x7x48xf32>
    %padded_1 = tensor.pad %3 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst_0 : f32
    } : tensor<1x7x7x48xf32> to tensor<1x9x9x48xf32>
    %4 = tensor.empty() : tensor<3x3xf32>
    %5 = tensor.empty() : tensor<1x4x4x48xf32>
    %6 = linalg.fill ins(%cst_0 : f32) outs(%5 : tensor<1x4x4x48xf32>) -> tensor<1x4x4x48xf32>
    %7 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_1, %4 : tensor<1x9x9x48xf32>, tensor<3x3xf32>) outs(%6 : tensor<1x4x4x48xf32>) -> tensor<1x4x4x48xf32>
    %padded_2 = tensor.pad %7 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst_0 : f32
    } : tensor<1x4x4x48xf32> to tensor<1x6x6x48xf32>
    %8 = tensor.empty() : tensor<3x3xf32>
    %9 = tensor.empty() : tensor<1x4x4x48xf32>
    %10 = linalg.fill ins(%cst_0 : f32) outs(%9 : tensor<1x4x4x48xf32>) -> tensor<1x4x4x48xf32>
    %11 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_2, %8 : tensor<1x6x6x48xf32>, tensor<3x3xf32>) outs(%10 : tensor<1x4x4x48xf32>) -> tensor<1x4x4x48xf32>
    %padded_3 = tensor.pad %11 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst_0 : f32
    } : tensor<1x4x4x48xf32> to tensor<1x6x6x48xf32>
    %12 = tensor.empty() : tensor<2x2xf32>
    %13 = tensor.empty() : tensor<1x5x5x48xf32>
    %14 = linalg.fill ins(%cst_0 : f32) outs(%13 : tensor<1x5x5x48xf32>) -> tensor<1x5x5x48xf32>
    %15 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_3, %12 : tensor<1x6x6x48xf32>, tensor<2x2xf32>) outs(%14 : tensor<1x5x5x48xf32>) -> tensor<1x5x5x48xf32>
    %16 = tensor.empty() : tensor<1x5x5x48xf32>
    %17 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%15, %arg1 : tensor<1x5x5x48xf32>, tensor<1x5x5x48xf32>) outs(%16 : tensor<1x5x5x48xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %18 = arith.mulf %in, %in_4 : f32
      linalg.yield %18 : f32
    } -> tensor<1x5x5x48xf32>
    return %17 : tensor<1x5x5x48xf32>
  }
}
