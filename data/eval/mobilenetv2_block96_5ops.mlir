#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> ()>
#map2 = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<1x192x7x7xf32>, %arg1: tensor<64xf32>, %arg2: tensor<64x192x1x1xf32>) -> tensor<1x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<6.000000e+00> : tensor<f32>
    %cst_1 = arith.constant dense<0.000000e+00> : tensor<f32>
    %0 = tensor.empty() : tensor<1x192x7x7xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0, %cst_1 : tensor<1x192x7x7xf32>, tensor<f32>) outs(%0 : tensor<1x192x7x7xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %8 = arith.cmpf ogt, %in, %in_2 : f32
      %9 = arith.select %8, %in, %in_2 : f32
      linalg.yield %9 : f32
    } -> tensor<1x192x7x7xf32>
    %2 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %1 : tensor<f32>, tensor<1x192x7x7xf32>) outs(%0 : tensor<1x192x7x7xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %8 = arith.cmpf olt, %in, %in_2 : f32
      %9 = arith.select %8, %in, %in_2 : f32
      linalg.yield %9 : f32
    } -> tensor<1x192x7x7xf32>
    %3 = tensor.empty() : tensor<1x64x7x7xf32>
    %broadcasted = linalg.broadcast ins(%arg1 : tensor<64xf32>) outs(%3 : tensor<1x64x7x7xf32>) dimensions = [0, 2, 3] 
    %4 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%2, %arg2 : tensor<1x192x7x7xf32>, tensor<64x192x1x1xf32>) outs(%broadcasted : tensor<1x64x7x7xf32>) -> tensor<1x64x7x7xf32>
    %5 = tensor.empty() : tensor<1x64xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x64xf32>) -> tensor<1x64xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map2], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%4 : tensor<1x64x7x7xf32>) outs(%6 : tensor<1x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.addf %in, %out : f32
      linalg.yield %8 : f32
    } -> tensor<1x64xf32>
    return %7 : tensor<1x64xf32>
  }
}
