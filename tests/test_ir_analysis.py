"""Tests for rl_autoschedular.ir.analysis on tiny inline modules."""

import pytest
from conftest import MATMUL

from rl_autoschedular.ir.analysis import IRError, analyze, tag_ops

CONV_STRIDE2 = """
func.func @main(%x: tensor<1x3x9x9xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4x4xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
    ins(%x, %w : tensor<1x3x9x9xf32>, tensor<4x3x3x3xf32>) outs(%f : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %r : tensor<1x4x4x4xf32>
}
"""

ADD_RELU = """
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @main(%a: tensor<8x32xf32>, %b: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x32xf32>
  %sum = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : tensor<8x32xf32>, tensor<8x32xf32>) outs(%e : tensor<8x32xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<8x32xf32>
  %relu = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%sum : tensor<8x32xf32>) outs(%e : tensor<8x32xf32>) {
  ^bb0(%x: f32, %o: f32):
    %c = arith.cmpf ugt, %x, %zero : f32
    %m = arith.select %c, %x, %zero : f32
    linalg.yield %m : f32
  } -> tensor<8x32xf32>
  return %relu : tensor<8x32xf32>
}
"""

# relu -> tensor.pad -> max pooling (stride 2): the edge relu -> pool goes through the pad.
RELU_PAD_POOL = """
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @main(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant -3.40282347E+38 : f32
  %e0 = tensor.empty() : tensor<1x2x6x6xf32>
  %relu = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x2x6x6xf32>) outs(%e0 : tensor<1x2x6x6xf32>) {
  ^bb0(%in: f32, %o: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x2x6x6xf32>
  %p = tensor.pad %relu low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %ninf : f32
  } : tensor<1x2x6x6xf32> to tensor<1x2x8x8xf32>
  %e = tensor.empty() : tensor<1x2x3x3xf32>
  %f = linalg.fill ins(%ninf : f32) outs(%e : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %k = tensor.empty() : tensor<3x3xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
    ins(%p, %k : tensor<1x2x8x8xf32>, tensor<3x3xf32>) outs(%f : tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  return %r : tensor<1x2x3x3xf32>
}
"""


def by_tag(text):
    return {info.tag: info for info in analyze(text)}


def test_matmul_loops_accesses_and_counts():
    ops = by_tag(MATMUL)
    assert [(t, i.name) for t, i in ops.items()] == [("op_0", "linalg.fill"), ("op_1", "linalg.matmul")]
    mm = ops["op_1"]
    assert [(l.bound, l.kind) for l in mm.loops] == [(16, "parallel"), (8, "parallel"), (4, "reduction")]
    assert [(a.operand, a.role, a.matrix) for a in mm.accesses] == [
        (0, "load", [[1, 0, 0, 0], [0, 0, 1, 0]]),
        (1, "load", [[0, 0, 1, 0], [0, 1, 0, 0]]),
        (2, "store", [[1, 0, 0, 0], [0, 1, 0, 0]]),
    ]
    assert mm.arith_counts == {"arith.mulf": 1, "arith.addf": 1}
    assert mm.dtype == "f32"
    assert mm.operand_shapes == [[16, 4], [4, 8], [16, 8]]


def test_fill_is_producer_of_the_op_it_initialises():
    ops = by_tag(MATMUL)
    fill, mm = ops["op_0"], ops["op_1"]
    assert [(l.bound, l.kind) for l in fill.loops] == [(16, "parallel"), (8, "parallel")]
    assert fill.accesses[0].matrix == []  # the scalar fill value
    assert fill.arith_counts == {}
    assert (fill.producers, fill.consumers) == ([], ["op_1"])
    assert (mm.producers, mm.consumers) == (["op_0"], [])


def test_conv_stride_shows_in_access_matrix():
    conv = by_tag(CONV_STRIDE2)["op_1"]
    assert conv.name == "linalg.conv_2d_nchw_fchw"
    # loops: n, f, oh, ow parallel; c, kh, kw reduction
    assert [(l.bound, l.kind) for l in conv.loops] == [
        (1, "parallel"), (4, "parallel"), (4, "parallel"), (4, "parallel"),
        (3, "reduction"), (3, "reduction"), (3, "reduction"),
    ]
    image = conv.accesses[0].matrix
    assert image[2] == [0, 0, 2, 0, 0, 1, 0, 0]  # input row = 2*oh + kh
    assert image[3] == [0, 0, 0, 2, 0, 0, 1, 0]  # input col = 2*ow + kw
    assert conv.producers == ["op_0"]


def test_generic_chain_counts_and_edges():
    ops = by_tag(ADD_RELU)
    add, relu = ops["op_0"], ops["op_1"]
    assert add.arith_counts == {"arith.addf": 1}
    assert relu.arith_counts == {"arith.cmpf": 1, "arith.select": 1}
    assert [a.role for a in add.accesses] == ["load", "load", "store"]
    assert add.consumers == ["op_1"] and relu.producers == ["op_0"]


def test_edges_go_through_tensor_pad():
    ops = by_tag(RELU_PAD_POOL)
    assert [i.name for i in ops.values()] == ["linalg.generic", "linalg.fill", "linalg.pooling_nchw_max"]
    pool = ops["op_2"]
    assert pool.producers == ["op_0", "op_1"]  # relu through the pad, then the init fill
    assert ops["op_0"].consumers == ["op_2"] and ops["op_1"].consumers == ["op_2"]
    assert pool.arith_counts == {"arith.maximumf": 1}
    assert [l.kind for l in pool.loops] == ["parallel"] * 4 + ["reduction"] * 2
    assert [l.bound for l in pool.loops] == [1, 2, 3, 3, 3, 3]
    assert pool.accesses[0].matrix[2] == [0, 0, 2, 0, 1, 0, 0]


def test_tagging_is_deterministic_and_idempotent():
    once = tag_ops(MATMUL)
    assert once == tag_ops(MATMUL)
    assert tag_ops(once) == once
    assert 'linalg.fill {tag = "op_0"}' in once and 'linalg.matmul {tag = "op_1"}' in once
    assert once.count("tag =") == 2  # not the linalg.yield in bodies


def test_existing_tags_are_kept_without_collision():
    text = MATMUL.replace("linalg.matmul ins", 'linalg.matmul {tag = "op_0"} ins')
    tagged = tag_ops(text)
    assert 'linalg.matmul {tag = "op_0"}' in tagged
    assert 'linalg.fill {tag = "op_1"}' in tagged
    assert [i.tag for i in analyze(text)] == ["op_1", "op_0"]
    assert by_tag(text)["op_0"].producers == ["op_1"]


def test_to_json_keys():
    data = analyze(MATMUL)[1].to_json()
    assert {"tag", "name", "loops", "accesses", "arith_counts", "producers", "consumers"} <= set(data)
    assert data["loops"][2] == {"bound": 4, "kind": "reduction"}
    assert data["accesses"][0] == {"operand": 0, "role": "load", "matrix": [[1, 0, 0, 0], [0, 0, 1, 0]]}


def test_non_linear_index_is_rejected():
    text = """
    #m = affine_map<(d0) -> (d0 mod 4)>
    #id = affine_map<(d0) -> (d0)>
    func.func @main(%a: tensor<4xf32>) -> tensor<8xf32> {
      %e = tensor.empty() : tensor<8xf32>
      %r = linalg.generic {indexing_maps = [#m, #id], iterator_types = ["parallel"]}
          ins(%a : tensor<4xf32>) outs(%e : tensor<8xf32>) {
      ^bb0(%x: f32, %o: f32):
        linalg.yield %x : f32
      } -> tensor<8xf32>
      return %r : tensor<8xf32>
    }
    """
    with pytest.raises(IRError, match="non-linear"):
        analyze(text)


def test_parse_error_is_one_line_with_position():
    with pytest.raises(IRError) as err:
        tag_ops("func.func @main() {\n  %0 = linalg.matmull\n}")
    assert str(err.value) == "line 2:8: custom op 'linalg.matmull' is unknown"
