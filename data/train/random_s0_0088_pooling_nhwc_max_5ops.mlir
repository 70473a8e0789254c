#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x56x56x384xf32>, %arg1: tensor<1x54x54x384xf32>, %arg2: tensor<1x55x55x384xf32>) -> tensor<1x384x55x55xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<1x54x54x384xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x54x54x384xf32>) -> tensor<1x54x54x384xf32>
    %3 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %0 : tensor<1x56x56x384xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x54x54x384xf32>) -> tensor<1x54x54x384xf32>
    %4 = tensor.empty() : tensor<1x54x54x384xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %arg1 : tensor<1x54x54x384xf32>, tensor<1x54x54x384xf32>) outs(%4 : tensor<1x54x54x384xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %13 = arith.mulf %in, %in_0 : f32
      linalg.yield %13 : f32
    } -> tensor<1x54x54x384xf32>
    %padded = tensor.pad %5 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x54x54x384xf32> to tensor<1x56x56x384xf32>
    %6 = tensor.empty() : tensor<2x2xf32>
    %7 = tensor.empty() : tensor<1x55x55x384xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<1x55x55x384xf32>) -> tensor<1x55x55x384xf32>
    %9 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %6 : tensor<1x56x56x384xf32>, tensor<2x2xf32>) outs(%8 : tensor<1x55x55x384xf32>) -> tensor<1x55x55x384xf32>
    %10 = tensor.empty() : tensor<1x55x55x384xf32>
    %11 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%9, %arg2 : tensor<1x55x55x384xf32>, tensor<1x55x55x384xf32>) outs(%10 : tensor<1x55x55x384xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %13 = arith.mulf %in, %in_0 : f32
      linalg.yield %13 : f32
    } -> tensor<1x55x55x384xf32>
    %12 = tensor.empty() : tensor<1x384x55x55xf32>
    %transposed = linalg.transpose ins(%11 : tensor<1x55x55x384xf32>) outs(%12 : tensor<1x384x55x55xf32>) permutation = [0, 3, 1, 2] 
    return %transposed : tensor<1x384x55x55xf32>
  }
}
