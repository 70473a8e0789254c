#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x64x28x28xf32>) -> tensor<1x64x15x15xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x64x28x28xf32> to tensor<1x64x30x30xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x64x14x14xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x64x14x14xf32>) -> tensor<1x64x14x14xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<1x64x30x30xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x64x14x14xf32>) -> tensor<1x64x14x14xf32>
    %padded_0 = tensor.pad %3 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x64x14x14xf32> to tensor<1x64x16x16xf32>
    %4 = tensor.empty() : tensor<2x2xf32>
    %5 = tensor.empty() : tensor<1x64x15x15xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x64x15x15xf32>) -> tensor<1x64x15x15xf32>
    %7 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_0, %4 : tensor<1x64x16x16xf32>, tensor<2x2xf32>) outs(%6 : tensor<1x64x15x15xf32>) -> tensor<1x64x15x15xf32>
    %8 = tensor.empty() : tensor<1x64x15x15xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%7 : tensor<1x64x15x15xf32>) outs(%8 : tensor<1x64x15x15xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.cmpf ugt, %in, %cst : f32
      %11 = arith.select %10, %in, %cst : f32
      linalg.yield %11 : f32
    } -> tensor<1x64x15x15xf32>
    return %9 : tensor<1x64x15x15xf32>
  }
}
