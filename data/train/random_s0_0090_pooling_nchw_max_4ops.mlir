#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<8x16x14x14xf32>) -> tensor<8x8xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<8x16x14x14xf32> to tensor<8x16x16x16xf32>
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<8x16x8x8xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<8x16x8x8xf32>) -> tensor<8x16x8x8xf32>
    %3 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<8x16x16x16xf32>, tensor<2x2xf32>) outs(%2 : tensor<8x16x8x8xf32>) -> tensor<8x16x8x8xf32>
    %4 = tensor.empty() : tensor<8x16x8xf32>
    %5 = linalg.fill ins(%cst_0 : f32) outs(%4 : tensor<8x16x8xf32>) -> tensor<8x16x8xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%3 : tensor<8x16x8x8xf32>) outs(%5 : tensor<8x16x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.addf %in, %out : f32
      linalg.yield %11 : f32
    } -> tensor<8x16x8xf32>
    %7 = tensor.empty() : tensor<8x8x16xf32>
    %transposed = linalg.transpose ins(%6 : tensor<8x16x8xf32>) outs(%7 : tensor<8x8x16xf32>) permutation = [0, 2, 1] 
    %8 = tensor.empty() : tensor<8x8xf32>
    %9 = linalg.fill ins(%cst_0 : f32) outs(%8 : tensor<8x8xf32>) -> tensor<8x8xf32>
    %10 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%transposed : tensor<8x8x16xf32>) outs(%9 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.addf %in, %out : f32
      linalg.yield %11 : f32
    } -> tensor<8x8xf32>
    return %10 : tensor<8x8xf32>
  }
}
