#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<8x56x56x96xf32>, %arg1: tensor<8x28x28x96xf32>) -> tensor<8x28x28x96xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<8x56x56x96xf32> to tensor<8x58x58x96xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<8x28x28x96xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<8x28x28x96xf32>) -> tensor<8x28x28x96xf32>
    %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<8x58x58x96xf32>, tensor<3x3xf32>) outs(%2 : tensor<8x28x28x96xf32>) -> tensor<8x28x28x96xf32>
    %4 = tensor.empty() : tensor<8x28x28x96xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %arg1 : tensor<8x28x28x96xf32>, tensor<8x28x28x96xf32>) outs(%4 : tensor<8x28x28x96xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %6 = arith.mulf %in, %in_0 : f32
      linalg.yield %6 : f32
    } -> tensor<8x28x28x96xf32>
    return %5 : tensor<8x28x28x96xf32>
  }
}
