#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<2x128x64xf32>, %arg1: tensor<2x64x196xf32>) -> tensor<2x128xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<2x128x196xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x128x196xf32>) -> tensor<2x128x196xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<2x128x64xf32>, tensor<2x64x196xf32>) outs(%1 : tensor<2x128x196xf32>) -> tensor<2x128x196xf32>
    %3 = tensor.empty() : tensor<2x128xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<2x128xf32>) -> tensor<2x128xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%2 : tensor<2x128x196xf32>) outs(%4 : tensor<2x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.addf %in, %out : f32
      linalg.yield %8 : f32
    } -> tensor<2x128xf32>
    %6 = tensor.empty() : tensor<2x128xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%5 : tensor<2x128xf32>) outs(%6 : tensor<2x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = math.fpowi %in, %c3_i64 : f32, i64
      %9 = arith.mulf %8, %cst_1 : f32
      %10 = arith.addf %in, %9 : f32
      %11 = arith.mulf %10, %cst_2 : f32
      %12 = math.tanh %11 : f32
      %13 = arith.addf %12, %cst_0 : f32
      %14 = arith.mulf %13, %cst_3 : f32
      %15 = arith.mulf %in, %14 : f32
      linalg.yield %15 : f32
    } -> tensor<2x128xf32>
    return %7 : tensor<2x128xf32>
  }
}
