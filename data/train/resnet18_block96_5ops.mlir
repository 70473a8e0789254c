#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<1x512x2x2xf32>, %arg1: tensor<1x512x4x4xf32>, %arg2: tensor<512x512x3x3xf32>, %arg3: tensor<1x512x2x2xf32>) -> tensor<1x512xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x512x2x2xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x512x2x2xf32>) outs(%0 : tensor<1x512x2x2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.cmpf ugt, %in, %cst : f32
      %9 = arith.select %8, %in, %cst : f32
      linalg.yield %9 : f32
    } -> tensor<1x512x2x2xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg1, %arg2 : tensor<1x512x4x4xf32>, tensor<512x512x3x3xf32>) outs(%arg3 : tensor<1x512x2x2xf32>) -> tensor<1x512x2x2xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2, %1 : tensor<1x512x2x2xf32>, tensor<1x512x2x2xf32>) outs(%0 : tensor<1x512x2x2xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %8 = arith.addf %in, %in_0 : f32
      linalg.yield %8 : f32
    } -> tensor<1x512x2x2xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x512x2x2xf32>) outs(%0 : tensor<1x512x2x2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.cmpf ugt, %in, %cst : f32
      %9 = arith.select %8, %in, %cst : f32
      linalg.yield %9 : f32
    } -> tensor<1x512x2x2xf32>
    %5 = tensor.empty() : tensor<1x512xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x512xf32>) -> tensor<1x512xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%4 : tensor<1x512x2x2xf32>) outs(%6 : tensor<1x512xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.addf %in, %out : f32
      linalg.yield %8 : f32
    } -> tensor<1x512xf32>
    return %7 : tensor<1x512xf32>
  }
}
