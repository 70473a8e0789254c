#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<1x48x56x56xf32>) -> tensor<1x48xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x48x56x56xf32> to tensor<1x48x58x58xf32>
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x48x29x29xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x48x29x29xf32>) -> tensor<1x48x29x29xf32>
    %3 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<1x48x58x58xf32>, tensor<2x2xf32>) outs(%2 : tensor<1x48x29x29xf32>) -> tensor<1x48x29x29xf32>
    %4 = tensor.empty() : tensor<1x48x29xf32>
    %5 = linalg.fill ins(%cst_0 : f32) outs(%4 : tensor<1x48x29xf32>) -> tensor<1x48x29xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%3 : tensor<1x48x29x29xf32>) outs(%5 : tensor<1x48x29xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.addf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<1x48x29xf32>
    %7 = tensor.empty() : tensor<1x48xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<1x48xf32>) -> tensor<1x48xf32>
    %9 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%6 : tensor<1x48x29xf32>) outs(%8 : tensor<1x48xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.maximumf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<1x48xf32>
    return %9 : tensor<1x48xf32>
  }
}
