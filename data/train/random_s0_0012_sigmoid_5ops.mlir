#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<2x256x128xf32>, %arg1: tensor<2x256x128xf32>) -> tensor<2x256x128xf32> {
    %cst = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_0 = arith.constant 4.471500e-02 : f32
    %cst_1 = arith.constant 0.797884583 : f32
    %cst_2 = arith.constant 5.000000e-01 : f32
    %cst_3 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x256x128xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<2x256x128xf32>) outs(%0 : tensor<2x256x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.negf %in : f32
      %11 = math.exp %10 : f32
      %12 = arith.addf %11, %cst : f32
      %13 = arith.divf %cst, %12 : f32
      linalg.yield %13 : f32
    } -> tensor<2x256x128xf32>
    %2 = tensor.empty() : tensor<2x256x128xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%1 : tensor<2x256x128xf32>) outs(%2 : tensor<2x256x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.negf %in : f32
      %11 = math.exp %10 : f32
      %12 = arith.addf %11, %cst : f32
      %13 = arith.divf %cst, %12 : f32
      linalg.yield %13 : f32
    } -> tensor<2x256x128xf32>
    %4 = tensor.empty() : tensor<2x256x128xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%3 : tensor<2x256x128xf32>) outs(%4 : tensor<2x256x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = math.fpowi %in, %c3_i64 : f32, i64
      %11 = arith.mulf %10, %cst_0 : f32
      %12 = arith.addf %in, %11 : f32
      %13 = arith.mulf %12, %cst_1 : f32
      %14 = math.tanh %13 : f32
      %15 = arith.addf %14, %cst : f32
      %16 = arith.mulf %15, %cst_2 : f32
      %17 = arith.mulf %in, %16 : f32
      linalg.yield %17 : f32
    } -> tensor<2x256x128xf32>
    %6 = tensor.empty() : tensor<2x256x128xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%5 : tensor<2x256x128xf32>) outs(%6 : tensor<2x256x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.cmpf ugt, %in, %cst_3 : f32
      %11 = arith.select %10, %in, %cst_3 : f32
      linalg.yield %11 : f32
    } -> tensor<2x256x128xf32>
    %8 = tensor.empty() : tensor<2x256x128xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%7, %arg1 : tensor<2x256x128xf32>, tensor<2x256x128xf32>) outs(%8 : tensor<2x256x128xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %10 = arith.mulf %in, %in_4 : f32
      linalg.yield %10 : f32
    } -> tensor<2x256x128xf32>
    return %9 : tensor<2x256x128xf32>
  }
}
