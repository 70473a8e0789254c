#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1) -> (0, d1)>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d0, d1)>
#map4 = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
#map5 = affine_map<(d0, d1, d2, d3) -> ()>
module {
  func.func @main(%arg0: tensor<4x64x64xf32>, %arg1: tensor<1x64xi64>, %arg2: tensor<64x1xi64>) -> tensor<1x4x64x64xf32> {
    %c1_i64 = arith.constant 1 : i64
    %cst = arith.constant dense<0xFF800000> : tensor<f32>
    %cst_0 = arith.constant dense<true> : tensor<64x64xi1>
    %cst_1 = arith.constant 8.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x4x64x64xf32>
    %expanded = tensor.expand_shape %arg0 [[0, 1], [2], [3]] output_shape [1, 4, 64, 64] : tensor<4x64x64xf32> into tensor<1x4x64x64xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded : tensor<1x4x64x64xf32>) outs(%0 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.divf %in, %cst_1 : f32
      linalg.yield %8 : f32
    } -> tensor<1x4x64x64xf32>
    %2 = tensor.empty() : tensor<64x64xi64>
    %3 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%arg1, %arg2 : tensor<1x64xi64>, tensor<64x1xi64>) outs(%2 : tensor<64x64xi64>) {
    ^bb0(%in: i64, %in_2: i64, %out: i64):
      %8 = arith.subi %in, %in_2 : i64
      linalg.yield %8 : i64
    } -> tensor<64x64xi64>
    %4 = tensor.empty() : tensor<64x64xi1>
    %5 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%3 : tensor<64x64xi64>) outs(%4 : tensor<64x64xi1>) {
    ^bb0(%in: i64, %out: i1):
      %8 = arith.cmpi sge, %in, %c1_i64 : i64
      linalg.yield %8 : i1
    } -> tensor<64x64xi1>
    %6 = linalg.generic {indexing_maps = [#map3, #map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%5, %cst_0 : tensor<64x64xi1>, tensor<64x64xi1>) outs(%4 : tensor<64x64xi1>) {
    ^bb0(%in: i1, %in_2: i1, %out: i1):
      %8 = arith.andi %in, %in_2 : i1
      linalg.yield %8 : i1
    } -> tensor<64x64xi1>
    %7 = linalg.generic {indexing_maps = [#map4, #map5, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6, %cst, %1 : tensor<64x64xi1>, tensor<f32>, tensor<1x4x64x64xf32>) outs(%0 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: i1, %in_2: f32, %in_3: f32, %out: f32):
      %8 = arith.select %in, %in_2, %in_3 : f32
      linalg.yield %8 : f32
    } -> tensor<1x4x64x64xf32>
    return %7 : tensor<1x4x64x64xf32>
  }
}
