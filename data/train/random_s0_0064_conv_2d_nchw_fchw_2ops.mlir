#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<2x192x28x28xf32>, %arg1: tensor<24x192x3x3xf32>) -> tensor<2x24x12x12xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x24x12x12xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x24x12x12xf32>) -> tensor<2x24x12x12xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<2> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %arg1 : tensor<2x192x28x28xf32>, tensor<24x192x3x3xf32>) outs(%1 : tensor<2x24x12x12xf32>) -> tensor<2x24x12x12xf32>
    %3 = tensor.empty() : tensor<2x24x12x12xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<2x24x12x12xf32>) outs(%3 : tensor<2x24x12x12xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = arith.negf %in : f32
      %6 = math.exp %5 : f32
      %7 = arith.addf %6, %cst_0 : f32
      %8 = arith.divf %cst_0, %7 : f32
      linalg.yield %8 : f32
    } -> tensor<2x24x12x12xf32>
    return %4 : tensor<2x24x12x12xf32>
  }
}
