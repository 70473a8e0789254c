#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x24x14x14xf32>) -> tensor<1x24x1x1xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x24x7x7xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x24x7x7xf32>) -> tensor<1x24x7x7xf32>
    %3 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %0 : tensor<1x24x14x14xf32>, tensor<2x2xf32>) outs(%2 : tensor<1x24x7x7xf32>) -> tensor<1x24x7x7xf32>
    %4 = tensor.empty() : tensor<3x3xf32>
    %5 = tensor.empty() : tensor<1x24x3x3xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x24x3x3xf32>) -> tensor<1x24x3x3xf32>
    %7 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%3, %4 : tensor<1x24x7x7xf32>, tensor<3x3xf32>) outs(%6 : tensor<1x24x3x3xf32>) -> tensor<1x24x3x3xf32>
    %8 = tensor.empty() : tensor<3x3xf32>
    %9 = tensor.empty() : tensor<1x24x1x1xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<1x24x1x1xf32>) -> tensor<1x24x1x1xf32>
    %11 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%7, %8 : tensor<1x24x3x3xf32>, tensor<3x3xf32>) outs(%10 : tensor<1x24x1x1xf32>) -> tensor<1x24x1x1xf32>
    %12 = tensor.empty() : tensor<1x24x1x1xf32>
    %13 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%11 : tensor<1x24x1x1xf32>) outs(%12 : tensor<1x24x1x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %14 = arith.cmpf ugt, %in, %cst_0 : f32
      %15 = arith.select %14, %in, %cst_0 : f32
      linalg.yield %15 : f32
    } -> tensor<1x24x1x1xf32>
    return %13 : tensor<1x24x1x1xf32>
  }
}
