#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<8x32x64xf32>, %arg1: tensor<8x64x196xf32>) -> tensor<8x32x196xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<8x32x196xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<8x32x196xf32>) -> tensor<8x32x196xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<8x32x64xf32>, tensor<8x64x196xf32>) outs(%1 : tensor<8x32x196xf32>) -> tensor<8x32x196xf32>
    %3 = tensor.empty() : tensor<8x32x196xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2 : tensor<8x32x196xf32>) outs(%3 : tensor<8x32x196xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = arith.cmpf ugt, %in, %cst : f32
      %6 = arith.select %5, %in, %cst : f32
      linalg.yield %6 : f32
    } -> tensor<8x32x196xf32>
    return %4 : tensor<8x32x196xf32>
  }
}
