#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x32x7x7xf32>, %arg1: tensor<48x32x3x3xf32>) -> tensor<1x48x4x4xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x32x7x7xf32> to tensor<1x32x9x9xf32>
    %0 = tensor.empty() : tensor<1x48x7x7xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x48x7x7xf32>) -> tensor<1x48x7x7xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg1 : tensor<1x32x9x9xf32>, tensor<48x32x3x3xf32>) outs(%1 : tensor<1x48x7x7xf32>) -> tensor<1x48x7x7xf32>
    %3 = tensor.empty() : tensor<1x48x7x7xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<1x48x7x7xf32>) outs(%3 : tensor<1x48x7x7xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.negf %in : f32
      %10 = math.exp %9 : f32
      %11 = arith.addf %10, %cst_0 : f32
      %12 = arith.divf %cst_0, %11 : f32
      linalg.yield %12 : f32
    } -> tensor<1x48x7x7xf32>
    %padded_1 = tensor.pad %4 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x48x7x7xf32> to tensor<1x48x9x9xf32>
    %5 = tensor.empty() : tensor<3x3xf32>
    %6 = tensor.empty() : tensor<1x48x4x4xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<1x48x4x4xf32>) -> tensor<1x48x4x4xf32>
    %8 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_1, %5 : tensor<1x48x9x9xf32>, tensor<3x3xf32>) outs(%7 : tensor<1x48x4x4xf32>) -> tensor<1x48x4x4xf32>
    return %8 : tensor<1x48x4x4xf32>
  }
}
