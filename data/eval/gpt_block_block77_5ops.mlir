#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
#map2 = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
#map3 = affine_map<(d0, d1, d2, d3) -> ()>
#map4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map5 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
module {
  func.func @main(%arg0: tensor<1x4x64x64xf32>, %arg1: tensor<64x64xi1>) -> tensor<1x4x64x64xf32> {
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant dense<0xFF800000> : tensor<f32>
    %cst_1 = arith.constant dense<true> : tensor<64x64xi1>
    %cst_2 = arith.constant 8.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x4x64x64xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x4x64x64xf32>) outs(%0 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %11 = arith.divf %in, %cst_2 : f32
      linalg.yield %11 : f32
    } -> tensor<1x4x64x64xf32>
    %2 = tensor.empty() : tensor<64x64xi1>
    %3 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%arg1, %cst_1 : tensor<64x64xi1>, tensor<64x64xi1>) outs(%2 : tensor<64x64xi1>) {
    ^bb0(%in: i1, %in_3: i1, %out: i1):
      %11 = arith.andi %in, %in_3 : i1
      linalg.yield %11 : i1
    } -> tensor<64x64xi1>
    %4 = linalg.generic {indexing_maps = [#map2, #map3, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %cst_0, %1 : tensor<64x64xi1>, tensor<f32>, tensor<1x4x64x64xf32>) outs(%0 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: i1, %in_3: f32, %in_4: f32, %out: f32):
      %11 = arith.select %in, %in_3, %in_4 : f32
      linalg.yield %11 : f32
    } -> tensor<1x4x64x64xf32>
    %5 = tensor.empty() : tensor<1x4x64xi64>
    %6 = linalg.fill ins(%c0_i64 : i64) outs(%5 : tensor<1x4x64xi64>) -> tensor<1x4x64xi64>
    %7 = tensor.empty() : tensor<1x4x64xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<1x4x64xf32>) -> tensor<1x4x64xf32>
    %9:2 = linalg.generic {indexing_maps = [#map, #map4, #map4], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%4 : tensor<1x4x64x64xf32>) outs(%8, %6 : tensor<1x4x64xf32>, tensor<1x4x64xi64>) {
    ^bb0(%in: f32, %out: f32, %out_3: i64):
      %11 = linalg.index 3 : index
      %12 = arith.index_cast %11 : index to i64
      %13 = arith.maximumf %in, %out : f32
      %14 = arith.cmpf ogt, %in, %out : f32
      %15 = arith.select %14, %12, %out_3 : i64
      linalg.yield %13, %15 : f32, i64
    } -> (tensor<1x4x64xf32>, tensor<1x4x64xi64>)
    %expanded = tensor.expand_shape %9#0 [[0], [1], [2, 3]] output_shape [1, 4, 64, 1] : tensor<1x4x64xf32> into tensor<1x4x64x1xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map5, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4, %expanded : tensor<1x4x64x64xf32>, tensor<1x4x64x1xf32>) outs(%0 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %11 = arith.subf %in, %in_3 : f32
      linalg.yield %11 : f32
    } -> tensor<1x4x64x64xf32>
    return %10 : tensor<1x4x64x64xf32>
  }
}
