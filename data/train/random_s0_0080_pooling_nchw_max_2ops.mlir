#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<2x96x14x14xf32>) -> tensor<2x96x7xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<2x96x14x14xf32> to tensor<2x96x16x16xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<2x96x7x7xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<2x96x7x7xf32>) -> tensor<2x96x7x7xf32>
    %3 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<2x96x16x16xf32>, tensor<3x3xf32>) outs(%2 : tensor<2x96x7x7xf32>) -> tensor<2x96x7x7xf32>
    %4 = tensor.empty() : tensor<2x96x7xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<2x96x7xf32>) -> tensor<2x96x7xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%3 : tensor<2x96x7x7xf32>) outs(%5 : tensor<2x96x7xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.maximumf %in, %out : f32
      linalg.yield %7 : f32
    } -> tensor<2x96x7xf32>
    return %6 : tensor<2x96x7xf32>
  }
}
