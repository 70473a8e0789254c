#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<2x384x7x7xf32>, %arg1: tensor<384x3x3xf32>) -> tensor<2x384x4x4xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<2x384x7x7xf32> to tensor<2x384x9x9xf32>
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<2x384x4x4xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<2x384x4x4xf32>) -> tensor<2x384x4x4xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<2x384x9x9xf32>, tensor<2x2xf32>) outs(%2 : tensor<2x384x4x4xf32>) -> tensor<2x384x4x4xf32>
    %padded_1 = tensor.pad %3 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<2x384x4x4xf32> to tensor<2x384x6x6xf32>
    %4 = tensor.empty() : tensor<2x384x4x4xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<2x384x4x4xf32>) -> tensor<2x384x4x4xf32>
    %6 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_1, %arg1 : tensor<2x384x6x6xf32>, tensor<384x3x3xf32>) outs(%5 : tensor<2x384x4x4xf32>) -> tensor<2x384x4x4xf32>
    %padded_2 = tensor.pad %6 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst_0 : f32
    } : tensor<2x384x4x4xf32> to tensor<2x384x6x6xf32>
    %7 = tensor.empty() : tensor<3x3xf32>
    %8 = tensor.empty() : tensor<2x384x4x4xf32>
    %9 = linalg.fill ins(%cst_0 : f32) outs(%8 : tensor<2x384x4x4xf32>) -> tensor<2x384x4x4xf32>
    %10 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_2, %7 : tensor<2x384x6x6xf32>, tensor<3x3xf32>) outs(%9 : tensor<2x384x4x4xf32>) -> tensor<2x384x4x4xf32>
    %11 = tensor.empty() : tensor<2x384x4x4xf32>
    %12 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%10 : tensor<2x384x4x4xf32>) outs(%11 : tensor<2x384x4x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.cmpf ugt, %in, %cst : f32
      %14 = arith.select %13, %in, %cst : f32
      linalg.yield %14 : f32
    } -> tensor<2x384x4x4xf32>
    return %12 : tensor<2x384x4x4xf32>
  }
}
