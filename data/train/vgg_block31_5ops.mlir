#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x64x32x32xf32>, %arg1: tensor<128xf32>, %arg2: tensor<128x64x3x3xf32>) -> tensor<1x128x16x16xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x64x32x32xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x64x32x32xf32>) outs(%1 : tensor<1x64x32x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.cmpf ugt, %in, %cst : f32
      %10 = arith.select %9, %in, %cst : f32
      linalg.yield %10 : f32
    } -> tensor<1x64x32x32xf32>
    %3 = tensor.empty() : tensor<1x64x16x16xf32>
    %4 = linalg.fill ins(%cst_0 : f32) outs(%3 : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
    %5 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%2, %0 : tensor<1x64x32x32xf32>, tensor<2x2xf32>) outs(%4 : tensor<1x64x16x16xf32>) -> tensor<1x64x16x16xf32>
    %padded = tensor.pad %5 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x64x16x16xf32> to tensor<1x64x18x18xf32>
    %6 = tensor.empty() : tensor<1x128x16x16xf32>
    %broadcasted = linalg.broadcast ins(%arg1 : tensor<128xf32>) outs(%6 : tensor<1x128x16x16xf32>) dimensions = [0, 2, 3] 
    %7 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg2 : tensor<1x64x18x18xf32>, tensor<128x64x3x3xf32>) outs(%broadcasted : tensor<1x128x16x16xf32>) -> tensor<1x128x16x16xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%7 : tensor<1x128x16x16xf32>) outs(%6 : tensor<1x128x16x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.cmpf ugt, %in, %cst : f32
      %10 = arith.select %9, %in, %cst : f32
      linalg.yield %10 : f32
    } -> tensor<1x128x16x16xf32>
    return %8 : tensor<1x128x16x16xf32>
  }
}
