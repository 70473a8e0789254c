#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @main(%arg0: tensor<4x256x32xf32>, %arg1: tensor<4x32x64xf32>, %arg2: tensor<4x256xf32>, %arg3: tensor<256x256xf32>, %arg4: tensor<256x384xf32>) -> tensor<4x384xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %0 = tensor.empty() : tensor<4x256x64xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<4x256x64xf32>) -> tensor<4x256x64xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<4x256x32xf32>, tensor<4x32x64xf32>) outs(%1 : tensor<4x256x64xf32>) -> tensor<4x256x64xf32>
    %3 = tensor.empty() : tensor<4x256xf32>
    %4 = linalg.fill ins(%cst_0 : f32) outs(%3 : tensor<4x256xf32>) -> tensor<4x256xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%2 : tensor<4x256x64xf32>) outs(%4 : tensor<4x256xf32>) {
    ^bb0(%in: f32, %out: f32):
      %14 = arith.maximumf %in, %out : f32
      linalg.yield %14 : f32
    } -> tensor<4x256xf32>
    %6 = tensor.empty() : tensor<4x256xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%5, %arg2 : tensor<4x256xf32>, tensor<4x256xf32>) outs(%6 : tensor<4x256xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %14 = arith.mulf %in, %in_1 : f32
      linalg.yield %14 : f32
    } -> tensor<4x256xf32>
    %8 = tensor.empty() : tensor<4x256xf32>
    %9 = linalg.fill ins(%cst : f32) outs(%8 : tensor<4x256xf32>) -> tensor<4x256xf32>
    %10 = linalg.matmul ins(%7, %arg3 : tensor<4x256xf32>, tensor<256x256xf32>) outs(%9 : tensor<4x256xf32>) -> tensor<4x256xf32>
    %11 = tensor.empty() : tensor<4x384xf32>
    %12 = linalg.fill ins(%cst : f32) outs(%11 : tensor<4x384xf32>) -> tensor<4x384xf32>
    %13 = linalg.matmul ins(%10, %arg4 : tensor<4x256xf32>, tensor<256x384xf32>) outs(%12 : tensor<4x384xf32>) -> tensor<4x384xf32>
    return %13 : tensor<4x384xf32>
  }
}
