#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<12x256x128xf32>, %arg1: tensor<12x128x128xf32>) -> tensor<12x128x256xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<12x256x128xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<12x256x128xf32>) -> tensor<12x256x128xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<12x256x128xf32>, tensor<12x128x128xf32>) outs(%1 : tensor<12x256x128xf32>) -> tensor<12x256x128xf32>
    %3 = tensor.empty() : tensor<12x256x128xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2 : tensor<12x256x128xf32>) outs(%3 : tensor<12x256x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.negf %in : f32
      %7 = math.exp %6 : f32
      %8 = arith.addf %7, %cst_0 : f32
      %9 = arith.divf %cst_0, %8 : f32
      linalg.yield %9 : f32
    } -> tensor<12x256x128xf32>
    %5 = tensor.empty() : tensor<12x128x256xf32>
    %transposed = linalg.transpose ins(%4 : tensor<12x256x128xf32>) outs(%5 : tensor<12x128x256xf32>) permutation = [0, 2, 1] 
    return %transposed : tensor<12x128x256xf32>
  }
}
