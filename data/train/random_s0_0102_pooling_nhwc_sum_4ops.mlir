#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<4x28x28x128xf32>, %arg1: tensor<4x14x14x128xf32>, %arg2: tensor<4x14x14x128xf32>) -> tensor<4x14x14x128xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<4x28x28x128xf32> to tensor<4x30x30x128xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<4x14x14x128xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<4x14x14x128xf32>) -> tensor<4x14x14x128xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<4x30x30x128xf32>, tensor<3x3xf32>) outs(%2 : tensor<4x14x14x128xf32>) -> tensor<4x14x14x128xf32>
    %4 = tensor.empty() : tensor<4x14x14x128xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %arg1 : tensor<4x14x14x128xf32>, tensor<4x14x14x128xf32>) outs(%4 : tensor<4x14x14x128xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %12 = arith.mulf %in, %in_2 : f32
      linalg.yield %12 : f32
    } -> tensor<4x14x14x128xf32>
    %padded_1 = tensor.pad %5 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst_0 : f32
    } : tensor<4x14x14x128xf32> to tensor<4x16x16x128xf32>
    %6 = tensor.empty() : tensor<3x3xf32>
    %7 = tensor.empty() : tensor<4x14x14x128xf32>
    %8 = linalg.fill ins(%cst_0 : f32) outs(%7 : tensor<4x14x14x128xf32>) -> tensor<4x14x14x128xf32>
    %9 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_1, %6 : tensor<4x16x16x128xf32>, tensor<3x3xf32>) outs(%8 : tensor<4x14x14x128xf32>) -> tensor<4x14x14x128xf32>
    %10 = tensor.empty() : tensor<4x14x14x128xf32>
    %11 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%9, %arg2 : tensor<4x14x14x128xf32>, tensor<4x14x14x128xf32>) outs(%10 : tensor<4x14x14x128xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %12 = arith.mulf %in, %in_2 : f32
      linalg.yield %12 : f32
    } -> tensor<4x14x14x128xf32>
    return %11 : tensor<4x14x14x128xf32>
  }
}
