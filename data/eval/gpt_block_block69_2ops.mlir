#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<64x64xi64>) -> tensor<64x64xi1> {
    %c1_i64 = arith.constant 1 : i64
    %cst = arith.constant dense<true> : tensor<64x64xi1>
    %0 = tensor.empty() : tensor<64x64xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<64x64xi64>) outs(%0 : tensor<64x64xi1>) {
    ^bb0(%in: i64, %out: i1):
      %3 = arith.cmpi sge, %in, %c1_i64 : i64
      linalg.yield %3 : i1
    } -> tensor<64x64xi1>
    %2 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%1, %cst : tensor<64x64xi1>, tensor<64x64xi1>) outs(%0 : tensor<64x64xi1>) {
    ^bb0(%in: i1, %in_0: i1, %out: i1):
      %3 = arith.andi %in, %in_0 : i1
      linalg.yield %3 : i1
    } -> tensor<64x64xi1>
    return %2 : tensor<64x64xi1>
  }
}
