#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
#map2 = affine_map<(d0, d1, d2, d3) -> ()>
#map3 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
module {
  func.func @main(%arg0: tensor<64x64xi1>, %arg1: tensor<1x4x64x64xf32>, %arg2: tensor<1x4x64xf32>) -> tensor<1x4x64x1xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<0xFF800000> : tensor<f32>
    %cst_1 = arith.constant dense<true> : tensor<64x64xi1>
    %0 = tensor.empty() : tensor<1x4x64x64xf32>
    %1 = tensor.empty() : tensor<64x64xi1>
    %2 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %cst_1 : tensor<64x64xi1>, tensor<64x64xi1>) outs(%1 : tensor<64x64xi1>) {
    ^bb0(%in: i1, %in_2: i1, %out: i1):
      %9 = arith.andi %in, %in_2 : i1
      linalg.yield %9 : i1
    } -> tensor<64x64xi1>
    %3 = linalg.generic {indexing_maps = [#map1, #map2, #map3, #map3], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%2, %cst_0, %arg1 : tensor<64x64xi1>, tensor<f32>, tensor<1x4x64x64xf32>) outs(%0 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: i1, %in_2: f32, %in_3: f32, %out: f32):
      %9 = arith.select %in, %in_2, %in_3 : f32
      linalg.yield %9 : f32
    } -> tensor<1x4x64x64xf32>
    %expanded = tensor.expand_shape %arg2 [[0], [1], [2, 3]] output_shape [1, 4, 64, 1] : tensor<1x4x64xf32> into tensor<1x4x64x1xf32>
    %4 = linalg.generic {indexing_maps = [#map3, #map4, #map3], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3, %expanded : tensor<1x4x64x64xf32>, tensor<1x4x64x1xf32>) outs(%0 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %9 = arith.subf %in, %in_2 : f32
      linalg.yield %9 : f32
    } -> tensor<1x4x64x64xf32>
    %5 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4 : tensor<1x4x64x64xf32>) outs(%0 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = math.exp %in : f32
      linalg.yield %9 : f32
    } -> tensor<1x4x64x64xf32>
    %6 = tensor.empty() : tensor<1x4x64x1xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<1x4x64x1xf32>) -> tensor<1x4x64x1xf32>
    %8 = linalg.generic {indexing_maps = [#map3, #map4], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%5 : tensor<1x4x64x64xf32>) outs(%7 : tensor<1x4x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.addf %in, %out : f32
      linalg.yield %9 : f32
    } -> tensor<1x4x64x1xf32>
    return %8 : tensor<1x4x64x1xf32>
  }
}
