#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<4x384x7x7xf32>, %arg1: tensor<384x3x3xf32>, %arg2: tensor<4x384x7x7xf32>, %arg3: tensor<4x4x4x384xf32>) -> tensor<4x4x4x384xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst : f32
    } : tensor<4x384x7x7xf32> to tensor<4x384x9x9xf32>
    %0 = tensor.empty() : tensor<4x384x7x7xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<4x384x7x7xf32>) -> tensor<4x384x7x7xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg1 : tensor<4x384x9x9xf32>, tensor<384x3x3xf32>) outs(%1 : tensor<4x384x7x7xf32>) -> tensor<4x384x7x7xf32>
    %3 = tensor.empty() : tensor<4x384x7x7xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2, %arg2 : tensor<4x384x7x7xf32>, tensor<4x384x7x7xf32>) outs(%3 : tensor<4x384x7x7xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %12 = arith.addf %in, %in_1 : f32
      linalg.yield %12 : f32
    } -> tensor<4x384x7x7xf32>
    %padded_0 = tensor.pad %4 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst : f32
    } : tensor<4x384x7x7xf32> to tensor<4x384x9x9xf32>
    %5 = tensor.empty() : tensor<2x2xf32>
    %6 = tensor.empty() : tensor<4x384x4x4xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<4x384x4x4xf32>) -> tensor<4x384x4x4xf32>
    %8 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_0, %5 : tensor<4x384x9x9xf32>, tensor<2x2xf32>) outs(%7 : tensor<4x384x4x4xf32>) -> tensor<4x384x4x4xf32>
    %9 = tensor.empty() : tensor<4x4x4x384xf32>
    %transposed = linalg.transpose ins(%8 : tensor<4x384x4x4xf32>) outs(%9 : tensor<4x4x4x384xf32>) permutation = [0, 2, 3, 1] 
    %10 = tensor.empty() : tensor<4x4x4x384xf32>
    %11 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed, %arg3 : tensor<4x4x4x384xf32>, tensor<4x4x4x384xf32>) outs(%10 : tensor<4x4x4x384xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %12 = arith.addf %in, %in_1 : f32
      linalg.yield %12 : f32
    } -> tensor<4x4x4x384xf32>
    return %11 : tensor<4x4x4x384xf32>
  }
}
