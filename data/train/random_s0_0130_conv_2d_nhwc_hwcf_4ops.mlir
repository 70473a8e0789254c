#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x7x7x16xf32>, %arg1: tensor<5x5x16x32xf32>) -> tensor<1x4x4x32xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %cst_1 = arith.constant 1.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 4, 4, 0] high[0, 4, 4, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x7x7x16xf32> to tensor<1x15x15x16xf32>
    %0 = tensor.empty() : tensor<1x4x4x32xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x4x4x32xf32>) -> tensor<1x4x4x32xf32>
    %2 = linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %arg1 : tensor<1x15x15x16xf32>, tensor<5x5x16x32xf32>) outs(%1 : tensor<1x4x4x32xf32>) -> tensor<1x4x4x32xf32>
    %padded_2 = tensor.pad %2 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst_0 : f32
    } : tensor<1x4x4x32xf32> to tensor<1x6x6x32xf32>
    %3 = tensor.empty() : tensor<3x3xf32>
    %4 = tensor.empty() : tensor<1x4x4x32xf32>
    %5 = linalg.fill ins(%cst_0 : f32) outs(%4 : tensor<1x4x4x32xf32>) -> tensor<1x4x4x32xf32>
    %6 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_2, %3 : tensor<1x6x6x32xf32>, tensor<3x3xf32>) outs(%5 : tensor<1x4x4x32xf32>) -> tensor<1x4x4x32xf32>
    %7 = tensor.empty() : tensor<1x4x4x32xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6 : tensor<1x4x4x32xf32>) outs(%7 : tensor<1x4x4x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.cmpf ugt, %in, %cst : f32
      %12 = arith.select %11, %in, %cst : f32
      linalg.yield %12 : f32
    } -> tensor<1x4x4x32xf32>
    %9 = tensor.empty() : tensor<1x4x4x32xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%8 : tensor<1x4x4x32xf32>) outs(%9 : tensor<1x4x4x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.negf %in : f32
      %12 = math.exp %11 : f32
      %13 = arith.addf %12, %cst_1 : f32
      %14 = arith.divf %cst_1, %13 : f32
      linalg.yield %14 : f32
    } -> tensor<1x4x4x32xf32>
    return %10 : tensor<1x4x4x32xf32>
  }
}
