#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d2)>
module {
  func.func @main(%arg0: tensor<1x64x28x28xf32>, %arg1: tensor<64x5x5xf32>, %arg2: tensor<10xf32>) -> tensor<1x64x10xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x64x10x10xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x64x10x10xf32>) -> tensor<1x64x10x10xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<2> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x64x28x28xf32>, tensor<64x5x5xf32>) outs(%1 : tensor<1x64x10x10xf32>) -> tensor<1x64x10x10xf32>
    %3 = tensor.empty() : tensor<1x64x10xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<1x64x10xf32>) -> tensor<1x64x10xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%2 : tensor<1x64x10x10xf32>) outs(%4 : tensor<1x64x10xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.addf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<1x64x10xf32>
    %6 = tensor.empty() : tensor<1x64x10xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%5 : tensor<1x64x10xf32>) outs(%6 : tensor<1x64x10xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.negf %in : f32
      %11 = math.exp %10 : f32
      %12 = arith.addf %11, %cst_0 : f32
      %13 = arith.divf %cst_0, %12 : f32
      linalg.yield %13 : f32
    } -> tensor<1x64x10xf32>
    %8 = tensor.empty() : tensor<1x64x10xf32>
    %9 = linalg.generic {indexing_maps = [#map2, #map3, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%7, %arg2 : tensor<1x64x10xf32>, tensor<10xf32>) outs(%8 : tensor<1x64x10xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %10 = arith.addf %in, %in_1 : f32
      linalg.yield %10 : f32
    } -> tensor<1x64x10xf32>
    return %9 : tensor<1x64x10xf32>
  }
}
