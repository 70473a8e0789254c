#map = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> ()>
#map2 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map3 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<64x64xi1>, %arg1: tensor<1x4x64x64xf32>) -> (tensor<1x4x64xf32>, tensor<1x4x64xi64>) {
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant dense<0xFF800000> : tensor<f32>
    %0 = tensor.empty() : tensor<1x4x64x64xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map2, #map2], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0, %cst_0, %arg1 : tensor<64x64xi1>, tensor<f32>, tensor<1x4x64x64xf32>) outs(%0 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: i1, %in_1: f32, %in_2: f32, %out: f32):
      %7 = arith.select %in, %in_1, %in_2 : f32
      linalg.yield %7 : f32
    } -> tensor<1x4x64x64xf32>
    %2 = tensor.empty() : tensor<1x4x64xi64>
    %3 = linalg.fill ins(%c0_i64 : i64) outs(%2 : tensor<1x4x64xi64>) -> tensor<1x4x64xi64>
    %4 = tensor.empty() : tensor<1x4x64xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<1x4x64xf32>) -> tensor<1x4x64xf32>
    %6:2 = linalg.generic {indexing_maps = [#map2, #map3, #map3], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%1 : tensor<1x4x64x64xf32>) outs(%5, %3 : tensor<1x4x64xf32>, tensor<1x4x64xi64>) {
    ^bb0(%in: f32, %out: f32, %out_1: i64):
      %7 = linalg.index 3 : index
      %8 = arith.index_cast %7 : index to i64
      %9 = arith.maximumf %in, %out : f32
      %10 = arith.cmpf ogt, %in, %out : f32
      %11 = arith.select %10, %8, %out_1 : i64
      linalg.yield %9, %11 : f32, i64
    } -> (tensor<1x4x64xf32>, tensor<1x4x64xi64>)
    return %6#0, %6#1 : tensor<1x4x64xf32>, tensor<1x4x64xi64>
  }
}
