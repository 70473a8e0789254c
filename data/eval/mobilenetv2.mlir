#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> ()>
#map2 = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
#map3 = affine_map<(d0, d1) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @main(%arg0: tensor<1x3x112x112xf32>, %arg1: tensor<32x3x3x3xf32>, %arg2: tensor<32xf32>, %arg3: tensor<32x32x1x1xf32>, %arg4: tensor<32xf32>, %arg5: tensor<32x1x3x3xf32>, %arg6: tensor<32xf32>, %arg7: tensor<16x32x1x1xf32>, %arg8: tensor<16xf32>, %arg9: tensor<96x16x1x1xf32>, %arg10: tensor<96xf32>, %arg11: tensor<96x1x3x3xf32>, %arg12: tensor<96xf32>, %arg13: tensor<24x96x1x1xf32>, %arg14: tensor<24xf32>, %arg15: tensor<144x24x1x1xf32>, %arg16: tensor<144xf32>, %arg17: tensor<144x1x3x3xf32>, %arg18: tensor<144xf32>, %arg19: tensor<24x144x1x1xf32>, %arg20: tensor<24xf32>, %arg21: tensor<144x24x1x1xf32>, %arg22: tensor<144xf32>, %arg23: tensor<144x1x3x3xf32>, %arg24: tensor<144xf32>, %arg25: tensor<32x144x1x1xf32>, %arg26: tensor<32xf32>, %arg27: tensor<192x32x1x1xf32>, %arg28: tensor<192xf32>, %arg29: tensor<192x1x3x3xf32>, %arg30: tensor<192xf32>, %arg31: tensor<32x192x1x1xf32>, %arg32: tensor<32xf32>, %arg33: tensor<192x32x1x1xf32>, %arg34: tensor<192xf32>, %arg35: tensor<192x1x3x3xf32>, %arg36: tensor<192xf32>, %arg37: tensor<64x192x1x1xf32>, %arg38: tensor<64xf32>, %arg39: tensor<100x64xf32>, %arg40: tensor<100xf32>) -> tensor<1x100xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<6.000000e+00> : tensor<f32>
    %cst_1 = arith.constant dense<0.000000e+00> : tensor<f32>
    %cst_2 = arith.constant 4.900000e+01 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg41: index, %arg42: index, %arg43: index, %arg44: index):
      tensor.yield %cst : f32
    } : tensor<1x3x112x112xf32> to tensor<1x3x114x114xf32>
    %0 = tensor.empty() : tensor<1x32x56x56xf32>
    %broadcasted = linalg.broadcast ins(%arg2 : tensor<32xf32>) outs(%0 : tensor<1x32x56x56xf32>) dimensions = [0, 2, 3] 
    %1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %arg1 : tensor<1x3x114x114xf32>, tensor<32x3x3x3xf32>) outs(%broadcasted : tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1, %cst_1 : tensor<1x32x56x56xf32>, tensor<f32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x32x56x56xf32>
    %3 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %2 : tensor<f32>, tensor<1x32x56x56xf32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x32x56x56xf32>
    %broadcasted_3 = linalg.broadcast ins(%arg4 : tensor<32xf32>) outs(%0 : tensor<1x32x56x56xf32>) dimensions = [0, 2, 3] 
    %4 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%3, %arg3 : tensor<1x32x56x56xf32>, tensor<32x32x1x1xf32>) outs(%broadcasted_3 : tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4, %cst_1 : tensor<1x32x56x56xf32>, tensor<f32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x32x56x56xf32>
    %6 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %5 : tensor<f32>, tensor<1x32x56x56xf32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x32x56x56xf32>
    %padded_4 = tensor.pad %6 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg41: index, %arg42: index, %arg43: index, %arg44: index):
      tensor.yield %cst : f32
    } : tensor<1x32x56x56xf32> to tensor<1x32x58x58xf32>
    %broadcasted_5 = linalg.broadcast ins(%arg6 : tensor<32xf32>) outs(%0 : tensor<1x32x56x56xf32>) dimensions = [0, 2, 3] 
    %collapsed = tensor.collapse_shape %arg5 [[0, 1], [2], [3]] : tensor<32x1x3x3xf32> into tensor<32x3x3xf32>
    %7 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_4, %collapsed : tensor<1x32x58x58xf32>, tensor<32x3x3xf32>) outs(%broadcasted_5 : tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%7, %cst_1 : tensor<1x32x56x56xf32>, tensor<f32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x32x56x56xf32>
    %9 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %8 : tensor<f32>, tensor<1x32x56x56xf32>) outs(%0 : tensor<1x32x56x56xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x32x56x56xf32>
    %10 = tensor.empty() : tensor<1x16x56x56xf32>
    %broadcasted_6 = linalg.broadcast ins(%arg8 : tensor<16xf32>) outs(%10 : tensor<1x16x56x56xf32>) dimensions = [0, 2, 3] 
    %11 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%9, %arg7 : tensor<1x32x56x56xf32>, tensor<16x32x1x1xf32>) outs(%broadcasted_6 : tensor<1x16x56x56xf32>) -> tensor<1x16x56x56xf32>
    %12 = tensor.empty() : tensor<1x96x56x56xf32>
    %broadcasted_7 = linalg.broadcast ins(%arg10 : tensor<96xf32>) outs(%12 : tensor<1x96x56x56xf32>) dimensions = [0, 2, 3] 
    %13 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%11, %arg9 : tensor<1x16x56x56xf32>, tensor<96x16x1x1xf32>) outs(%broadcasted_7 : tensor<1x96x56x56xf32>) -> tensor<1x96x56x56xf32>
    %14 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%13, %cst_1 : tensor<1x96x56x56xf32>, tensor<f32>) outs(%12 : tensor<1x96x56x56xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x96x56x56xf32>
    %15 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %14 : tensor<f32>, tensor<1x96x56x56xf32>) outs(%12 : tensor<1x96x56x56xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x96x56x56xf32>
    %padded_8 = tensor.pad %15 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg41: index, %arg42: index, %arg43: index, %arg44: index):
      tensor.yield %cst : f32
    } : tensor<1x96x56x56xf32> to tensor<1x96x58x58xf32>
    %16 = tensor.empty() : tensor<1x96x28x28xf32>
    %broadcasted_9 = linalg.broadcast ins(%arg12 : tensor<96xf32>) outs(%16 : tensor<1x96x28x28xf32>) dimensions = [0, 2, 3] 
    %collapsed_10 = tensor.collapse_shape %arg11 [[0, 1], [2], [3]] : tensor<96x1x3x3xf32> into tensor<96x3x3xf32>
    %17 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_8, %collapsed_10 : tensor<1x96x58x58xf32>, tensor<96x3x3xf32>) outs(%broadcasted_9 : tensor<1x96x28x28xf32>) -> tensor<1x96x28x28xf32>
    %18 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%17, %cst_1 : tensor<1x96x28x28xf32>, tensor<f32>) outs(%16 : tensor<1x96x28x28xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x96x28x28xf32>
    %19 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %18 : tensor<f32>, tensor<1x96x28x28xf32>) outs(%16 : tensor<1x96x28x28xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x96x28x28xf32>
    %20 = tensor.empty() : tensor<1x24x28x28xf32>
    %broadcasted_11 = linalg.broadcast ins(%arg14 : tensor<24xf32>) outs(%20 : tensor<1x24x28x28xf32>) dimensions = [0, 2, 3] 
    %21 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%19, %arg13 : tensor<1x96x28x28xf32>, tensor<24x96x1x1xf32>) outs(%broadcasted_11 : tensor<1x24x28x28xf32>) -> tensor<1x24x28x28xf32>
    %22 = tensor.empty() : tensor<1x144x28x28xf32>
    %broadcasted_12 = linalg.broadcast ins(%arg16 : tensor<144xf32>) outs(%22 : tensor<1x144x28x28xf32>) dimensions = [0, 2, 3] 
    %23 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%21, %arg15 : tensor<1x24x28x28xf32>, tensor<144x24x1x1xf32>) outs(%broadcasted_12 : tensor<1x144x28x28xf32>) -> tensor<1x144x28x28xf32>
    %24 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%23, %cst_1 : tensor<1x144x28x28xf32>, tensor<f32>) outs(%22 : tensor<1x144x28x28xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x144x28x28xf32>
    %25 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %24 : tensor<f32>, tensor<1x144x28x28xf32>) outs(%22 : tensor<1x144x28x28xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x144x28x28xf32>
    %padded_13 = tensor.pad %25 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg41: index, %arg42: index, %arg43: index, %arg44: index):
      tensor.yield %cst : f32
    } : tensor<1x144x28x28xf32> to tensor<1x144x30x30xf32>
    %broadcasted_14 = linalg.broadcast ins(%arg18 : tensor<144xf32>) outs(%22 : tensor<1x144x28x28xf32>) dimensions = [0, 2, 3] 
    %collapsed_15 = tensor.collapse_shape %arg17 [[0, 1], [2], [3]] : tensor<144x1x3x3xf32> into tensor<144x3x3xf32>
    %26 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_13, %collapsed_15 : tensor<1x144x30x30xf32>, tensor<144x3x3xf32>) outs(%broadcasted_14 : tensor<1x144x28x28xf32>) -> tensor<1x144x28x28xf32>
    %27 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%26, %cst_1 : tensor<1x144x28x28xf32>, tensor<f32>) outs(%22 : tensor<1x144x28x28xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x144x28x28xf32>
    %28 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %27 : tensor<f32>, tensor<1x144x28x28xf32>) outs(%22 : tensor<1x144x28x28xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x144x28x28xf32>
    %broadcasted_16 = linalg.broadcast ins(%arg20 : tensor<24xf32>) outs(%20 : tensor<1x24x28x28xf32>) dimensions = [0, 2, 3] 
    %29 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%28, %arg19 : tensor<1x144x28x28xf32>, tensor<24x144x1x1xf32>) outs(%broadcasted_16 : tensor<1x24x28x28xf32>) -> tensor<1x24x28x28xf32>
    %30 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%21, %29 : tensor<1x24x28x28xf32>, tensor<1x24x28x28xf32>) outs(%20 : tensor<1x24x28x28xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.addf %in, %in_32 : f32
      linalg.yield %67 : f32
    } -> tensor<1x24x28x28xf32>
    %broadcasted_17 = linalg.broadcast ins(%arg22 : tensor<144xf32>) outs(%22 : tensor<1x144x28x28xf32>) dimensions = [0, 2, 3] 
    %31 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%30, %arg21 : tensor<1x24x28x28xf32>, tensor<144x24x1x1xf32>) outs(%broadcasted_17 : tensor<1x144x28x28xf32>) -> tensor<1x144x28x28xf32>
    %32 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%31, %cst_1 : tensor<1x144x28x28xf32>, tensor<f32>) outs(%22 : tensor<1x144x28x28xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x144x28x28xf32>
    %33 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %32 : tensor<f32>, tensor<1x144x28x28xf32>) outs(%22 : tensor<1x144x28x28xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x144x28x28xf32>
    %padded_18 = tensor.pad %33 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg41: index, %arg42: index, %arg43: index, %arg44: index):
      tensor.yield %cst : f32
    } : tensor<1x144x28x28xf32> to tensor<1x144x30x30xf32>
    %34 = tensor.empty() : tensor<1x144x14x14xf32>
    %broadcasted_19 = linalg.broadcast ins(%arg24 : tensor<144xf32>) outs(%34 : tensor<1x144x14x14xf32>) dimensions = [0, 2, 3] 
    %collapsed_20 = tensor.collapse_shape %arg23 [[0, 1], [2], [3]] : tensor<144x1x3x3xf32> into tensor<144x3x3xf32>
    %35 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_18, %collapsed_20 : tensor<1x144x30x30xf32>, tensor<144x3x3xf32>) outs(%broadcasted_19 : tensor<1x144x14x14xf32>) -> tensor<1x144x14x14xf32>
    %36 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%35, %cst_1 : tensor<1x144x14x14xf32>, tensor<f32>) outs(%34 : tensor<1x144x14x14xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x144x14x14xf32>
    %37 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %36 : tensor<f32>, tensor<1x144x14x14xf32>) outs(%34 : tensor<1x144x14x14xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x144x14x14xf32>
    %38 = tensor.empty() : tensor<1x32x14x14xf32>
    %broadcasted_21 = linalg.broadcast ins(%arg26 : tensor<32xf32>) outs(%38 : tensor<1x32x14x14xf32>) dimensions = [0, 2, 3] 
    %39 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%37, %arg25 : tensor<1x144x14x14xf32>, tensor<32x144x1x1xf32>) outs(%broadcasted_21 : tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32>
    %40 = tensor.empty() : tensor<1x192x14x14xf32>
    %broadcasted_22 = linalg.broadcast ins(%arg28 : tensor<192xf32>) outs(%40 : tensor<1x192x14x14xf32>) dimensions = [0, 2, 3] 
    %41 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%39, %arg27 : tensor<1x32x14x14xf32>, tensor<192x32x1x1xf32>) outs(%broadcasted_22 : tensor<1x192x14x14xf32>) -> tensor<1x192x14x14xf32>
    %42 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%41, %cst_1 : tensor<1x192x14x14xf32>, tensor<f32>) outs(%40 : tensor<1x192x14x14xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x192x14x14xf32>
    %43 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %42 : tensor<f32>, tensor<1x192x14x14xf32>) outs(%40 : tensor<1x192x14x14xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x192x14x14xf32>
    %padded_23 = tensor.pad %43 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg41: index, %arg42: index, %arg43: index, %arg44: index):
      tensor.yield %cst : f32
    } : tensor<1x192x14x14xf32> to tensor<1x192x16x16xf32>
    %broadcasted_24 = linalg.broadcast ins(%arg30 : tensor<192xf32>) outs(%40 : tensor<1x192x14x14xf32>) dimensions = [0, 2, 3] 
    %collapsed_25 = tensor.collapse_shape %arg29 [[0, 1], [2], [3]] : tensor<192x1x3x3xf32> into tensor<192x3x3xf32>
    %44 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded_23, %collapsed_25 : tensor<1x192x16x16xf32>, tensor<192x3x3xf32>) outs(%broadcasted_24 : tensor<1x192x14x14xf32>) -> tensor<1x192x14x14xf32>
    %45 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%44, %cst_1 : tensor<1x192x14x14xf32>, tensor<f32>) outs(%40 : tensor<1x192x14x14xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x192x14x14xf32>
    %46 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %45 : tensor<f32>, tensor<1x192x14x14xf32>) outs(%40 : tensor<1x192x14x14xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x192x14x14xf32>
    %broadcasted_26 = linalg.broadcast ins(%arg32 : tensor<32xf32>) outs(%38 : tensor<1x32x14x14xf32>) dimensions = [0, 2, 3] 
    %47 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%46, %arg31 : tensor<1x192x14x14xf32>, tensor<32x192x1x1xf32>) outs(%broadcasted_26 : tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32>
    %48 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%39, %47 : tensor<1x32x14x14xf32>, tensor<1x32x14x14xf32>) outs(%38 : tensor<1x32x14x14xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.addf %in, %in_32 : f32
      linalg.yield %67 : f32
    } -> tensor<1x32x14x14xf32>
    %broadcasted_27 = linalg.broadcast ins(%arg34 : tensor<192xf32>) outs(%40 : tensor<1x192x14x14xf32>) dimensions = [0, 2, 3] 
    %49 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%48, %arg33 : tensor<1x32x14x14xf32>, tensor<192x32x1x1xf32>) outs(%broadcasted_27 : tensor<1x192x14x14xf32>) -> tensor<1x192x14x14xf32>
    %50 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%49, %cst_1 : tensor<1x192x14x14xf32>, tensor<f32>) outs(%40 : tensor<1x192x14x14xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x192x14x14xf32>
    %51 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %50 : tensor<f32>, tensor<1x192x14x14xf32>) outs(%40 : tensor<1x192x14x14xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x192x14x14xf32>
    %padded_28 = tensor.pad %51 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg41: index, %arg42: index, %arg43: index, %arg44: index):
      tensor.yield %cst : f32
    } : tensor<1x192x14x14xf32> to tensor<1x192x16x16xf32>
    %52 = tensor.empty() : tensor<1x192x7x7xf32>
    %broadcasted_29 = linalg.broadcast ins(%arg36 : tensor<192xf32>) outs(%52 : tensor<1x192x7x7xf32>) dimensions = [0, 2, 3] 
    %collapsed_30 = tensor.collapse_shape %arg35 [[0, 1], [2], [3]] : tensor<192x1x3x3xf32> into tensor<192x3x3xf32>
    %53 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded_28, %collapsed_30 : tensor<1x192x16x16xf32>, tensor<192x3x3xf32>) outs(%broadcasted_29 : tensor<1x192x7x7xf32>) -> tensor<1x192x7x7xf32>
    %54 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%53, %cst_1 : tensor<1x192x7x7xf32>, tensor<f32>) outs(%52 : tensor<1x192x7x7xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf ogt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x192x7x7xf32>
    %55 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cst_0, %54 : tensor<f32>, tensor<1x192x7x7xf32>) outs(%52 : tensor<1x192x7x7xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.cmpf olt, %in, %in_32 : f32
      %68 = arith.select %67, %in, %in_32 : f32
      linalg.yield %68 : f32
    } -> tensor<1x192x7x7xf32>
    %56 = tensor.empty() : tensor<1x64x7x7xf32>
    %broadcasted_31 = linalg.broadcast ins(%arg38 : tensor<64xf32>) outs(%56 : tensor<1x64x7x7xf32>) dimensions = [0, 2, 3] 
    %57 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%55, %arg37 : tensor<1x192x7x7xf32>, tensor<64x192x1x1xf32>) outs(%broadcasted_31 : tensor<1x64x7x7xf32>) -> tensor<1x64x7x7xf32>
    %58 = tensor.empty() : tensor<1x64xf32>
    %59 = linalg.fill ins(%cst : f32) outs(%58 : tensor<1x64xf32>) -> tensor<1x64xf32>
    %60 = linalg.generic {indexing_maps = [#map, #map2], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%57 : tensor<1x64x7x7xf32>) outs(%59 : tensor<1x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %67 = arith.addf %in, %out : f32
      linalg.yield %67 : f32
    } -> tensor<1x64xf32>
    %61 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%60 : tensor<1x64xf32>) outs(%58 : tensor<1x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %67 = arith.divf %in, %cst_2 : f32
      linalg.yield %67 : f32
    } -> tensor<1x64xf32>
    %62 = tensor.empty() : tensor<64x100xf32>
    %transposed = linalg.transpose ins(%arg39 : tensor<100x64xf32>) outs(%62 : tensor<64x100xf32>) permutation = [1, 0] 
    %63 = tensor.empty() : tensor<1x100xf32>
    %64 = linalg.fill ins(%cst : f32) outs(%63 : tensor<1x100xf32>) -> tensor<1x100xf32>
    %65 = linalg.matmul ins(%61, %transposed : tensor<1x64xf32>, tensor<64x100xf32>) outs(%64 : tensor<1x100xf32>) -> tensor<1x100xf32>
    %66 = linalg.generic {indexing_maps = [#map3, #map4, #map3], iterator_types = ["parallel", "parallel"]} ins(%65, %arg40 : tensor<1x100xf32>, tensor<100xf32>) outs(%63 : tensor<1x100xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %67 = arith.addf %in, %in_32 : f32
      linalg.yield %67 : f32
    } -> tensor<1x100xf32>
    return %66 : tensor<1x100xf32>
  }
}
