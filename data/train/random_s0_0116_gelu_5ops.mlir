#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<8x64x64xf32>, %arg1: tensor<8x64x64xf32>) -> tensor<64x8xf32> {
    %cst = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_0 = arith.constant 4.471500e-02 : f32
    %cst_1 = arith.constant 0.797884583 : f32
    %cst_2 = arith.constant 5.000000e-01 : f32
    %cst_3 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<8x64x64xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<8x64x64xf32>) outs(%0 : tensor<8x64x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = math.fpowi %in, %c3_i64 : f32, i64
      %10 = arith.mulf %9, %cst_0 : f32
      %11 = arith.addf %in, %10 : f32
      %12 = arith.mulf %11, %cst_1 : f32
      %13 = math.tanh %12 : f32
      %14 = arith.addf %13, %cst : f32
      %15 = arith.mulf %14, %cst_2 : f32
      %16 = arith.mulf %in, %15 : f32
      linalg.yield %16 : f32
    } -> tensor<8x64x64xf32>
    %2 = tensor.empty() : tensor<8x64x64xf32>
    %transposed = linalg.transpose ins(%1 : tensor<8x64x64xf32>) outs(%2 : tensor<8x64x64xf32>) permutation = [0, 2, 1] 
    %3 = tensor.empty() : tensor<8x64x64xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%transposed, %arg1 : tensor<8x64x64xf32>, tensor<8x64x64xf32>) outs(%3 : tensor<8x64x64xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %9 = arith.mulf %in, %in_5 : f32
      linalg.yield %9 : f32
    } -> tensor<8x64x64xf32>
    %5 = tensor.empty() : tensor<8x64xf32>
    %6 = linalg.fill ins(%cst_3 : f32) outs(%5 : tensor<8x64xf32>) -> tensor<8x64xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%4 : tensor<8x64x64xf32>) outs(%6 : tensor<8x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.maximumf %in, %out : f32
      linalg.yield %9 : f32
    } -> tensor<8x64xf32>
    %8 = tensor.empty() : tensor<64x8xf32>
    %transposed_4 = linalg.transpose ins(%7 : tensor<8x64xf32>) outs(%8 : tensor<64x8xf32>) permutation = [1, 0] 
    return %transposed_4 : tensor<64x8xf32>
  }
}
