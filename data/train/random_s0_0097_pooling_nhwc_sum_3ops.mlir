#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<1x14x14x192xf32>, %arg1: tensor<3x3x192x128xf32>) -> tensor<1x6x6xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x14x14x192xf32> to tensor<1x16x16x192xf32>
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x8x8x192xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x8x8x192xf32>) -> tensor<1x8x8x192xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<1x16x16x192xf32>, tensor<2x2xf32>) outs(%2 : tensor<1x8x8x192xf32>) -> tensor<1x8x8x192xf32>
    %4 = tensor.empty() : tensor<1x6x6x128xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<1x6x6x128xf32>) -> tensor<1x6x6x128xf32>
    %6 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%3, %arg1 : tensor<1x8x8x192xf32>, tensor<3x3x192x128xf32>) outs(%5 : tensor<1x6x6x128xf32>) -> tensor<1x6x6x128xf32>
    %7 = tensor.empty() : tensor<1x6x6xf32>
    %8 = linalg.fill ins(%cst_0 : f32) outs(%7 : tensor<1x6x6xf32>) -> tensor<1x6x6xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%6 : tensor<1x6x6x128xf32>) outs(%8 : tensor<1x6x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.maximumf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<1x6x6xf32>
    return %9 : tensor<1x6x6xf32>
  }
}
