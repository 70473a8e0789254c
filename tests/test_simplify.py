"""Load-time simplification: dead results of linalg.generic (softmax's argmax, as torch-mlir emits it) are dropped,
transpose chains fold, elementwise chains merge, and schedules on what is left still verify against IREE."""

from __future__ import annotations

from mlir import ir

from rl_autoschedular.execution.measure import Measurer, op_facts
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.benchmarks import load_benchmark
from rl_autoschedular.ir.simplify import drop_unused_results, fuse_elementwise_chains

# torch-mlir's max over the last dim (aten.max.dim): values and argmax, of which only the values are returned.
MAX_ARGMAX = """
#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d0)>
func.func @main(%x: tensor<8x32xf32>) -> tensor<8xf32> {
  %c0 = arith.constant 0 : i64
  %ninf = arith.constant 0xFF800000 : f32
  %0 = tensor.empty() : tensor<8xi64>
  %1 = linalg.fill ins(%c0 : i64) outs(%0 : tensor<8xi64>) -> tensor<8xi64>
  %2 = tensor.empty() : tensor<8xf32>
  %3 = linalg.fill ins(%ninf : f32) outs(%2 : tensor<8xf32>) -> tensor<8xf32>
  %4:2 = linalg.generic {indexing_maps = [#map, #map1, #map1], iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<8x32xf32>) outs(%3, %1 : tensor<8xf32>, tensor<8xi64>) {
  ^bb0(%in: f32, %out: f32, %out_1: i64):
    %i = linalg.index 1 : index
    %ii = arith.index_cast %i : index to i64
    %m = arith.maximumf %in, %out : f32
    %gt = arith.cmpf ogt, %in, %out : f32
    %s = arith.select %gt, %ii, %out_1 : i64
    linalg.yield %m, %s : f32, i64
  } -> (tensor<8xf32>, tensor<8xi64>)
  return %4#0 : tensor<8xf32>
}
"""

# The unused second result's accumulator feeds the used first one: nothing may be dropped.
SHARED_ACCUMULATOR = """
#map = affine_map<(d0) -> (d0)>
func.func @main(%x: tensor<16xf32>, %y: tensor<16xf32>) -> tensor<16xf32> {
  %0 = tensor.empty() : tensor<16xf32>
  %4:2 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]}
      ins(%x : tensor<16xf32>) outs(%y, %0 : tensor<16xf32>, tensor<16xf32>) {
  ^bb0(%in: f32, %a: f32, %b: f32):
    %s = arith.addf %in, %b : f32
    linalg.yield %s, %in : f32, f32
  } -> (tensor<16xf32>, tensor<16xf32>)
  return %4#0 : tensor<16xf32>
}
"""


def test_dead_argmax_is_dropped_and_the_vectorized_max_verifies(tmp_path, fast_config):
    path = tmp_path / "max_argmax.mlir"
    path.write_text(MAX_ARGMAX)
    bench = load_benchmark(path)
    assert "i64" not in bench.text and "linalg.index" not in bench.text and "arith.select" not in bench.text
    [generic] = [f for f in op_facts(bench.text).values() if f.name == "linalg.generic"]
    schedule = Schedule((OpSchedule(generic.tag, (Action("tile", (4, 0)), Action("vectorize"))),))
    with Measurer(tmp_path / "cache", fast_config) as m:
        assert m.baseline(bench).verified
        scheduled = m.measure(bench, schedule)
    assert scheduled.status == "ok" and scheduled.verified, scheduled.message


def test_a_result_whose_accumulator_is_read_stays():
    module = ir.Module.parse(SHARED_ACCUMULATOR, ir.Context())
    before = str(module)
    assert drop_unused_results(module) == 0
    assert str(module) == before


def test_generics_whose_results_are_all_used_are_left_alone():
    text = MAX_ARGMAX.replace("return %4#0 : tensor<8xf32>", "return %4#0, %4#1 : tensor<8xf32>, tensor<8xi64>") \
        .replace("-> tensor<8xf32> {\n  %c0", "-> (tensor<8xf32>, tensor<8xi64>) {\n  %c0")
    module = ir.Module.parse(text, ir.Context())
    assert drop_unused_results(module) == 0
    assert "linalg.index" in str(module)


# Transposes of transposes: one pair cancels, one composes (the inner one then has no other use).
TRANSPOSE_CHAINS = """
func.func @main(%a: tensor<4x8x16xf32>) -> (tensor<4x8x16xf32>, tensor<8x16x4xf32>) {
  %e = tensor.empty() : tensor<8x4x16xf32>
  %t = linalg.transpose ins(%a : tensor<4x8x16xf32>) outs(%e : tensor<8x4x16xf32>) permutation = [1, 0, 2]
  %e2 = tensor.empty() : tensor<4x8x16xf32>
  %u = linalg.transpose ins(%t : tensor<8x4x16xf32>) outs(%e2 : tensor<4x8x16xf32>) permutation = [1, 0, 2]
  %e3 = tensor.empty() : tensor<8x16x4xf32>
  %v = linalg.transpose ins(%t : tensor<8x4x16xf32>) outs(%e3 : tensor<8x16x4xf32>) permutation = [0, 2, 1]
  %e4 = tensor.empty() : tensor<4x8x16xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
                                        affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
                       iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%u : tensor<4x8x16xf32>) outs(%e4 : tensor<4x8x16xf32>) {
  ^bb0(%x: f32, %o: f32):
    %y = arith.addf %x, %x : f32
    linalg.yield %y : f32
  } -> tensor<4x8x16xf32>
  return %w, %v : tensor<4x8x16xf32>, tensor<8x16x4xf32>
}
"""


def test_transpose_chains_fold_at_load_and_compute_the_same(tmp_path, fast_config):
    """The builder's canonicalization folded such chains mid-schedule and lost the tag of an op not yet scheduled
    (a transform_error on random_s1_0020_matmul_5ops): they are folded at load, with the same outputs."""
    import numpy as np

    from rl_autoschedular.execution.job import random_inputs

    path = tmp_path / "chains.mlir"
    path.write_text(TRANSPOSE_CHAINS)
    bench = load_benchmark(path)
    assert bench.text.count("linalg.transpose") == 1 and "permutation = [1, 2, 0]" in bench.text
    with Measurer(tmp_path / "cache", fast_config) as m:
        (a,) = random_inputs([(s.shape, s.dtype) for s in bench.inputs], fast_config.seed)
        w, v = m.reference(bench)  # outputs of our lowering, confirmed by IREE
    np.testing.assert_allclose(w, 2 * a, rtol=1e-6)
    np.testing.assert_array_equal(v, a.transpose(1, 2, 0))


def test_the_prior_schedule_of_a_folded_chain_applies_and_verifies(fast_config, tmp_path):
    from conftest import ROOT

    from rl_autoschedular.config import EnvConfig
    from rl_autoschedular.env.prior import HeuristicPrior, prior_episode
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv

    bench = load_benchmark(ROOT / "data" / "eval" / "random_s1_0020_matmul_5ops.mlir")
    with Measurer(tmp_path / "cache", fast_config) as m:
        env = MlirSchedulingEnv([bench], m, EnvConfig())
        info = prior_episode(env, bench.name, HeuristicPrior(1))
    assert info["status"] == "ok" and info["verified"], info.get("message")


# An elementwise square read by two generics (it stays: merged, it would be computed twice), and an f32 -> f64 cast
# read by two generics (each gets its own copy: a merged cast is free).
SHARED_PRODUCERS = """
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @main(%x: tensor<8x16xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>, tensor<8x16xf64>, tensor<8x16xf64>) {
  %e = tensor.empty() : tensor<8x16xf32>
  %sq = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<8x16xf32>) outs(%e : tensor<8x16xf32>) {
  ^bb0(%in: f32, %o: f32):
    %y = arith.mulf %in, %in : f32
    linalg.yield %y : f32
  } -> tensor<8x16xf32>
  %a = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%sq : tensor<8x16xf32>) outs(%e : tensor<8x16xf32>) {
  ^bb0(%in: f32, %o: f32):
    %y = arith.addf %in, %in : f32
    linalg.yield %y : f32
  } -> tensor<8x16xf32>
  %b = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%sq : tensor<8x16xf32>) outs(%e : tensor<8x16xf32>) {
  ^bb0(%in: f32, %o: f32):
    %y = arith.subf %in, %in : f32
    linalg.yield %y : f32
  } -> tensor<8x16xf32>
  %e64 = tensor.empty() : tensor<8x16xf64>
  %up = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<8x16xf32>) outs(%e64 : tensor<8x16xf64>) {
  ^bb0(%in: f32, %o: f64):
    %y = arith.extf %in : f32 to f64
    linalg.yield %y : f64
  } -> tensor<8x16xf64>
  %c = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%up : tensor<8x16xf64>) outs(%e64 : tensor<8x16xf64>) {
  ^bb0(%in: f64, %o: f64):
    %y = arith.addf %in, %in : f64
    linalg.yield %y : f64
  } -> tensor<8x16xf64>
  %d = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%up : tensor<8x16xf64>) outs(%e64 : tensor<8x16xf64>) {
  ^bb0(%in: f64, %o: f64):
    %y = arith.mulf %in, %in : f64
    linalg.yield %y : f64
  } -> tensor<8x16xf64>
  return %a, %b, %c, %d : tensor<8x16xf32>, tensor<8x16xf32>, tensor<8x16xf64>, tensor<8x16xf64>
}
"""


def test_a_shared_producer_stays_and_a_shared_cast_is_copied_into_each_reader():
    module = ir.Module.parse(SHARED_PRODUCERS, ir.Context())
    assert fuse_elementwise_chains(module) == 1  # 6 generics -> 5: the cast went into both readers
    text = str(module)
    assert module.operation.verify()
    assert text.count("linalg.generic") == 5 and text.count("arith.extf") == 2 and text.count("arith.mulf %in") == 1
    assert "mlirrl.keep" not in text


def test_layer_norm_merges_without_recomputing_row_values_and_verifies(tmp_path, fast_config):
    """torch-mlir's layer norm: 16 generics, 10 of them passes over the 128x768 tensor. Merged at load: 7, of which
    4 read it, and no f64 copy of the input is stored. The per-row rsqrt is read through a broadcast and stays
    apart (merged, it ran once per element). The 6-operand tail is encoded, not skipped, and a row schedule of
    every big op verifies."""
    from conftest import ROOT

    from rl_autoschedular.config import EnvConfig
    from rl_autoschedular.env.episode import AnalysedBenchmark

    bench = load_benchmark(ROOT / "data" / "families" / "layer_norm_128x768.mlir")
    assert bench.text.count("linalg.generic") == 7 and "tensor<128x768xf64>" not in bench.text
    analysed = AnalysedBenchmark(bench, EnvConfig())
    assert analysed.skipped == {}
    tail = analysed.infos[analysed.order[0]]
    assert len(tail.accesses) == 6 and "math.rsqrt" not in tail.arith_counts
    big = [t for t in analysed.order if analysed.infos[t].loops[-1].bound == 768]
    sizes = {t: (1, 64) if "arith.extf" in analysed.infos[t].arith_counts else (1, 128) for t in big}
    assert sum(s == (1, 64) for s in sizes.values()) == 2  # the upcast is in both f64 sums
    schedule = Schedule(tuple(OpSchedule(t, (Action("tile", s), Action("vectorize"))) for t, s in sizes.items()))
    with Measurer(tmp_path / "cache", fast_config) as m:
        assert m.baseline(bench).verified
        scheduled = m.measure(bench, schedule)
    assert scheduled.status == "ok" and scheduled.verified, scheduled.message


# torch-mlir's linear layers, x @ W.T: one of one row (a batch of one), one of 16 rows, and a one-row one whose
# transposed weight is also returned.
LINEARS = """
func.func @main(%x: tensor<1x64xf32>, %xs: tensor<16x64xf32>, %w: tensor<96x64xf32>, %v: tensor<32x64xf32>)
    -> (tensor<1x96xf32>, tensor<16x96xf32>, tensor<1x32xf32>, tensor<64x32xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x96xf32>
  %wt = linalg.transpose ins(%w : tensor<96x64xf32>) outs(%e : tensor<64x96xf32>) permutation = [1, 0]
  %o = tensor.empty() : tensor<1x96xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%o : tensor<1x96xf32>) -> tensor<1x96xf32>
  %y = linalg.matmul ins(%x, %wt : tensor<1x64xf32>, tensor<64x96xf32>) outs(%acc : tensor<1x96xf32>)
    -> tensor<1x96xf32>
  %e2 = tensor.empty() : tensor<64x96xf32>
  %wt2 = linalg.transpose ins(%w : tensor<96x64xf32>) outs(%e2 : tensor<64x96xf32>) permutation = [1, 0]
  %o2 = tensor.empty() : tensor<16x96xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%o2 : tensor<16x96xf32>) -> tensor<16x96xf32>
  %ys = linalg.matmul ins(%xs, %wt2 : tensor<16x64xf32>, tensor<64x96xf32>) outs(%acc2 : tensor<16x96xf32>)
    -> tensor<16x96xf32>
  %e3 = tensor.empty() : tensor<64x32xf32>
  %vt = linalg.transpose ins(%v : tensor<32x64xf32>) outs(%e3 : tensor<64x32xf32>) permutation = [1, 0]
  %o3 = tensor.empty() : tensor<1x32xf32>
  %acc3 = linalg.fill ins(%zero : f32) outs(%o3 : tensor<1x32xf32>) -> tensor<1x32xf32>
  %z = linalg.matmul ins(%x, %vt : tensor<1x64xf32>, tensor<64x32xf32>) outs(%acc3 : tensor<1x32xf32>)
    -> tensor<1x32xf32>
  return %y, %ys, %z, %vt : tensor<1x96xf32>, tensor<16x96xf32>, tensor<1x32xf32>, tensor<64x32xf32>
}
"""


def test_a_one_row_linear_layer_reads_its_weight_untransposed_and_computes_the_same(tmp_path, fast_config):
    """A batch of one transposed the whole weight to read it once: the loader folds that transpose into the
    matmul, which becomes a dot product of the row with each row of W. A 16-row matmul keeps its transpose (the
    prior fuses it into column tiles), and so does one whose transpose is used elsewhere."""
    import numpy as np

    from rl_autoschedular.execution.job import random_inputs

    path = tmp_path / "linears.mlir"
    path.write_text(LINEARS)
    bench = load_benchmark(path)
    assert bench.text.count("linalg.transpose") == 2 and bench.text.count("linalg.matmul") == 2, bench.text
    facts = op_facts(bench.text)
    dots = [f for f in facts.values() if f.dot]
    assert [(f.name, f.bounds) for f in dots] == [("linalg.generic", (1, 96, 64))]
    with Measurer(tmp_path / "cache", fast_config) as m:
        x, xs, w, v = random_inputs([(s.shape, s.dtype) for s in bench.inputs], fast_config.seed)
        y, ys, z, vt = m.reference(bench)  # outputs of our lowering, confirmed by IREE
    np.testing.assert_allclose(y, x @ w.T, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(ys, xs @ w.T, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(z, x @ v.T, rtol=1e-4, atol=1e-4)
    np.testing.assert_array_equal(vt, v.T)


def test_integer_linear_layers_keep_their_transposes_and_compute_the_same(tmp_path, fast_config):
    """The fold writes a mulf/addf body: on i32 it made invalid IR, and the file failed to load with a traceback.
    Integer matmuls keep their transposes and measure verified."""
    import numpy as np

    from rl_autoschedular.execution.job import random_inputs

    path = tmp_path / "int_linears.mlir"
    path.write_text(LINEARS.replace("f32", "i32").replace("0.0", "0"))
    bench = load_benchmark(path)
    assert bench.text.count("linalg.transpose") == 3 and bench.text.count("linalg.matmul") == 3, bench.text
    with Measurer(tmp_path / "cache", fast_config) as m:
        x, xs, w, v = random_inputs([(s.shape, s.dtype) for s in bench.inputs], fast_config.seed)
        y, ys, z, _ = m.reference(bench)
    np.testing.assert_array_equal(y, x @ w.T)
    np.testing.assert_array_equal(ys, xs @ w.T)
    np.testing.assert_array_equal(z, x @ v.T)


# Attention's scores for one query per head (a decoder's step), q @ k.T as torch-mlir writes it.
DECODE_SCORES = """
func.func @main(%q: tensor<4x1x16xf32>, %k: tensor<4x24x16xf32>) -> tensor<4x1x24xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16x24xf32>
  %kt = linalg.transpose ins(%k : tensor<4x24x16xf32>) outs(%e : tensor<4x16x24xf32>) permutation = [0, 2, 1]
  %o = tensor.empty() : tensor<4x1x24xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%o : tensor<4x1x24xf32>) -> tensor<4x1x24xf32>
  %s = linalg.batch_matmul ins(%q, %kt : tensor<4x1x16xf32>, tensor<4x16x24xf32>) outs(%acc : tensor<4x1x24xf32>)
    -> tensor<4x1x24xf32>
  return %s : tensor<4x1x24xf32>
}
"""


def test_one_query_per_head_reads_the_keys_untransposed_and_computes_the_same(tmp_path, fast_config):
    """The same fold for a batch_matmul of one row per batch: 8 heads x 1024 keys x 64 went from 0.17 ms with the
    keys transposed first to 0.04 ms (IREE: 0.05)."""
    import numpy as np

    from rl_autoschedular.execution.job import random_inputs

    path = tmp_path / "decode.mlir"
    path.write_text(DECODE_SCORES)
    bench = load_benchmark(path)
    assert "linalg.transpose" not in bench.text and "linalg.batch_matmul" not in bench.text, bench.text
    assert [f.bounds for f in op_facts(bench.text).values() if f.dot] == [(4, 1, 24, 16)]
    from rl_autoschedular.config import EnvConfig
    from rl_autoschedular.env.prior import HeuristicPrior, prior_episode
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv

    with Measurer(tmp_path / "cache", fast_config) as m:
        q, k = random_inputs([(s.shape, s.dtype) for s in bench.inputs], fast_config.seed)
        (scores,) = m.reference(bench)  # our lowering, confirmed by IREE
        env = MlirSchedulingEnv([bench], m, EnvConfig())
        info = prior_episode(env, bench.name, HeuristicPrior(1))
    np.testing.assert_allclose(scores, q @ k.transpose(0, 2, 1), rtol=1e-4, atol=1e-4)
    assert info["verified"], info.get("message")  # a head at a time, 4 keys by all of the 16-deep dot products
    assert [(a.kind, a.sizes) for a in env.schedule().ops[0].actions] == [("tile", (1, 0, 4, 0)), ("vectorize", ())]
