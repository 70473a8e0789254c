#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<16x32x32xf32>, %arg1: tensor<32x1024xf32>) -> tensor<16x1024xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<16x32xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<16x32xf32>) -> tensor<16x32xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0 : tensor<16x32x32xf32>) outs(%1 : tensor<16x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.addf %in, %out : f32
      linalg.yield %6 : f32
    } -> tensor<16x32xf32>
    %3 = tensor.empty() : tensor<16x1024xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<16x1024xf32>) -> tensor<16x1024xf32>
    %5 = linalg.matmul ins(%2, %arg1 : tensor<16x32xf32>, tensor<32x1024xf32>) outs(%4 : tensor<16x1024xf32>) -> tensor<16x1024xf32>
    return %5 : tensor<16x1024xf32>
  }
}
