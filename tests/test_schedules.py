"""Hand-written schedules (two-level tiling + vectorization) on real benchmarks: verified outputs, and the same
script replayed by stock mlir-opt gives identical IR."""

from __future__ import annotations

import pytest
from conftest import DATA, mlir_opt_replay

from rl_autoschedular.execution.measure import Measurer, op_facts
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule, build_script
from rl_autoschedular.ir.benchmarks import load_benchmark

MATMUL = (DATA / "matmul_128x768x768.mlir", "linalg.matmul",
          (Action("tile", (64, 128, 0)), Action("tile", (8, 32, 1)), Action("vectorize")))
CONV = (DATA / "conv2d_nhwc_128x28x28_k3.mlir", "linalg.conv_2d_nhwc_hwcf",
        (Action("tile", (1, 1, 28, 64, 0, 0, 0)), Action("tile", (1, 1, 7, 32, 1, 1, 1)), Action("vectorize")))


def _schedule(bench, op_name, actions) -> Schedule:
    tag = next(f.tag for f in op_facts(bench.text).values() if f.name == op_name)
    return Schedule((OpSchedule(tag, actions),))


@pytest.mark.parametrize("path,op_name,actions", [MATMUL, CONV], ids=["matmul", "conv2d_nhwc"])
def test_hand_schedule_is_verified_and_faster(tmp_path, fast_config, path, op_name, actions):
    bench = load_benchmark(path)
    with Measurer(tmp_path, fast_config) as m:
        result = m.measure(bench, _schedule(bench, op_name, actions))
    assert result.status == "ok", result.message
    assert result.verified
    # Vectorized register tiles beat the naive loops by far more than timing noise.
    assert result.speedup > 5
    assert result.threads == 1 and result.runs >= 3


@pytest.mark.parametrize("path,op_name,actions", [MATMUL, CONV], ids=["matmul", "conv2d_nhwc"])
def test_mlir_opt_replay_gives_identical_ir(tmp_path, path, op_name, actions):
    bench = load_benchmark(path)
    script = build_script(_schedule(bench, op_name, actions), op_facts(bench.text))
    replay, in_process = mlir_opt_replay(tmp_path, bench.text, script)
    assert "vector.fma" in in_process or "vector.outerproduct" in in_process or "vector.contract" in in_process
    assert replay == in_process


def test_bad_schedule_is_a_transform_error(tmp_path, fast_config):
    bench = load_benchmark(MATMUL[0])
    # Tile sizes for the wrong number of loops cannot be built.
    bad = _schedule(bench, "linalg.matmul", (Action("tile", (8, 8)),))
    with Measurer(tmp_path, fast_config) as m:
        result = m.measure(bench, bad)
    assert result.status == "transform_error"
    assert "2 tile sizes for 3 loops" in result.message


def test_pad_copy_lowers_to_loops_not_the_runtime_copy():
    """The copy of an input into its padded buffer is a strided copy: as `memrefCopy` it ran element by element
    through descriptors (0.8 ms for a 64x56x56 input); the lowering makes it loops that LLVM vectorizes."""
    from mlir import ir

    from rl_autoschedular.execution.lowering import lower_to_llvm

    bench = load_benchmark(DATA / "conv2d_nchw_64x56x56_k3.mlir")
    module = ir.Module.parse(bench.text, ir.Context())
    lower_to_llvm(module)
    assert "memrefCopy" not in str(module)


def test_vectorized_tile_loop_does_not_grow_the_stack(tmp_path, fast_config):
    """A relu on 256x2048 f64 tiled 64x16 and vectorized: the lowering once gave each 2-D transfer a 16 KiB stack
    temporary inside the tile loop, 512 iterations overflowed the 8 MiB stack and the worker died (SIGSEGV)."""
    text = (DATA / "relu_128x3072.mlir").read_text().replace("128x3072", "256x2048").replace("f32", "f64")
    (tmp_path / "relu_256x2048_f64.mlir").write_text(text)
    bench = load_benchmark(tmp_path / "relu_256x2048_f64.mlir")
    schedule = _schedule(bench, "linalg.generic", (Action("tile", (64, 16)), Action("vectorize")))
    with Measurer(tmp_path / "cache", fast_config) as m:
        result = m.measure(bench, schedule)
    assert result.status == "ok", result.message
    assert result.verified and result.attempts == 1


def test_interchanged_vectorized_elementwise_op_compiles(tmp_path, fast_config):
    """Tiles of one row of an add, interchanged, then vectorized: the vector lowering once turned their unit-dim
    transposes into shape casts and back forever (a masked-legal schedule whose compile never ended)."""
    bench = load_benchmark(DATA / "add_256x1024.mlir")
    actions = (Action("tile_parallel", (1, 64)), Action("interchange", perm=(1, 0)), Action("vectorize"))
    schedule = _schedule(bench, "linalg.generic", actions)
    with Measurer(tmp_path, fast_config) as m:
        result = m.measure(bench, schedule)
    assert result.status == "ok", result.message
    assert result.verified and result.attempts == 1


def test_flattened_small_spatial_add_is_verified(tmp_path, fast_config):
    """An add over 8x16x7x7: the 7x7 dims have no power-of-two tile, so the op is flattened to one loop of 6272,
    tiled by 64 and vectorized; the result is expanded back to NCHW."""
    text = (DATA / "add_1x64x56x56.mlir").read_text().replace("1x64x56x56", "8x16x7x7")
    (tmp_path / "add_8x16x7x7.mlir").write_text(text)
    bench = load_benchmark(tmp_path / "add_8x16x7x7.mlir")
    schedule = _schedule(bench, "linalg.generic", (Action("flatten"), Action("tile", (64,)), Action("vectorize")))
    script = build_script(schedule, op_facts(bench.text))
    assert "flatten_elementwise" in script
    with Measurer(tmp_path / "cache", fast_config) as m:
        result = m.measure(bench, schedule)
    assert result.status == "ok", result.message
    assert result.verified


# Attention's head split as torch-mlir emits it (bert_block_block20 at 64 tokens): a bias add, an expand to
# (batch, tokens, q/k/v, heads, head dim) and a rank-5 transpose to (q/k/v, batch, heads, tokens, head dim).
_HEAD_SPLIT = """
#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
func.func @main(%x: tensor<16x192xf32>, %b: tensor<192xf32>) -> tensor<3x1x4x16x16xf32> {
  %e = tensor.empty() : tensor<16x192xf32>
  %add = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]}
      ins(%x, %b : tensor<16x192xf32>, tensor<192xf32>) outs(%e : tensor<16x192xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %s = arith.addf %in, %in_0 : f32
    linalg.yield %s : f32
  } -> tensor<16x192xf32>
  %x5 = tensor.expand_shape %add [[0, 1], [2, 3, 4]] output_shape [1, 16, 3, 4, 16]
      : tensor<16x192xf32> into tensor<1x16x3x4x16xf32>
  %t = tensor.empty() : tensor<3x1x4x16x16xf32>
  %r = linalg.transpose ins(%x5 : tensor<1x16x3x4x16xf32>) outs(%t : tensor<3x1x4x16x16xf32>)
      permutation = [2, 0, 3, 1, 4]
  return %r : tensor<3x1x4x16x16xf32>
}
"""


def test_vectorized_rank5_transpose_tile_is_verified(tmp_path, fast_config):
    """A 1x1x2x1x8 tile of the head-split transpose, vectorized: with the contraction patterns applied to its
    permuted reads (and the later leading-unit-dim casts) it wrote wrong values and NaN. They only run where a
    reduction can become a contraction now."""
    (tmp_path / "head_split.mlir").write_text(_HEAD_SPLIT)
    bench = load_benchmark(tmp_path / "head_split.mlir")
    schedule = _schedule(bench, "linalg.transpose", (Action("tile", (1, 0, 2, 1, 8)), Action("vectorize")))
    with Measurer(tmp_path / "cache", fast_config) as m:
        result = m.measure(bench, schedule)
    assert result.status == "ok", result.message
    assert result.verified


# Two matmuls on one zero fill (as bert_block's q/k/v and MLP projections share theirs), a relu, and their sum.
_SHARED_FILL = """
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @main(%x: tensor<32x16xf32>, %w1: tensor<16x32xf32>, %w2: tensor<16x32xf32>) -> tensor<32x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<32x32xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<32x32xf32>) -> tensor<32x32xf32>
  %a = linalg.matmul ins(%x, %w1 : tensor<32x16xf32>, tensor<16x32xf32>) outs(%f : tensor<32x32xf32>)
      -> tensor<32x32xf32>
  %p = linalg.matmul ins(%x, %w2 : tensor<32x16xf32>, tensor<16x32xf32>) outs(%f : tensor<32x32xf32>)
      -> tensor<32x32xf32>
  %relu = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%p : tensor<32x32xf32>) outs(%e : tensor<32x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<32x32xf32>
  %sum = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%a, %relu : tensor<32x32xf32>, tensor<32x32xf32>) outs(%e : tensor<32x32xf32>) {
  ^bb0(%in: f32, %in_1: f32, %out: f32):
    %s = arith.addf %in, %in_1 : f32
    linalg.yield %s : f32
  } -> tensor<32x32xf32>
  return %sum : tensor<32x32xf32>
}
"""


def test_fill_shared_by_two_tiled_ops_is_fused_into_both(tmp_path, fast_config):
    """The first matmul, tiled twice, pulls the shared fill into its outer tiles, then into its register tiles;
    the relu's TPF then pulls the second matmul and the same fill into its tiles. The builder once fused the copy
    of the fill in the first matmul's tiles into the relu's ("could not find next producer to fuse into
    container"): now each fusion finds the fill that really feeds its tiles."""
    (tmp_path / "shared_fill.mlir").write_text(_SHARED_FILL)
    bench = load_benchmark(tmp_path / "shared_fill.mlir")
    facts = op_facts(bench.text)
    first_mm, second_mm, relu = "op_1", "op_2", "op_3"
    assert [facts[t].name for t in (first_mm, second_mm, relu)] == ["linalg.matmul"] * 2 + ["linalg.generic"]
    assert facts[first_mm].fill_tag == facts[second_mm].fill_tag == "op_0"
    schedule = Schedule((OpSchedule(first_mm, (Action("tile", (16, 16, 0)), Action("tile", (4, 8, 0)))),
                         OpSchedule(relu, (Action("tile_fuse", (8, 16), producer=second_mm),))))
    with Measurer(tmp_path / "cache", fast_config) as m:
        result = m.measure(bench, schedule)
    assert result.status == "ok", result.message
