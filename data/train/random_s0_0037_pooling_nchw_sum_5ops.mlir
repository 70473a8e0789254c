#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<1x256x14x14xf32>) -> tensor<1x256x3xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %cst_1 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x256x7x7xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x256x7x7xf32>) -> tensor<1x256x7x7xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<1x256x14x14xf32>, tensor<2x2xf32>) outs(%2 : tensor<1x256x7x7xf32>) -> tensor<1x256x7x7xf32>
    %padded = tensor.pad %3 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst_0 : f32
    } : tensor<1x256x7x7xf32> to tensor<1x256x9x9xf32>
    %4 = tensor.empty() : tensor<2x2xf32>
    %5 = tensor.empty() : tensor<1x256x8x8xf32>
    %6 = linalg.fill ins(%cst_0 : f32) outs(%5 : tensor<1x256x8x8xf32>) -> tensor<1x256x8x8xf32>
    %7 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %4 : tensor<1x256x9x9xf32>, tensor<2x2xf32>) outs(%6 : tensor<1x256x8x8xf32>) -> tensor<1x256x8x8xf32>
    %8 = tensor.empty() : tensor<3x3xf32>
    %9 = tensor.empty() : tensor<1x256x3x3xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<1x256x3x3xf32>) -> tensor<1x256x3x3xf32>
    %11 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%7, %8 : tensor<1x256x8x8xf32>, tensor<3x3xf32>) outs(%10 : tensor<1x256x3x3xf32>) -> tensor<1x256x3x3xf32>
    %12 = tensor.empty() : tensor<1x256x3xf32>
    %13 = linalg.fill ins(%cst : f32) outs(%12 : tensor<1x256x3xf32>) -> tensor<1x256x3xf32>
    %14 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%11 : tensor<1x256x3x3xf32>) outs(%13 : tensor<1x256x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %17 = arith.addf %in, %out : f32
      linalg.yield %17 : f32
    } -> tensor<1x256x3xf32>
    %15 = tensor.empty() : tensor<1x256x3xf32>
    %16 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%14 : tensor<1x256x3xf32>) outs(%15 : tensor<1x256x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %17 = arith.negf %in : f32
      %18 = math.exp %17 : f32
      %19 = arith.addf %18, %cst_1 : f32
      %20 = arith.divf %cst_1, %19 : f32
      linalg.yield %20 : f32
    } -> tensor<1x256x3xf32>
    return %16 : tensor<1x256x3xf32>
  }
}
