#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<4x7x7x256xf32>, %arg1: tensor<4x7x7x256xf32>) -> tensor<4x6x6x256xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<4x7x7x256xf32> to tensor<4x9x9x256xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<4x7x7x256xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<4x7x7x256xf32>) -> tensor<4x7x7x256xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %0 : tensor<4x9x9x256xf32>, tensor<3x3xf32>) outs(%2 : tensor<4x7x7x256xf32>) -> tensor<4x7x7x256xf32>
    %4 = tensor.empty() : tensor<4x7x7x256xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<4x7x7x256xf32>) outs(%4 : tensor<4x7x7x256xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = arith.cmpf ugt, %in, %cst : f32
      %13 = arith.select %12, %in, %cst : f32
      linalg.yield %13 : f32
    } -> tensor<4x7x7x256xf32>
    %6 = tensor.empty() : tensor<4x7x7x256xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%5, %arg1 : tensor<4x7x7x256xf32>, tensor<4x7x7x256xf32>) outs(%6 : tensor<4x7x7x256xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %12 = arith.mulf %in, %in_1 : f32
      linalg.yield %12 : f32
    } -> tensor<4x7x7x256xf32>
    %8 = tensor.empty() : tensor<2x2xf32>
    %9 = tensor.empty() : tensor<4x6x6x256xf32>
    %10 = linalg.fill ins(%cst_0 : f32) outs(%9 : tensor<4x6x6x256xf32>) -> tensor<4x6x6x256xf32>
    %11 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%7, %8 : tensor<4x7x7x256xf32>, tensor<2x2xf32>) outs(%10 : tensor<4x6x6x256xf32>) -> tensor<4x6x6x256xf32>
    return %11 : tensor<4x6x6x256xf32>
  }
}
