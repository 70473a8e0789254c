#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<2x32x64xf32>, %arg1: tensor<2x64x196xf32>, %arg2: tensor<2x196x128xf32>) -> tensor<2x32xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<2x32x196xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x32x196xf32>) -> tensor<2x32x196xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<2x32x64xf32>, tensor<2x64x196xf32>) outs(%1 : tensor<2x32x196xf32>) -> tensor<2x32x196xf32>
    %3 = tensor.empty() : tensor<2x32x128xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<2x32x128xf32>) -> tensor<2x32x128xf32>
    %5 = linalg.batch_matmul ins(%2, %arg2 : tensor<2x32x196xf32>, tensor<2x196x128xf32>) outs(%4 : tensor<2x32x128xf32>) -> tensor<2x32x128xf32>
    %6 = tensor.empty() : tensor<2x32xf32>
    %7 = linalg.fill ins(%cst_0 : f32) outs(%6 : tensor<2x32xf32>) -> tensor<2x32xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%5 : tensor<2x32x128xf32>) outs(%7 : tensor<2x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.maximumf %in, %out : f32
      linalg.yield %9 : f32
    } -> tensor<2x32xf32>
    return %8 : tensor<2x32xf32>
  }
}
