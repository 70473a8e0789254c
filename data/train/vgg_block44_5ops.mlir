#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @main(%arg0: tensor<1x128x18x18xf32>, %arg1: tensor<128x128x3x3xf32>, %arg2: tensor<1x128x16x16xf32>, %arg3: tensor<100x8192xf32>) -> tensor<1x100xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x2xf32>
    %1 = tensor.empty() : tensor<1x128x16x16xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<1x128x18x18xf32>, tensor<128x128x3x3xf32>) outs(%arg2 : tensor<1x128x16x16xf32>) -> tensor<1x128x16x16xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2 : tensor<1x128x16x16xf32>) outs(%1 : tensor<1x128x16x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.cmpf ugt, %in, %cst : f32
      %12 = arith.select %11, %in, %cst : f32
      linalg.yield %12 : f32
    } -> tensor<1x128x16x16xf32>
    %4 = tensor.empty() : tensor<1x128x8x8xf32>
    %5 = linalg.fill ins(%cst_0 : f32) outs(%4 : tensor<1x128x8x8xf32>) -> tensor<1x128x8x8xf32>
    %6 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%3, %0 : tensor<1x128x16x16xf32>, tensor<2x2xf32>) outs(%5 : tensor<1x128x8x8xf32>) -> tensor<1x128x8x8xf32>
    %collapsed = tensor.collapse_shape %6 [[0], [1, 2, 3]] : tensor<1x128x8x8xf32> into tensor<1x8192xf32>
    %7 = tensor.empty() : tensor<8192x100xf32>
    %transposed = linalg.transpose ins(%arg3 : tensor<100x8192xf32>) outs(%7 : tensor<8192x100xf32>) permutation = [1, 0] 
    %8 = tensor.empty() : tensor<1x100xf32>
    %9 = linalg.fill ins(%cst : f32) outs(%8 : tensor<1x100xf32>) -> tensor<1x100xf32>
    %10 = linalg.matmul ins(%collapsed, %transposed : tensor<1x8192xf32>, tensor<8192x100xf32>) outs(%9 : tensor<1x100xf32>) -> tensor<1x100xf32>
    return %10 : tensor<1x100xf32>
  }
}
