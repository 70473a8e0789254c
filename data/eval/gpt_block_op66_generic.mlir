#map = affine_map<(d0, d1) -> (0, d1)>
#map1 = affine_map<(d0, d1) -> (d0, 0)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<1x64xi64>, %arg1: tensor<64x1xi64>) -> tensor<64x64xi64> {
    %0 = tensor.empty() : tensor<64x64xi64>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<1x64xi64>, tensor<64x1xi64>) outs(%0 : tensor<64x64xi64>) {
    ^bb0(%in: i64, %in_0: i64, %out: i64):
      %2 = arith.subi %in, %in_0 : i64
      linalg.yield %2 : i64
    } -> tensor<64x64xi64>
    return %1 : tensor<64x64xi64>
  }
}
