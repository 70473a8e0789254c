#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @main(%arg0: tensor<1x128x28x28xf32>, %arg1: tensor<96x128x1x1xf32>, %arg2: tensor<96xf32>, %arg3: tensor<1x96x28x28xf32>) -> tensor<1x96x14x14xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<1x96x28x28xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x96x28x28xf32>) -> tensor<1x96x28x28xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x128x28x28xf32>, tensor<96x128x1x1xf32>) outs(%1 : tensor<1x96x28x28xf32>) -> tensor<1x96x28x28xf32>
    %3 = tensor.empty() : tensor<1x96x28x28xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<1x96x28x28xf32>) outs(%3 : tensor<1x96x28x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.cmpf ugt, %in, %cst : f32
      %14 = arith.select %13, %in, %cst : f32
      linalg.yield %14 : f32
    } -> tensor<1x96x28x28xf32>
    %5 = tensor.empty() : tensor<1x96x28x28xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4, %arg2 : tensor<1x96x28x28xf32>, tensor<96xf32>) outs(%5 : tensor<1x96x28x28xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %13 = arith.addf %in, %in_1 : f32
      linalg.yield %13 : f32
    } -> tensor<1x96x28x28xf32>
    %7 = tensor.empty() : tensor<1x96x28x28xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6, %arg3 : tensor<1x96x28x28xf32>, tensor<1x96x28x28xf32>) outs(%7 : tensor<1x96x28x28xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %13 = arith.addf %in, %in_1 : f32
      linalg.yield %13 : f32
    } -> tensor<1x96x28x28xf32>
    %padded = tensor.pad %8 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst_0 : f32
    } : tensor<1x96x28x28xf32> to tensor<1x96x30x30xf32>
    %9 = tensor.empty() : tensor<3x3xf32>
    %10 = tensor.empty() : tensor<1x96x14x14xf32>
    %11 = linalg.fill ins(%cst_0 : f32) outs(%10 : tensor<1x96x14x14xf32>) -> tensor<1x96x14x14xf32>
    %12 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %9 : tensor<1x96x30x30xf32>, tensor<3x3xf32>) outs(%11 : tensor<1x96x14x14xf32>) -> tensor<1x96x14x14xf32>
    return %12 : tensor<1x96x14x14xf32>
  }
}
