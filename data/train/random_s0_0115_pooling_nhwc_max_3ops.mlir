#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<4x56x56x48xf32>) -> tensor<4x13x13x48xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<4x56x56x48xf32> to tensor<4x58x58x48xf32>
    %0 = tensor.empty() : tensor<3x3xf32>
    %1 = tensor.empty() : tensor<4x28x28x48xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<4x28x28x48xf32>) -> tensor<4x28x28x48xf32>
    %3 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %0 : tensor<4x58x58x48xf32>, tensor<3x3xf32>) outs(%2 : tensor<4x28x28x48xf32>) -> tensor<4x28x28x48xf32>
    %4 = tensor.empty() : tensor<4x28x28x48xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<4x28x28x48xf32>) outs(%4 : tensor<4x28x28x48xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.negf %in : f32
      %11 = math.exp %10 : f32
      %12 = arith.addf %11, %cst_0 : f32
      %13 = arith.divf %cst_0, %12 : f32
      linalg.yield %13 : f32
    } -> tensor<4x28x28x48xf32>
    %6 = tensor.empty() : tensor<3x3xf32>
    %7 = tensor.empty() : tensor<4x13x13x48xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<4x13x13x48xf32>) -> tensor<4x13x13x48xf32>
    %9 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%5, %6 : tensor<4x28x28x48xf32>, tensor<3x3xf32>) outs(%8 : tensor<4x13x13x48xf32>) -> tensor<4x13x13x48xf32>
    return %9 : tensor<4x13x13x48xf32>
  }
}
