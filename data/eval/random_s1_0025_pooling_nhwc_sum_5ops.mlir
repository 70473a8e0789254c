#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<1x7x7x48xf32>, %arg1: tensor<1x4x4x48xf32>, %arg2: tensor<1x4xf32>) -> tensor<1x4xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x7x7x48xf32> to tensor<1x9x9x48xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x4x4x48xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x4x4x48xf32>) -> tensor<1x4x4x48xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<1x9x9x48xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x4x4x48xf32>) -> tensor<1x4x4x48xf32>
    %4 = tensor.empty() : tensor<1x4x4x48xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %arg1 : tensor<1x4x4x48xf32>, tensor<1x4x4x48xf32>) outs(%4 : tensor<1x4x4x48xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %14 = arith.mulf %in, %in_0 : f32
      linalg.yield %14 : f32
    } -> tensor<1x4x4x48xf32>
    %6 = tensor.empty() : tensor<1x4x4xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<1x4x4xf32>) -> tensor<1x4x4xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%5 : tensor<1x4x4x48xf32>) outs(%7 : tensor<1x4x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %14 = arith.addf %in, %out : f32
      linalg.yield %14 : f32
    } -> tensor<1x4x4xf32>
    %9 = tensor.empty() : tensor<1x4xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<1x4xf32>) -> tensor<1x4xf32>
    %11 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%8 : tensor<1x4x4xf32>) outs(%10 : tensor<1x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %14 = arith.addf %in, %out : f32
      linalg.yield %14 : f32
    } -> tensor<1x4xf32>
    %12 = tensor.empty() : tensor<1x4xf32>
    %13 = linalg.generic {indexing_maps = [#map4, #map4, #map4], iterator_types = ["parallel", "parallel"]} ins(%11, %arg2 : tensor<1x4xf32>, tensor<1x4xf32>) outs(%12 : tensor<1x4xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %14 = arith.mulf %in, %in_0 : f32
      linalg.yield %14 : f32
    } -> tensor<1x4xf32>
    return %13 : tensor<1x4xf32>
  }
}
