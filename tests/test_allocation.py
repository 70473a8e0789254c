"""The timing worker keeps freed memory (`job.keep_freed_memory`): a compiled program mallocs its intermediates on
every call, and with glibc's defaults a ConvNeXt MLP block's (784x384 matmul, bias, GELU) came back from the kernel
as fresh pages each call. Page faults are counted, not timed, in a fresh process each way."""

import json
import subprocess
import sys
from pathlib import Path

from conftest import FAST

ROOT = Path(__file__).resolve().parent.parent

CONVNEXT_MLP = """
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d3)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
#map3 = affine_map<(d0, d1) -> (d1)>
func.func @main(%x: tensor<1x28x28x96xf32>, %b0: tensor<96xf32>, %w: tensor<384x96xf32>, %b1: tensor<384xf32>)
    -> tensor<1x28x28x384xf32> {
  %zero = arith.constant 0.000000e+00 : f32
  %one = arith.constant 1.000000e+00 : f32
  %half = arith.constant 5.000000e-01 : f32
  %sqrt2 = arith.constant 1.41421354 : f32
  %e0 = tensor.empty() : tensor<1x28x28x96xf32>
  %0 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel",
      "parallel"]} ins(%x, %b0 : tensor<1x28x28x96xf32>, tensor<96xf32>) outs(%e0 : tensor<1x28x28x96xf32>) {
  ^bb0(%in: f32, %b: f32, %out: f32):
    %s = arith.addf %in, %b : f32
    linalg.yield %s : f32
  } -> tensor<1x28x28x96xf32>
  %rows = tensor.collapse_shape %0 [[0, 1, 2], [3]] : tensor<1x28x28x96xf32> into tensor<784x96xf32>
  %e1 = tensor.empty() : tensor<96x384xf32>
  %wt = linalg.transpose ins(%w : tensor<384x96xf32>) outs(%e1 : tensor<96x384xf32>) permutation = [1, 0]
  %e2 = tensor.empty() : tensor<784x384xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e2 : tensor<784x384xf32>) -> tensor<784x384xf32>
  %mm = linalg.matmul ins(%rows, %wt : tensor<784x96xf32>, tensor<96x384xf32>)
      outs(%acc : tensor<784x384xf32>) -> tensor<784x384xf32>
  %1 = linalg.generic {indexing_maps = [#map2, #map3, #map2], iterator_types = ["parallel", "parallel"]}
      ins(%mm, %b1 : tensor<784x384xf32>, tensor<384xf32>) outs(%e2 : tensor<784x384xf32>) {
  ^bb0(%in: f32, %b: f32, %out: f32):
    %s = arith.addf %in, %b : f32
    linalg.yield %s : f32
  } -> tensor<784x384xf32>
  %img = tensor.expand_shape %1 [[0, 1, 2], [3]] output_shape [1, 28, 28, 384]
      : tensor<784x384xf32> into tensor<1x28x28x384xf32>
  %e3 = tensor.empty() : tensor<1x28x28x384xf32>
  %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel",
      "parallel"]} ins(%img : tensor<1x28x28x384xf32>) outs(%e3 : tensor<1x28x28x384xf32>) {
  ^bb0(%in: f32, %out: f32):
    %d = arith.divf %in, %sqrt2 : f32
    %erf = math.erf %d : f32
    %a = arith.addf %erf, %one : f32
    %m = arith.mulf %a, %half : f32
    %g = arith.mulf %in, %m : f32
    linalg.yield %g : f32
  } -> tensor<1x28x28x384xf32>
  return %2 : tensor<1x28x28x384xf32>
}
"""

# The heuristic prior's schedule: bias, GELU and the fused weight transpose vectorized, 4x16 register tiles.
SCHEDULE = json.dumps([
    {"tag": "op_5", "actions": [{"kind": "tile", "sizes": [0, 1, 1, 64]}, {"kind": "vectorize"}]},
    {"tag": "op_4", "actions": [{"kind": "tile", "sizes": [1, 64]}, {"kind": "vectorize"}]},
    {"tag": "op_3", "actions": [{"kind": "tile_fuse", "producer": "op_1", "sizes": [0, 32, 0]},
                                {"kind": "tile", "sizes": [4, 16, 1]}, {"kind": "vectorize"}]},
    {"tag": "op_1", "actions": [{"kind": "tile", "sizes": [16, 8]}, {"kind": "vectorize"}]},
    {"tag": "op_0", "actions": [{"kind": "tile", "sizes": [0, 1, 1, 32]}, {"kind": "vectorize"}]}])

PROBE = """
import resource, sys
from rl_autoschedular.execution.job import (compile_job, descriptor_pointers, fresh_outputs, keep_freed_memory,
                                            random_inputs)
from rl_autoschedular.execution.measure import compile_schedule
from rl_autoschedular.execution.schedule import Schedule
from rl_autoschedular.ir.benchmarks import load_benchmark

if sys.argv[3] == "keep":
    assert keep_freed_memory()
bench = load_benchmark(sys.argv[1])
payload, script = compile_schedule(bench, Schedule.from_canonical(sys.argv[2]))
job = type("Job", (), {"text": payload, "script": script})
engine, ctx, _ = compile_job(job)
arrays = random_inputs([(s.shape, s.dtype) for s in bench.inputs], 0) + fresh_outputs(
    [(s.shape, s.dtype) for s in bench.outputs])
args = descriptor_pointers(arrays)
for _ in range(3):
    engine.invoke("main", *args)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(5):
    engine.invoke("main", *args)
print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 5)
"""


def _faults_per_call(path: Path, mode: str) -> float:
    out = subprocess.run([sys.executable, "-c", PROBE, str(path), SCHEDULE, mode], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return float(out.stdout.split()[-1])


def test_the_timing_worker_reuses_freed_memory_instead_of_faulting_pages_on_every_call(tmp_path):
    from rl_autoschedular.execution.measure import Measurer
    from rl_autoschedular.execution.schedule import Schedule
    from rl_autoschedular.ir.benchmarks import load_benchmark

    path = tmp_path / "convnext_mlp.mlir"
    path.write_text(CONVNEXT_MLP)
    # glibc's defaults: the 1.2 MB intermediates' pages come back from the kernel on each call (550-850 here) ...
    assert _faults_per_call(path, "default") > 100
    assert _faults_per_call(path, "keep") == 0
    # ... and the worker that times every schedule records none. (It would here without the settings too: the
    # baseline it measures first leaves glibc's dynamic threshold high. The whole ConvNeXt block faulted there.)
    with Measurer(tmp_path / "cache", FAST) as m:
        result = m.measure(load_benchmark(path), Schedule.from_canonical(SCHEDULE))
    assert result.verified and result.page_faults == 0, result
