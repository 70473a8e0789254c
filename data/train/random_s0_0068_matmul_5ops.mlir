#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d0)>
module {
  func.func @main(%arg0: tensor<32x128xf32>, %arg1: tensor<128x1024xf32>, %arg2: tensor<32x1024xf32>) -> tensor<32xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<32x1024xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<32x1024xf32>) -> tensor<32x1024xf32>
    %2 = linalg.matmul ins(%arg0, %arg1 : tensor<32x128xf32>, tensor<128x1024xf32>) outs(%1 : tensor<32x1024xf32>) -> tensor<32x1024xf32>
    %3 = tensor.empty() : tensor<32x1024xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%2 : tensor<32x1024xf32>) outs(%3 : tensor<32x1024xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = arith.cmpf ugt, %in, %cst : f32
      %13 = arith.select %12, %in, %cst : f32
      linalg.yield %13 : f32
    } -> tensor<32x1024xf32>
    %5 = tensor.empty() : tensor<32x1024xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%4, %arg2 : tensor<32x1024xf32>, tensor<32x1024xf32>) outs(%5 : tensor<32x1024xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %12 = arith.addf %in, %in_0 : f32
      linalg.yield %12 : f32
    } -> tensor<32x1024xf32>
    %7 = tensor.empty() : tensor<32x1024xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%6 : tensor<32x1024xf32>) outs(%7 : tensor<32x1024xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = arith.cmpf ugt, %in, %cst : f32
      %13 = arith.select %12, %in, %cst : f32
      linalg.yield %13 : f32
    } -> tensor<32x1024xf32>
    %9 = tensor.empty() : tensor<32xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<32xf32>) -> tensor<32xf32>
    %11 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%8 : tensor<32x1024xf32>) outs(%10 : tensor<32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = arith.addf %in, %out : f32
      linalg.yield %12 : f32
    } -> tensor<32xf32>
    return %11 : tensor<32xf32>
  }
}
