#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<4x48x28x28xf32>, %arg1: tensor<48x1x1xf32>, %arg2: tensor<4x28x128xf32>) -> tensor<4x48xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<4x48x28x28xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<4x48x28x28xf32>) -> tensor<4x48x28x28xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %arg1 : tensor<4x48x28x28xf32>, tensor<48x1x1xf32>) outs(%1 : tensor<4x48x28x28xf32>) -> tensor<4x48x28x28xf32>
    %3 = tensor.empty() : tensor<4x48x28xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<4x48x28xf32>) -> tensor<4x48x28xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%2 : tensor<4x48x28x28xf32>) outs(%4 : tensor<4x48x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %14 = arith.addf %in, %out : f32
      linalg.yield %14 : f32
    } -> tensor<4x48x28xf32>
    %6 = tensor.empty() : tensor<4x48x28xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%5 : tensor<4x48x28xf32>) outs(%6 : tensor<4x48x28xf32>) {
    ^bb0(%in: f32, %out: f32):
      %14 = math.fpowi %in, %c3_i64 : f32, i64
      %15 = arith.mulf %14, %cst_1 : f32
      %16 = arith.addf %in, %15 : f32
      %17 = arith.mulf %16, %cst_2 : f32
      %18 = math.tanh %17 : f32
      %19 = arith.addf %18, %cst_0 : f32
      %20 = arith.mulf %19, %cst_3 : f32
      %21 = arith.mulf %in, %20 : f32
      linalg.yield %21 : f32
    } -> tensor<4x48x28xf32>
    %8 = tensor.empty() : tensor<4x48x128xf32>
    %9 = linalg.fill ins(%cst : f32) outs(%8 : tensor<4x48x128xf32>) -> tensor<4x48x128xf32>
    %10 = linalg.batch_matmul ins(%7, %arg2 : tensor<4x48x28xf32>, tensor<4x28x128xf32>) outs(%9 : tensor<4x48x128xf32>) -> tensor<4x48x128xf32>
    %11 = tensor.empty() : tensor<4x48xf32>
    %12 = linalg.fill ins(%cst : f32) outs(%11 : tensor<4x48xf32>) -> tensor<4x48xf32>
    %13 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%10 : tensor<4x48x128xf32>) outs(%12 : tensor<4x48xf32>) {
    ^bb0(%in: f32, %out: f32):
      %14 = arith.addf %in, %out : f32
      linalg.yield %14 : f32
    } -> tensor<4x48xf32>
    return %13 : tensor<4x48xf32>
  }
}
