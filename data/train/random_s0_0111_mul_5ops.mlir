#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d3)>
#map2 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<2x56x56x32xf32>, %arg1: tensor<2x56x56x32xf32>, %arg2: tensor<32xf32>) -> tensor<2x56x56xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x56x56x32xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<2x56x56x32xf32>, tensor<2x56x56x32xf32>) outs(%0 : tensor<2x56x56x32xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %12 = arith.mulf %in, %in_0 : f32
      linalg.yield %12 : f32
    } -> tensor<2x56x56x32xf32>
    %2 = tensor.empty() : tensor<2x56x56x32xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1, %arg2 : tensor<2x56x56x32xf32>, tensor<32xf32>) outs(%2 : tensor<2x56x56x32xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %12 = arith.addf %in, %in_0 : f32
      linalg.yield %12 : f32
    } -> tensor<2x56x56x32xf32>
    %padded = tensor.pad %3 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<2x56x56x32xf32> to tensor<2x58x58x32xf32>
    %4 = tensor.empty() : tensor<3x3xf32>
    %5 = tensor.empty() : tensor<2x56x56x32xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<2x56x56x32xf32>) -> tensor<2x56x56x32xf32>
    %7 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %4 : tensor<2x58x58x32xf32>, tensor<3x3xf32>) outs(%6 : tensor<2x56x56x32xf32>) -> tensor<2x56x56x32xf32>
    %8 = tensor.empty() : tensor<2x56x56xf32>
    %9 = linalg.fill ins(%cst : f32) outs(%8 : tensor<2x56x56xf32>) -> tensor<2x56x56xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map2], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%7 : tensor<2x56x56x32xf32>) outs(%9 : tensor<2x56x56xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = arith.addf %in, %out : f32
      linalg.yield %12 : f32
    } -> tensor<2x56x56xf32>
    %11 = tensor.empty() : tensor<2x56x56xf32>
    %transposed = linalg.transpose ins(%10 : tensor<2x56x56xf32>) outs(%11 : tensor<2x56x56xf32>) permutation = [0, 2, 1] 
    return %transposed : tensor<2x56x56xf32>
  }
}
