#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<2x14x14x32xf32>) -> tensor<2x15x15xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<2x14x14x32xf32> to tensor<2x16x16x32xf32>
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<2x15x15x32xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<2x15x15x32xf32>) -> tensor<2x15x15x32xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %0 : tensor<2x16x16x32xf32>, tensor<2x2xf32>) outs(%2 : tensor<2x15x15x32xf32>) -> tensor<2x15x15x32xf32>
    %4 = tensor.empty() : tensor<2x15x15xf32>
    %5 = linalg.fill ins(%cst_0 : f32) outs(%4 : tensor<2x15x15xf32>) -> tensor<2x15x15xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%3 : tensor<2x15x15x32xf32>) outs(%5 : tensor<2x15x15xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.maximumf %in, %out : f32
      linalg.yield %8 : f32
    } -> tensor<2x15x15xf32>
    %7 = tensor.empty() : tensor<2x15x15xf32>
    %transposed = linalg.transpose ins(%6 : tensor<2x15x15xf32>) outs(%7 : tensor<2x15x15xf32>) permutation = [0, 2, 1] 
    return %transposed : tensor<2x15x15xf32>
  }
}
