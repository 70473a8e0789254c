#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<1x192x14x14xf32>, %arg1: tensor<64x192x1x1xf32>, %arg2: tensor<64x3x3xf32>) -> tensor<1x14xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<1x64x14x14xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x64x14x14xf32>) -> tensor<1x64x14x14xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x192x14x14xf32>, tensor<64x192x1x1xf32>) outs(%1 : tensor<1x64x14x14xf32>) -> tensor<1x64x14x14xf32>
    %padded = tensor.pad %2 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x64x14x14xf32> to tensor<1x64x16x16xf32>
    %3 = tensor.empty() : tensor<1x64x14x14xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<1x64x14x14xf32>) -> tensor<1x64x14x14xf32>
    %5 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %arg2 : tensor<1x64x16x16xf32>, tensor<64x3x3xf32>) outs(%4 : tensor<1x64x14x14xf32>) -> tensor<1x64x14x14xf32>
    %6 = tensor.empty() : tensor<1x14x14x64xf32>
    %transposed = linalg.transpose ins(%5 : tensor<1x64x14x14xf32>) outs(%6 : tensor<1x14x14x64xf32>) permutation = [0, 2, 3, 1] 
    %7 = tensor.empty() : tensor<1x14x14xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<1x14x14xf32>) -> tensor<1x14x14xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%transposed : tensor<1x14x14x64xf32>) outs(%8 : tensor<1x14x14xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.addf %in, %out : f32
      linalg.yield %13 : f32
    } -> tensor<1x14x14xf32>
    %10 = tensor.empty() : tensor<1x14xf32>
    %11 = linalg.fill ins(%cst_0 : f32) outs(%10 : tensor<1x14xf32>) -> tensor<1x14xf32>
    %12 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%9 : tensor<1x14x14xf32>) outs(%11 : tensor<1x14xf32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.maximumf %in, %out : f32
      linalg.yield %13 : f32
    } -> tensor<1x14xf32>
    return %12 : tensor<1x14xf32>
  }
}
