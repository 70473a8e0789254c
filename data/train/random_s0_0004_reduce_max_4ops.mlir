#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<1x192x14x14xf32>) -> tensor<1x192xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<1x192x14xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x192x14xf32>) -> tensor<1x192x14xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0 : tensor<1x192x14x14xf32>) outs(%1 : tensor<1x192x14xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.maximumf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<1x192x14xf32>
    %3 = tensor.empty() : tensor<1x192x14xf32>
    %4 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2 : tensor<1x192x14xf32>) outs(%3 : tensor<1x192x14xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = math.fpowi %in, %c3_i64 : f32, i64
      %11 = arith.mulf %10, %cst_1 : f32
      %12 = arith.addf %in, %11 : f32
      %13 = arith.mulf %12, %cst_2 : f32
      %14 = math.tanh %13 : f32
      %15 = arith.addf %14, %cst_0 : f32
      %16 = arith.mulf %15, %cst_3 : f32
      %17 = arith.mulf %in, %16 : f32
      linalg.yield %17 : f32
    } -> tensor<1x192x14xf32>
    %5 = tensor.empty() : tensor<1x192xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x192xf32>) -> tensor<1x192xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%4 : tensor<1x192x14xf32>) outs(%6 : tensor<1x192xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.maximumf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<1x192xf32>
    %8 = tensor.empty() : tensor<1x192xf32>
    %9 = linalg.generic {indexing_maps = [#map4, #map4], iterator_types = ["parallel", "parallel"]} ins(%7 : tensor<1x192xf32>) outs(%8 : tensor<1x192xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = math.fpowi %in, %c3_i64 : f32, i64
      %11 = arith.mulf %10, %cst_1 : f32
      %12 = arith.addf %in, %11 : f32
      %13 = arith.mulf %12, %cst_2 : f32
      %14 = math.tanh %13 : f32
      %15 = arith.addf %14, %cst_0 : f32
      %16 = arith.mulf %15, %cst_3 : f32
      %17 = arith.mulf %in, %16 : f32
      linalg.yield %17 : f32
    } -> tensor<1x192xf32>
    return %9 : tensor<1x192xf32>
  }
}
