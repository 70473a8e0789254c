#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
#map2 = affine_map<(d0, d1, d2) -> (d2)>
#map3 = affine_map<(d0, d1) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (d1)>
#map5 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map6 = affine_map<(d0) -> (d0)>
#map7 = affine_map<(d0, d1) -> (0, d1)>
#map8 = affine_map<(d0, d1) -> (d0, 0)>
#map9 = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
#map10 = affine_map<(d0, d1, d2, d3) -> ()>
#map11 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map12 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
module {
  func.func @main(%arg0: tensor<1x64x256xf32>, %arg1: tensor<768x256xf32>, %arg2: tensor<768xf32>, %arg3: tensor<256x256xf32>, %arg4: tensor<256xf32>, %arg5: tensor<256xf32>, %arg6: tensor<256xf32>, %arg7: tensor<256xf32>, %arg8: tensor<256xf32>, %arg9: tensor<1024x256xf32>, %arg10: tensor<1024xf32>, %arg11: tensor<256x1024xf32>, %arg12: tensor<256xf32>) -> tensor<1x64x256xf32> {
    %c3_i64 = arith.constant 3 : i64
    %c1_i64 = arith.constant 1 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0.000000e+00 : f64
    %cst_0 = arith.constant 0.000000e+00 : f32
    %cst_1 = arith.constant 0xFF800000 : f32
    %cst_2 = arith.constant 4.471500e-02 : f32
    %cst_3 = arith.constant 7.977240e-01 : f32
    %cst_4 = arith.constant 1.000000e+00 : f32
    %cst_5 = arith.constant 5.000000e-01 : f32
    %cst_6 = arith.constant dense<0xFF800000> : tensor<f32>
    %cst_7 = arith.constant dense<true> : tensor<64x64xi1>
    %cst_8 = arith.constant 1.000000e-05 : f64
    %cst_9 = arith.constant 2.560000e+02 : f64
    %cst_10 = arith.constant 2.560000e+02 : f32
    %cst_11 = arith.constant 8.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x64x256xf64>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x64x256xf32>) outs(%0 : tensor<1x64x256xf64>) {
    ^bb0(%in: f32, %out: f64):
      %87 = arith.extf %in : f32 to f64
      linalg.yield %87 : f64
    } -> tensor<1x64x256xf64>
    %2 = tensor.empty() : tensor<1x64x1xf64>
    %3 = linalg.fill ins(%cst : f64) outs(%2 : tensor<1x64x1xf64>) -> tensor<1x64x1xf64>
    %4 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%1 : tensor<1x64x256xf64>) outs(%3 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %87 = arith.addf %in, %out : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x1xf64>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%4 : tensor<1x64x1xf64>) outs(%2 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %87 = arith.divf %in, %cst_9 : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x1xf64>
    %6 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%1, %5 : tensor<1x64x256xf64>, tensor<1x64x1xf64>) outs(%0 : tensor<1x64x256xf64>) {
    ^bb0(%in: f64, %in_36: f64, %out: f64):
      %87 = arith.subf %in, %in_36 : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x256xf64>
    %7 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%6, %6 : tensor<1x64x256xf64>, tensor<1x64x256xf64>) outs(%0 : tensor<1x64x256xf64>) {
    ^bb0(%in: f64, %in_36: f64, %out: f64):
      %87 = arith.mulf %in, %in_36 : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x256xf64>
    %8 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%7 : tensor<1x64x256xf64>) outs(%3 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %87 = arith.addf %in, %out : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x1xf64>
    %9 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%8 : tensor<1x64x1xf64>) outs(%2 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %87 = arith.divf %in, %cst_9 : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x1xf64>
    %10 = tensor.empty() : tensor<1x64x1xf32>
    %11 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%9 : tensor<1x64x1xf64>) outs(%10 : tensor<1x64x1xf32>) {
    ^bb0(%in: f64, %out: f32):
      %87 = arith.truncf %in : f64 to f32
      linalg.yield %87 : f32
    } -> tensor<1x64x1xf32>
    %12 = linalg.fill ins(%cst_0 : f32) outs(%10 : tensor<1x64x1xf32>) -> tensor<1x64x1xf32>
    %13 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0 : tensor<1x64x256xf32>) outs(%12 : tensor<1x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = arith.addf %in, %out : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x1xf32>
    %14 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%13 : tensor<1x64x1xf32>) outs(%10 : tensor<1x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = arith.divf %in, %cst_10 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x1xf32>
    %15 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%11 : tensor<1x64x1xf32>) outs(%10 : tensor<1x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = arith.truncf %cst_8 : f64 to f32
      %88 = arith.addf %in, %87 : f32
      linalg.yield %88 : f32
    } -> tensor<1x64x1xf32>
    %16 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%15 : tensor<1x64x1xf32>) outs(%10 : tensor<1x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = math.rsqrt %in : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x1xf32>
    %17 = tensor.empty() : tensor<1x64x256xf32>
    %18 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %14 : tensor<1x64x256xf32>, tensor<1x64x1xf32>) outs(%17 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.subf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x256xf32>
    %19 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%18, %16 : tensor<1x64x256xf32>, tensor<1x64x1xf32>) outs(%17 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.mulf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x256xf32>
    %20 = linalg.generic {indexing_maps = [#map, #map2, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%19, %arg5 : tensor<1x64x256xf32>, tensor<256xf32>) outs(%17 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.mulf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x256xf32>
    %21 = linalg.generic {indexing_maps = [#map, #map2, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%20, %arg6 : tensor<1x64x256xf32>, tensor<256xf32>) outs(%17 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.addf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x256xf32>
    %collapsed = tensor.collapse_shape %21 [[0, 1], [2]] : tensor<1x64x256xf32> into tensor<64x256xf32>
    %22 = tensor.empty() : tensor<256x768xf32>
    %transposed = linalg.transpose ins(%arg1 : tensor<768x256xf32>) outs(%22 : tensor<256x768xf32>) permutation = [1, 0] 
    %23 = tensor.empty() : tensor<64x768xf32>
    %24 = linalg.fill ins(%cst_0 : f32) outs(%23 : tensor<64x768xf32>) -> tensor<64x768xf32>
    %25 = linalg.matmul ins(%collapsed, %transposed : tensor<64x256xf32>, tensor<256x768xf32>) outs(%24 : tensor<64x768xf32>) -> tensor<64x768xf32>
    %26 = linalg.generic {indexing_maps = [#map3, #map4, #map3], iterator_types = ["parallel", "parallel"]} ins(%25, %arg2 : tensor<64x768xf32>, tensor<768xf32>) outs(%23 : tensor<64x768xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.addf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<64x768xf32>
    %expanded = tensor.expand_shape %26 [[0, 1], [2, 3, 4]] output_shape [1, 64, 3, 4, 64] : tensor<64x768xf32> into tensor<1x64x3x4x64xf32>
    %27 = tensor.empty() : tensor<3x1x4x64x64xf32>
    %transposed_12 = linalg.transpose ins(%expanded : tensor<1x64x3x4x64xf32>) outs(%27 : tensor<3x1x4x64x64xf32>) permutation = [2, 0, 3, 1, 4] 
    %extracted_slice = tensor.extract_slice %transposed_12[0, 0, 0, 0, 0] [1, 1, 4, 64, 64] [1, 1, 1, 1, 1] : tensor<3x1x4x64x64xf32> to tensor<1x1x4x64x64xf32>
    %extracted_slice_13 = tensor.extract_slice %transposed_12[1, 0, 0, 0, 0] [1, 1, 4, 64, 64] [1, 1, 1, 1, 1] : tensor<3x1x4x64x64xf32> to tensor<1x1x4x64x64xf32>
    %collapsed_14 = tensor.collapse_shape %extracted_slice_13 [[0, 1], [2], [3], [4]] : tensor<1x1x4x64x64xf32> into tensor<1x4x64x64xf32>
    %extracted_slice_15 = tensor.extract_slice %transposed_12[2, 0, 0, 0, 0] [1, 1, 4, 64, 64] [1, 1, 1, 1, 1] : tensor<3x1x4x64x64xf32> to tensor<1x1x4x64x64xf32>
    %28 = tensor.empty() : tensor<1x4x64x64xf32>
    %transposed_16 = linalg.transpose ins(%collapsed_14 : tensor<1x4x64x64xf32>) outs(%28 : tensor<1x4x64x64xf32>) permutation = [0, 1, 3, 2] 
    %collapsed_17 = tensor.collapse_shape %extracted_slice [[0, 1, 2], [3], [4]] : tensor<1x1x4x64x64xf32> into tensor<4x64x64xf32>
    %collapsed_18 = tensor.collapse_shape %transposed_16 [[0, 1], [2], [3]] : tensor<1x4x64x64xf32> into tensor<4x64x64xf32>
    %29 = tensor.empty() : tensor<4x64x64xf32>
    %30 = linalg.fill ins(%cst_0 : f32) outs(%29 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    %31 = linalg.batch_matmul ins(%collapsed_17, %collapsed_18 : tensor<4x64x64xf32>, tensor<4x64x64xf32>) outs(%30 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    %expanded_19 = tensor.expand_shape %31 [[0, 1], [2], [3]] output_shape [1, 4, 64, 64] : tensor<4x64x64xf32> into tensor<1x4x64x64xf32>
    %32 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_19 : tensor<1x4x64x64xf32>) outs(%28 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = arith.divf %in, %cst_11 : f32
      linalg.yield %87 : f32
    } -> tensor<1x4x64x64xf32>
    %33 = tensor.empty() : tensor<64xi64>
    %34 = linalg.generic {indexing_maps = [#map6], iterator_types = ["parallel"]} outs(%33 : tensor<64xi64>) {
    ^bb0(%out: i64):
      %87 = linalg.index 0 : index
      %88 = arith.index_cast %87 : index to i64
      linalg.yield %88 : i64
    } -> tensor<64xi64>
    %expanded_20 = tensor.expand_shape %34 [[0, 1]] output_shape [1, 64] : tensor<64xi64> into tensor<1x64xi64>
    %expanded_21 = tensor.expand_shape %34 [[0, 1]] output_shape [64, 1] : tensor<64xi64> into tensor<64x1xi64>
    %35 = tensor.empty() : tensor<64x64xi64>
    %36 = linalg.generic {indexing_maps = [#map7, #map8, #map3], iterator_types = ["parallel", "parallel"]} ins(%expanded_20, %expanded_21 : tensor<1x64xi64>, tensor<64x1xi64>) outs(%35 : tensor<64x64xi64>) {
    ^bb0(%in: i64, %in_36: i64, %out: i64):
      %87 = arith.subi %in, %in_36 : i64
      linalg.yield %87 : i64
    } -> tensor<64x64xi64>
    %37 = tensor.empty() : tensor<64x64xi1>
    %38 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%36 : tensor<64x64xi64>) outs(%37 : tensor<64x64xi1>) {
    ^bb0(%in: i64, %out: i1):
      %87 = arith.cmpi sge, %in, %c1_i64 : i64
      linalg.yield %87 : i1
    } -> tensor<64x64xi1>
    %39 = linalg.generic {indexing_maps = [#map3, #map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%38, %cst_7 : tensor<64x64xi1>, tensor<64x64xi1>) outs(%37 : tensor<64x64xi1>) {
    ^bb0(%in: i1, %in_36: i1, %out: i1):
      %87 = arith.andi %in, %in_36 : i1
      linalg.yield %87 : i1
    } -> tensor<64x64xi1>
    %40 = linalg.generic {indexing_maps = [#map9, #map10, #map5, #map5], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%39, %cst_6, %32 : tensor<64x64xi1>, tensor<f32>, tensor<1x4x64x64xf32>) outs(%28 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: i1, %in_36: f32, %in_37: f32, %out: f32):
      %87 = arith.select %in, %in_36, %in_37 : f32
      linalg.yield %87 : f32
    } -> tensor<1x4x64x64xf32>
    %41 = tensor.empty() : tensor<1x4x64xi64>
    %42 = linalg.fill ins(%c0_i64 : i64) outs(%41 : tensor<1x4x64xi64>) -> tensor<1x4x64xi64>
    %43 = tensor.empty() : tensor<1x4x64xf32>
    %44 = linalg.fill ins(%cst_1 : f32) outs(%43 : tensor<1x4x64xf32>) -> tensor<1x4x64xf32>
    %45:2 = linalg.generic {indexing_maps = [#map5, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%40 : tensor<1x4x64x64xf32>) outs(%44, %42 : tensor<1x4x64xf32>, tensor<1x4x64xi64>) {
    ^bb0(%in: f32, %out: f32, %out_36: i64):
      %87 = linalg.index 3 : index
      %88 = arith.index_cast %87 : index to i64
      %89 = arith.maximumf %in, %out : f32
      %90 = arith.cmpf ogt, %in, %out : f32
      %91 = arith.select %90, %88, %out_36 : i64
      linalg.yield %89, %91 : f32, i64
    } -> (tensor<1x4x64xf32>, tensor<1x4x64xi64>)
    %expanded_22 = tensor.expand_shape %45#0 [[0], [1], [2, 3]] output_shape [1, 4, 64, 1] : tensor<1x4x64xf32> into tensor<1x4x64x1xf32>
    %46 = linalg.generic {indexing_maps = [#map5, #map12, #map5], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%40, %expanded_22 : tensor<1x4x64x64xf32>, tensor<1x4x64x1xf32>) outs(%28 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.subf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x4x64x64xf32>
    %47 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%46 : tensor<1x4x64x64xf32>) outs(%28 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = math.exp %in : f32
      linalg.yield %87 : f32
    } -> tensor<1x4x64x64xf32>
    %48 = tensor.empty() : tensor<1x4x64x1xf32>
    %49 = linalg.fill ins(%cst_0 : f32) outs(%48 : tensor<1x4x64x1xf32>) -> tensor<1x4x64x1xf32>
    %50 = linalg.generic {indexing_maps = [#map5, #map12], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%47 : tensor<1x4x64x64xf32>) outs(%49 : tensor<1x4x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = arith.addf %in, %out : f32
      linalg.yield %87 : f32
    } -> tensor<1x4x64x1xf32>
    %51 = linalg.generic {indexing_maps = [#map5, #map12, #map5], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%47, %50 : tensor<1x4x64x64xf32>, tensor<1x4x64x1xf32>) outs(%28 : tensor<1x4x64x64xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.divf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x4x64x64xf32>
    %collapsed_23 = tensor.collapse_shape %51 [[0, 1], [2], [3]] : tensor<1x4x64x64xf32> into tensor<4x64x64xf32>
    %collapsed_24 = tensor.collapse_shape %extracted_slice_15 [[0, 1, 2], [3], [4]] : tensor<1x1x4x64x64xf32> into tensor<4x64x64xf32>
    %52 = linalg.batch_matmul ins(%collapsed_23, %collapsed_24 : tensor<4x64x64xf32>, tensor<4x64x64xf32>) outs(%30 : tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
    %expanded_25 = tensor.expand_shape %52 [[0, 1], [2], [3]] output_shape [1, 4, 64, 64] : tensor<4x64x64xf32> into tensor<1x4x64x64xf32>
    %53 = tensor.empty() : tensor<1x64x4x64xf32>
    %transposed_26 = linalg.transpose ins(%expanded_25 : tensor<1x4x64x64xf32>) outs(%53 : tensor<1x64x4x64xf32>) permutation = [0, 2, 1, 3] 
    %collapsed_27 = tensor.collapse_shape %transposed_26 [[0, 1], [2, 3]] : tensor<1x64x4x64xf32> into tensor<64x256xf32>
    %54 = tensor.empty() : tensor<256x256xf32>
    %transposed_28 = linalg.transpose ins(%arg3 : tensor<256x256xf32>) outs(%54 : tensor<256x256xf32>) permutation = [1, 0] 
    %55 = tensor.empty() : tensor<64x256xf32>
    %56 = linalg.fill ins(%cst_0 : f32) outs(%55 : tensor<64x256xf32>) -> tensor<64x256xf32>
    %57 = linalg.matmul ins(%collapsed_27, %transposed_28 : tensor<64x256xf32>, tensor<256x256xf32>) outs(%56 : tensor<64x256xf32>) -> tensor<64x256xf32>
    %58 = linalg.generic {indexing_maps = [#map3, #map4, #map3], iterator_types = ["parallel", "parallel"]} ins(%57, %arg4 : tensor<64x256xf32>, tensor<256xf32>) outs(%55 : tensor<64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.addf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<64x256xf32>
    %expanded_29 = tensor.expand_shape %58 [[0, 1], [2]] output_shape [1, 64, 256] : tensor<64x256xf32> into tensor<1x64x256xf32>
    %59 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %expanded_29 : tensor<1x64x256xf32>, tensor<1x64x256xf32>) outs(%17 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.addf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x256xf32>
    %60 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%59 : tensor<1x64x256xf32>) outs(%0 : tensor<1x64x256xf64>) {
    ^bb0(%in: f32, %out: f64):
      %87 = arith.extf %in : f32 to f64
      linalg.yield %87 : f64
    } -> tensor<1x64x256xf64>
    %61 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%60 : tensor<1x64x256xf64>) outs(%3 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %87 = arith.addf %in, %out : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x1xf64>
    %62 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%61 : tensor<1x64x1xf64>) outs(%2 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %87 = arith.divf %in, %cst_9 : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x1xf64>
    %63 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%60, %62 : tensor<1x64x256xf64>, tensor<1x64x1xf64>) outs(%0 : tensor<1x64x256xf64>) {
    ^bb0(%in: f64, %in_36: f64, %out: f64):
      %87 = arith.subf %in, %in_36 : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x256xf64>
    %64 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%63, %63 : tensor<1x64x256xf64>, tensor<1x64x256xf64>) outs(%0 : tensor<1x64x256xf64>) {
    ^bb0(%in: f64, %in_36: f64, %out: f64):
      %87 = arith.mulf %in, %in_36 : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x256xf64>
    %65 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%64 : tensor<1x64x256xf64>) outs(%3 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %87 = arith.addf %in, %out : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x1xf64>
    %66 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%65 : tensor<1x64x1xf64>) outs(%2 : tensor<1x64x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %87 = arith.divf %in, %cst_9 : f64
      linalg.yield %87 : f64
    } -> tensor<1x64x1xf64>
    %67 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%66 : tensor<1x64x1xf64>) outs(%10 : tensor<1x64x1xf32>) {
    ^bb0(%in: f64, %out: f32):
      %87 = arith.truncf %in : f64 to f32
      linalg.yield %87 : f32
    } -> tensor<1x64x1xf32>
    %68 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%59 : tensor<1x64x256xf32>) outs(%12 : tensor<1x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = arith.addf %in, %out : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x1xf32>
    %69 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%68 : tensor<1x64x1xf32>) outs(%10 : tensor<1x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = arith.divf %in, %cst_10 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x1xf32>
    %70 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%67 : tensor<1x64x1xf32>) outs(%10 : tensor<1x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = arith.truncf %cst_8 : f64 to f32
      %88 = arith.addf %in, %87 : f32
      linalg.yield %88 : f32
    } -> tensor<1x64x1xf32>
    %71 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%70 : tensor<1x64x1xf32>) outs(%10 : tensor<1x64x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = math.rsqrt %in : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x1xf32>
    %72 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%59, %69 : tensor<1x64x256xf32>, tensor<1x64x1xf32>) outs(%17 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.subf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x256xf32>
    %73 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%72, %71 : tensor<1x64x256xf32>, tensor<1x64x1xf32>) outs(%17 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.mulf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x256xf32>
    %74 = linalg.generic {indexing_maps = [#map, #map2, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%73, %arg7 : tensor<1x64x256xf32>, tensor<256xf32>) outs(%17 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.mulf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x256xf32>
    %75 = linalg.generic {indexing_maps = [#map, #map2, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%74, %arg8 : tensor<1x64x256xf32>, tensor<256xf32>) outs(%17 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.addf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x256xf32>
    %collapsed_30 = tensor.collapse_shape %75 [[0, 1], [2]] : tensor<1x64x256xf32> into tensor<64x256xf32>
    %76 = tensor.empty() : tensor<256x1024xf32>
    %transposed_31 = linalg.transpose ins(%arg9 : tensor<1024x256xf32>) outs(%76 : tensor<256x1024xf32>) permutation = [1, 0] 
    %77 = tensor.empty() : tensor<64x1024xf32>
    %78 = linalg.fill ins(%cst_0 : f32) outs(%77 : tensor<64x1024xf32>) -> tensor<64x1024xf32>
    %79 = linalg.matmul ins(%collapsed_30, %transposed_31 : tensor<64x256xf32>, tensor<256x1024xf32>) outs(%78 : tensor<64x1024xf32>) -> tensor<64x1024xf32>
    %80 = linalg.generic {indexing_maps = [#map3, #map4, #map3], iterator_types = ["parallel", "parallel"]} ins(%79, %arg10 : tensor<64x1024xf32>, tensor<1024xf32>) outs(%77 : tensor<64x1024xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.addf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<64x1024xf32>
    %expanded_32 = tensor.expand_shape %80 [[0, 1], [2]] output_shape [1, 64, 1024] : tensor<64x1024xf32> into tensor<1x64x1024xf32>
    %81 = tensor.empty() : tensor<1x64x1024xf32>
    %82 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%expanded_32 : tensor<1x64x1024xf32>) outs(%81 : tensor<1x64x1024xf32>) {
    ^bb0(%in: f32, %out: f32):
      %87 = math.fpowi %in, %c3_i64 : f32, i64
      %88 = arith.mulf %87, %cst_2 : f32
      %89 = arith.addf %in, %88 : f32
      %90 = arith.mulf %89, %cst_3 : f32
      %91 = math.tanh %90 : f32
      %92 = arith.addf %91, %cst_4 : f32
      %93 = arith.mulf %92, %cst_5 : f32
      %94 = arith.mulf %in, %93 : f32
      linalg.yield %94 : f32
    } -> tensor<1x64x1024xf32>
    %collapsed_33 = tensor.collapse_shape %82 [[0, 1], [2]] : tensor<1x64x1024xf32> into tensor<64x1024xf32>
    %83 = tensor.empty() : tensor<1024x256xf32>
    %transposed_34 = linalg.transpose ins(%arg11 : tensor<256x1024xf32>) outs(%83 : tensor<1024x256xf32>) permutation = [1, 0] 
    %84 = linalg.matmul ins(%collapsed_33, %transposed_34 : tensor<64x1024xf32>, tensor<1024x256xf32>) outs(%56 : tensor<64x256xf32>) -> tensor<64x256xf32>
    %85 = linalg.generic {indexing_maps = [#map3, #map4, #map3], iterator_types = ["parallel", "parallel"]} ins(%84, %arg12 : tensor<64x256xf32>, tensor<256xf32>) outs(%55 : tensor<64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.addf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<64x256xf32>
    %expanded_35 = tensor.expand_shape %85 [[0, 1], [2]] output_shape [1, 64, 256] : tensor<64x256xf32> into tensor<1x64x256xf32>
    %86 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%59, %expanded_35 : tensor<1x64x256xf32>, tensor<1x64x256xf32>) outs(%17 : tensor<1x64x256xf32>) {
    ^bb0(%in: f32, %in_36: f32, %out: f32):
      %87 = arith.addf %in, %in_36 : f32
      linalg.yield %87 : f32
    } -> tensor<1x64x256xf32>
    return %86 : tensor<1x64x256xf32>
  }
}
