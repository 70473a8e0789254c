"""Fault containment: a program that segfaults, one that loops forever and one whose output is wrong each get
their failure status; the same Measurer then measures the next benchmark correctly and no cache entry is lost.
A timeout or crash is retried once and never cached; a fault of the harness is a harness_error, never cached."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from pathlib import Path

from conftest import DATA, ROOT

from rl_autoschedular.config import STATUSES, MeasureConfig
from rl_autoschedular.execution.cache import ResultsCache
from rl_autoschedular.execution.job import Job
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.execution.runner import IsolatedRunner
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.benchmarks import Benchmark, TensorSpec, load_benchmark

SEGFAULT = """
func.func @main(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {
  %p = llvm.mlir.zero : !llvm.ptr
  %one = arith.constant 1.0 : f32
  llvm.store volatile %one, %p : f32, !llvm.ptr
  %e = tensor.empty() : tensor<8xf32>
  %r = linalg.add ins(%a, %b : tensor<8xf32>, tensor<8xf32>) outs(%e : tensor<8xf32>) -> tensor<8xf32>
  return %r : tensor<8xf32>
}
"""

FOREVER = """
func.func @main(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1.0 : f32
  %r = scf.while (%t = %a) : (tensor<8xf32>) -> tensor<8xf32> {
    %x = tensor.extract %t[%c0] : tensor<8xf32>
    %go = arith.cmpf oeq, %x, %x : f32
    scf.condition(%go) %t : tensor<8xf32>
  } do {
  ^bb0(%t: tensor<8xf32>):
    %x = tensor.extract %t[%c0] : tensor<8xf32>
    %y = arith.addf %x, %one : f32
    %t2 = tensor.insert %y into %t[%c0] : tensor<8xf32>
    scf.yield %t2 : tensor<8xf32>
  }
  return %r : tensor<8xf32>
}
"""

# Tiling the reduction while fusing the fill greedily re-zeroes the accumulator in every k step: a real
# miscompiling schedule, the kind the reference systems never noticed because they did not check outputs.
WRONG_SCRIPT = """
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %l:3 = transform.structured.fuse %mm tile_sizes [16, 32, 64] {apply_cleanup}
      : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}
"""


def _raw_benchmark(name: str, text: str) -> Benchmark:
    # Bypasses the loader on purpose: these programs hold ops no real benchmark may contain.
    spec = TensorSpec((8,), "f32")
    return Benchmark(name, Path(name), text, hashlib.sha256(text.encode()).hexdigest(), (spec, spec), (spec,))


def test_failures_are_contained_and_cache_survives(tmp_path, fast_config):
    config = MeasureConfig(timing=fast_config.timing, baseline_run_timeout=3.0)
    matmul = load_benchmark(DATA / "matmul_128x768x768.mlir")
    good = Schedule((OpSchedule("op_1", (Action("tile", (32, 64, 0)),)),))
    with Measurer(tmp_path, config) as m:
        before = m.measure(matmul, good)
        assert before.status == "ok", before.message
        entries = len(m.cache)

        crash = m.baseline(_raw_benchmark("segfault", SEGFAULT))
        assert crash.status == "crash" and crash.phase == "run"
        assert crash.message.startswith("worker died while running (SIGSEGV)")
        assert crash.apply_ms is not None and crash.jit_ms is not None  # it compiled: the times say how long
        assert crash.attempts == 2  # retried once in a fresh worker

        hang = m.baseline(_raw_benchmark("forever", FOREVER))
        assert hang.status == "timeout" and hang.phase == "run" and "run exceeded 3 s" in hang.message
        assert hang.lower_ms is not None
        assert hang.attempts == 2

        wrong = m.measure(matmul, WRONG_SCRIPT)
        assert wrong.status == "wrong_output" and not wrong.verified
        assert wrong.speedup is None and wrong.time_ns is None

        add = load_benchmark(DATA / "add_256x1024.mlir")
        after = m.measure(add, Schedule((OpSchedule("op_0", (Action("tile", (32, 256)),)),)))
        assert after.status == "ok", after.message
        again = m.measure(matmul, good)
        assert again.cached and again.time_ns == before.time_ns
        assert {r.status for r in (before, crash, hang, wrong, after)} <= set(STATUSES)

    # Reopened from disk: the earlier entries, the wrong output and the new ones are all there.
    cache = ResultsCache(tmp_path / "results.sqlite")
    assert len(cache) >= entries + 3
    cache.close()


def test_compile_timeout_kills_the_worker(tmp_path, fast_config):
    config = MeasureConfig(timing=fast_config.timing, compile_timeout=0.01)
    bench = load_benchmark(DATA / "add_256x1024.mlir")
    with Measurer(tmp_path, config) as m:
        result = m.baseline(bench)
    assert result.status == "timeout" and result.phase == "compile" and "compile exceeded 0.01 s" in result.message


def test_crash_while_compiling_says_so(tmp_path, fast_config):
    """Regions nested 10000 deep overflow the stack of the MLIR parser: the bindings die before anything runs.
    (Straight to the runner: the Measurer's own analysis would parse the text in this process.)"""
    deep = ("func.func @main(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {\n%c = arith.constant true\n"
            + "scf.if %c {\n" * 10000 + "}\n" * 10000 + "return %a : tensor<8xf32>\n}\n")
    spec = (((8,), "f32"),)
    job = Job(text=deep, script=None, inputs=spec * 2, outputs=spec, seed=0, reference_path=str(tmp_path / "ref.npz"),
              reduction_size=1, timing=fast_config.timing, write_reference=True)
    with IsolatedRunner() as runner:
        result = runner.run(job, compile_timeout=60.0, run_timeout=30.0)
    assert result["status"] == "crash" and result["phase"] == "compile", result
    assert result["message"].startswith("worker died while compiling (SIGSEGV)")


def test_compile_timeout_follows_the_unscheduled_compile(tmp_path, fast_config):
    """A schedule's compile bound is compile_timeout_factor x the baseline's apply + lower + JIT time: with a factor
    of 0.1 the hand-scheduled matmul (which compiles in more time than its unscheduled program) exceeds it."""
    config = MeasureConfig(timing=fast_config.timing, compile_timeout_factor=0.1, min_compile_timeout=1e-3)
    matmul = load_benchmark(DATA / "matmul_128x768x768.mlir")
    schedule = Schedule((OpSchedule("op_1", (Action("tile", (64, 128, 0)), Action("tile", (8, 32, 1)),
                                             Action("vectorize"))),))
    with Measurer(tmp_path, config) as m:
        base = m.baseline(matmul)
        result = m.measure(matmul, schedule)
    bound = 0.1 * (base.apply_ms + base.lower_ms + base.jit_ms) / 1e3
    assert result.status == "timeout" and result.phase == "compile" and result.attempts == 2
    assert f"compile exceeded {bound:.3g} s (0.1 x the unscheduled compile's" in result.message, result.message


def test_measuring_process_dies_with_its_caller(tmp_path):
    """A caller killed with SIGKILL (a lost Dask worker) while its isolated process runs a job takes that process
    with it, so no orphan keeps timing code on a core."""
    import signal
    import subprocess
    import sys
    import time

    code = ("import sys; sys.path[:0] = [%r, %r]\n"
            "from test_faults import FOREVER, _raw_benchmark\n"
            "from conftest import FAST\n"
            "from rl_autoschedular.execution.measure import Measurer\n"
            "m = Measurer(%r, FAST); m.runner._start(); print(m.runner._proc.pid, flush=True)\n"
            "m.baseline(_raw_benchmark('forever', FOREVER))\n") % (str(ROOT), str(ROOT / "tests"), str(tmp_path))
    caller = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    child = int(caller.stdout.readline())
    time.sleep(3.0)  # compiled, and looping forever under a 300 s baseline timeout
    caller.send_signal(signal.SIGKILL)
    caller.wait()
    deadline = time.time() + 10
    state = "alive"
    while time.time() < deadline:
        try:
            with open(f"/proc/{child}/status") as f:
                state = next(line for line in f if line.startswith("State:")).split()[1]
        except FileNotFoundError:
            state = "gone"
        if state in ("Z", "gone"):
            break
        time.sleep(0.1)
    assert state in ("Z", "gone"), f"measuring process {child} outlived its caller (state {state})"


def _cached_statuses(cache_dir: Path) -> list[str]:
    with sqlite3.connect(cache_dir / "results.sqlite") as db:
        return [row[0] for row in db.execute("SELECT status FROM measurements_v2")]


# A schedule that changes nothing: the scheduled program is the baseline's, so it runs correctly.
NOOP_SCRIPT = """
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    transform.yield
  }
}
"""


def test_timeout_is_retried_and_never_cached(tmp_path, fast_config):
    # A run timeout far below what verifying and timing take: a real program really exceeds it.
    config = MeasureConfig(timing=fast_config.timing, run_timeout_factor=1e-9, min_run_timeout=1e-3)
    add = load_benchmark(DATA / "add_256x1024.mlir")
    with Measurer(tmp_path, config) as m:
        first = m.measure(add, NOOP_SCRIPT)
        assert first.status == "timeout" and "run exceeded" in first.message and first.attempts == 2
        second = m.measure(add, NOOP_SCRIPT)
        assert second.status == "timeout" and not second.cached and second.attempts == 2
    assert _cached_statuses(tmp_path) == ["ok"]  # the baseline only


def test_crash_is_retried_and_never_cached(tmp_path, fast_config):
    segfault = _raw_benchmark("segfault", SEGFAULT)
    with Measurer(tmp_path, fast_config) as m:
        for _ in range(2):
            result = m.measure(segfault, NOOP_SCRIPT)  # the baseline crashes, so the schedule is never run
            assert result.status == "crash" and not result.cached and result.attempts == 2
    assert _cached_statuses(tmp_path) == []


def test_unreadable_reference_is_a_harness_error(tmp_path, fast_config, caplog):
    add = load_benchmark(DATA / "add_256x1024.mlir")
    schedule = Schedule((OpSchedule("op_0", (Action("tile", (32, 256)),)),))
    with Measurer(tmp_path, fast_config) as m, caplog.at_level(logging.ERROR, logger="rl_autoschedular.execution"):
        assert m.baseline(add).status == "ok"
        reference = m._reference_path(add)
        reference.write_bytes(reference.read_bytes()[:100])  # truncated: a fault of ours, not of the schedule
        broken = m.measure(add, schedule)
        assert broken.status == "harness_error" and broken.attempts == 1, broken
        assert "\n" not in broken.message and broken.speedup is None
        assert any("Traceback" in r.getMessage() for r in caplog.records if r.name == "rl_autoschedular.execution")
        assert "harness_error" not in _cached_statuses(tmp_path)
        assert m.baseline(add, refresh=True).status == "ok"  # rewrites the reference
        fixed = m.measure(add, schedule)
        assert fixed.status == "ok" and not fixed.cached, fixed
