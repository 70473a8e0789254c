#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<12x256x128xf32>, %arg1: tensor<12x128x64xf32>) -> tensor<12x256x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<12x256x64xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<12x256x64xf32>) -> tensor<12x256x64xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<12x256x128xf32>, tensor<12x128x64xf32>) outs(%1 : tensor<12x256x64xf32>) -> tensor<12x256x64xf32>
    %3 = tensor.empty() : tensor<12x256x64xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2 : tensor<12x256x64xf32>) outs(%3 : tensor<12x256x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = math.fpowi %in, %c3_i64 : f32, i64
      %8 = arith.mulf %7, %cst_1 : f32
      %9 = arith.addf %in, %8 : f32
      %10 = arith.mulf %9, %cst_2 : f32
      %11 = math.tanh %10 : f32
      %12 = arith.addf %11, %cst_0 : f32
      %13 = arith.mulf %12, %cst_3 : f32
      %14 = arith.mulf %in, %13 : f32
      linalg.yield %14 : f32
    } -> tensor<12x256x64xf32>
    %5 = tensor.empty() : tensor<12x64x256xf32>
    %transposed = linalg.transpose ins(%4 : tensor<12x256x64xf32>) outs(%5 : tensor<12x64x256xf32>) permutation = [0, 2, 1] 
    %6 = tensor.empty() : tensor<12x256x64xf32>
    %transposed_4 = linalg.transpose ins(%transposed : tensor<12x64x256xf32>) outs(%6 : tensor<12x256x64xf32>) permutation = [0, 2, 1] 
    return %transposed_4 : tensor<12x256x64xf32>
  }
}
