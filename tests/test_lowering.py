"""The lowering pipeline on element types and math ops that the plain LLVM conversions cannot take: booleans in
memory and math.erf. Real compile, run and reference check against IREE, on tiny shapes."""

from __future__ import annotations

import pytest

from rl_autoschedular.execution.measure import Measurer, op_facts
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.benchmarks import load_benchmark

# GPT's causal mask: an i64 comparison gives i1, combined with a non-uniform i1 constant, then a select on f32.
# Bool tensors are inputs, intermediates, constants and outputs.
BOOL_MASK = """
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @main(%pos: tensor<8x16xi64>, %x: tensor<8x16xf32>) -> (tensor<8x16xi1>, tensor<8x16xf32>) {
  %c1 = arith.constant 1 : i64
  %ninf = arith.constant 0xFF800000 : f32
  %tri = arith.constant dense<[[true, false, true, true, false, true, false, true,
                                true, true, false, false, true, false, true, true]]> : tensor<1x16xi1>
  %tri8 = tensor.collapse_shape %tri [[0, 1]] : tensor<1x16xi1> into tensor<16xi1>
  %e1 = tensor.empty() : tensor<8x16xi1>
  %m = linalg.generic {indexing_maps = [#map, affine_map<(d0, d1) -> (d1)>, #map],
                       iterator_types = ["parallel", "parallel"]}
      ins(%pos, %tri8 : tensor<8x16xi64>, tensor<16xi1>) outs(%e1 : tensor<8x16xi1>) {
  ^bb0(%p: i64, %t: i1, %o: i1):
    %ge = arith.cmpi sge, %p, %c1 : i64
    %a = arith.andi %ge, %t : i1
    linalg.yield %a : i1
  } -> tensor<8x16xi1>
  %e2 = tensor.empty() : tensor<8x16xf32>
  %r = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%m, %x : tensor<8x16xi1>, tensor<8x16xf32>) outs(%e2 : tensor<8x16xf32>) {
  ^bb0(%b: i1, %v: f32, %o: f32):
    %s = arith.select %b, %ninf, %v : f32
    linalg.yield %s : f32
  } -> tensor<8x16xf32>
  return %m, %r : tensor<8x16xi1>, tensor<8x16xf32>
}
"""

# Exact GELU, as torch-mlir emits it for nn.GELU(): x * (1 + erf(x / sqrt 2)) / 2.
GELU = """
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @main(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %one = arith.constant 1.0 : f32
  %half = arith.constant 0.5 : f32
  %sqrt2 = arith.constant 1.41421354 : f32
  %e = tensor.empty() : tensor<8x16xf32>
  %r = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<8x16xf32>) outs(%e : tensor<8x16xf32>) {
  ^bb0(%in: f32, %o: f32):
    %d = arith.divf %in, %sqrt2 : f32
    %erf = math.erf %d : f32
    %a = arith.addf %erf, %one : f32
    %h = arith.mulf %a, %half : f32
    %y = arith.mulf %in, %h : f32
    linalg.yield %y : f32
  } -> tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}
"""

# Tile to 4x8 then vectorize: the generics' memory accesses become vector transfers of 8 elements.
VECTORIZED = (Action("tile", (4, 8)), Action("vectorize"))


def _bench(tmp_path, name: str, text: str):
    path = tmp_path / f"{name}.mlir"
    path.write_text(text)
    return load_benchmark(path)


def _schedule_all(bench) -> Schedule:
    return Schedule(tuple(OpSchedule(f.tag, VECTORIZED) for f in op_facts(bench.text).values()
                          if f.name == "linalg.generic"))


@pytest.mark.parametrize("name,text", [("bool_mask", BOOL_MASK), ("gelu", GELU)])
def test_baseline_and_vectorized_schedule_verify_against_iree(tmp_path, fast_config, name, text):
    """Before the fix, the bool benchmark aborted finalize-memref-to-llvm (i1 load/store, SIGABRT) and the GELU
    one failed to create the ExecutionEngine (math.erf has no LLVM intrinsic)."""
    bench = _bench(tmp_path, name, text)
    with Measurer(tmp_path / "cache", fast_config) as m:
        baseline = m.baseline(bench)
        assert baseline.status == "ok", baseline.message
        # Vector loads of booleans must read a byte per element, as numpy and IREE store them (an LLVM <8 x i1>
        # load reads 8 bits); vector erf is unrolled to libm calls.
        scheduled = m.measure(bench, _schedule_all(bench))
    assert scheduled.status == "ok", scheduled.message
