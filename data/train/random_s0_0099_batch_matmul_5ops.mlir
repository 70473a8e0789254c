#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @main(%arg0: tensor<12x128x32xf32>, %arg1: tensor<12x32x196xf32>, %arg2: tensor<12x128x196xf32>, %arg3: tensor<12x196x64xf32>, %arg4: tensor<12x128x64xf32>) -> tensor<12x128x64xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant 4.471500e-02 : f32
    %cst_2 = arith.constant 0.797884583 : f32
    %cst_3 = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<12x128x196xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<12x128x196xf32>) -> tensor<12x128x196xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<12x128x32xf32>, tensor<12x32x196xf32>) outs(%1 : tensor<12x128x196xf32>) -> tensor<12x128x196xf32>
    %3 = tensor.empty() : tensor<12x128x196xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2, %arg2 : tensor<12x128x196xf32>, tensor<12x128x196xf32>) outs(%3 : tensor<12x128x196xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %12 = arith.mulf %in, %in_4 : f32
      linalg.yield %12 : f32
    } -> tensor<12x128x196xf32>
    %5 = tensor.empty() : tensor<12x128x64xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<12x128x64xf32>) -> tensor<12x128x64xf32>
    %7 = linalg.batch_matmul ins(%4, %arg3 : tensor<12x128x196xf32>, tensor<12x196x64xf32>) outs(%6 : tensor<12x128x64xf32>) -> tensor<12x128x64xf32>
    %8 = tensor.empty() : tensor<12x128x64xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%7 : tensor<12x128x64xf32>) outs(%8 : tensor<12x128x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = math.fpowi %in, %c3_i64 : f32, i64
      %13 = arith.mulf %12, %cst_1 : f32
      %14 = arith.addf %in, %13 : f32
      %15 = arith.mulf %14, %cst_2 : f32
      %16 = math.tanh %15 : f32
      %17 = arith.addf %16, %cst_0 : f32
      %18 = arith.mulf %17, %cst_3 : f32
      %19 = arith.mulf %in, %18 : f32
      linalg.yield %19 : f32
    } -> tensor<12x128x64xf32>
    %10 = tensor.empty() : tensor<12x128x64xf32>
    %11 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%9, %arg4 : tensor<12x128x64xf32>, tensor<12x128x64xf32>) outs(%10 : tensor<12x128x64xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %12 = arith.mulf %in, %in_4 : f32
      linalg.yield %12 : f32
    } -> tensor<12x128x64xf32>
    return %11 : tensor<12x128x64xf32>
  }
}
