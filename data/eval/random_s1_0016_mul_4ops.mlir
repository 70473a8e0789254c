#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d0)>
module {
  func.func @main(%arg0: tensor<64x1024xf32>, %arg1: tensor<64x1024xf32>) -> tensor<1024xf32> {
    %cst = arith.constant 1.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<64x1024xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<64x1024xf32>, tensor<64x1024xf32>) outs(%0 : tensor<64x1024xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %8 = arith.mulf %in, %in_1 : f32
      linalg.yield %8 : f32
    } -> tensor<64x1024xf32>
    %2 = tensor.empty() : tensor<64x1024xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%1 : tensor<64x1024xf32>) outs(%2 : tensor<64x1024xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.negf %in : f32
      %9 = math.exp %8 : f32
      %10 = arith.addf %9, %cst : f32
      %11 = arith.divf %cst, %10 : f32
      linalg.yield %11 : f32
    } -> tensor<64x1024xf32>
    %4 = tensor.empty() : tensor<1024x64xf32>
    %transposed = linalg.transpose ins(%3 : tensor<64x1024xf32>) outs(%4 : tensor<1024x64xf32>) permutation = [1, 0] 
    %5 = tensor.empty() : tensor<1024xf32>
    %6 = linalg.fill ins(%cst_0 : f32) outs(%5 : tensor<1024xf32>) -> tensor<1024xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%transposed : tensor<1024x64xf32>) outs(%6 : tensor<1024xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.maximumf %in, %out : f32
      linalg.yield %8 : f32
    } -> tensor<1024xf32>
    return %7 : tensor<1024xf32>
  }
}
