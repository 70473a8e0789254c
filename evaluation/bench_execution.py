#!/usr/bin/env python3
"""Benchmark of the measurement core on the bundled suite. Prints:

1. the time to apply, lower and JIT one schedule per benchmark (target: at most 100 ms for single ops);
2. the timing spread: the coefficient of variation within one measurement, and across repeated measurements of
   the same schedule (target: median CV under 3%);
3. the hand schedules on a 512 matmul and on a 3x3 NHWC conv, with GFLOP/s, next to PyTorch eager and IREE
   llvm-cpu, all on 1 thread and all verified: PyTorch's and IREE's outputs on the same seeded inputs are compared
   with our (IREE-checked) reference, under the tolerance schedules get (target: at least parity with PyTorch).

Every figure is measured here, now; nothing is a constant.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the repository's packages importable

from rl_autoschedular.config import MeasureConfig  # noqa: E402
from rl_autoschedular.execution import external  # noqa: E402
from rl_autoschedular.execution.job import random_inputs  # noqa: E402
from rl_autoschedular.execution.measure import Measurer, op_facts  # noqa: E402
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule  # noqa: E402
from rl_autoschedular.ir.analysis import analyze  # noqa: E402
from rl_autoschedular.ir.benchmarks import load_dataset  # noqa: E402

HAND = {
    "matmul_512x512x512": ("linalg.matmul",
                           (Action("tile", (64, 128, 0)), Action("tile", (8, 32, 1)), Action("vectorize"))),
    "conv2d_nhwc_64x56x56_k3": ("linalg.conv_2d_nhwc_hwcf",
                                (Action("tile", (1, 1, 56, 64, 0, 0, 0)), Action("tile", (1, 1, 8, 32, 1, 1, 1)),
                                 Action("vectorize"))),
}


def hand_schedule(bench) -> Schedule:
    """The hand-written schedule of a HAND benchmark."""
    op_name, actions = HAND[bench.name]
    tag = next(f.tag for f in op_facts(bench.text).values() if f.name == op_name)
    return Schedule((OpSchedule(tag, actions),))


def simple_schedule(bench) -> Schedule:
    """A plain tiling of every non-fill op's parallel loops by a divisor near 32 (for compile-time figures)."""
    ops = []
    for op in analyze(bench.text):
        if op.name == "linalg.fill":
            continue
        sizes = tuple(next((d for d in (32, 16, 8, 7, 4, 2) if l.bound % d == 0 and d < l.bound), 0)
                      if l.kind == "parallel" else 0 for l in op.loops)
        if any(sizes):
            ops.append(OpSchedule(op.tag, (Action("tile", sizes),)))
    return Schedule(tuple(reversed(ops)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT / "data" / "test"), help="dataset folder")
    ap.add_argument("--repeats", type=int, default=3, help="repeated measurements for the spread (default 3)")
    args = ap.parse_args()
    benches = {b.name: b for b in load_dataset(args.data)}

    with tempfile.TemporaryDirectory() as cache_dir, Measurer(cache_dir, MeasureConfig()) as m:
        print("== 1. apply + lower + JIT of one schedule (ms, 1 thread) ==")
        compile_ms = {}
        for name, bench in benches.items():
            r = m.measure(bench, hand_schedule(bench) if name in HAND else simple_schedule(bench))
            if r.apply_ms is None:
                print(f"{name:40s} {r.status}: {r.message[:80]}")
                continue
            total = r.apply_ms + r.lower_ms + r.jit_ms
            compile_ms[name] = total
            print(f"{name:40s} apply {r.apply_ms:6.1f}  lower {r.lower_ms:6.1f}  jit {r.jit_ms:6.1f}  "
                  f"total {total:6.1f}  [{r.status}]")
        singles = [v for k, v in compile_ms.items() if benches[k].family != "multi"]
        print(f"median total, single-op benchmarks: {statistics.median(singles):.1f} ms (target <= 100 ms)")

        print(f"\n== 2. timing spread ({args.repeats} repeated measurements of the same schedule) ==")
        within, across = [], []
        for name, bench in benches.items():
            sched = hand_schedule(bench) if name in HAND else simple_schedule(bench)
            medians, cvs = [], []
            for _ in range(args.repeats):
                r = m.measure(bench, sched, refresh=True)
                if r.status == "ok":
                    medians.append(r.time_ns)
                    cvs.append(r.cv)
            if len(medians) == args.repeats:
                within.append(statistics.median(cvs))
                across.append(statistics.pstdev(medians) / statistics.fmean(medians))
                print(f"{name:40s} within-run cv {within[-1]:6.2%}   across repeats cv {across[-1]:6.2%}")
        print(f"median cv within one measurement: {statistics.median(within):.2%}; "
              f"across repeated measurements: {statistics.median(across):.2%} (target < 3%)")

        print("\n== 3. hand schedules vs PyTorch eager and IREE llvm-cpu (1 thread, verified) ==")
        for name in HAND:
            bench = benches[name]
            r = m.measure(bench, hand_schedule(bench))
            gflops = bench.flops / (r.time_ns / 1e9) / 1e9 if r.status == "ok" else float("nan")
            print(f"{name}: status {r.status}, verified {r.verified}; baseline {r.baseline_ns / 1e6:.2f} ms")
            print(f"  MLIR-RL hand schedule   {r.time_ns / 1e6:8.3f} ms  {gflops:6.1f} GFLOP/s  "
                  f"speedup {r.speedup:7.1f}x over unoptimized")
            # The same seeded inputs as the reference; every other executor's outputs are checked against it.
            inputs = random_inputs([(s.shape, s.dtype) for s in bench.inputs], m.config.seed)
            reference = m.reference(bench)
            # PyTorch eager computes what the manifest's description says: the benchmark's own computation.
            for other in [*external.pytorch(bench, inputs, reference), external.iree(bench, inputs, reference)]:
                if other.timing is None:
                    print(f"  {other.executor:28s}{other.message}")
                    continue
                ms = other.ms
                print(f"  {other.executor:28s}{ms:8.3f} ms  {bench.flops / ms / 1e6:6.1f} GFLOP/s  "
                      f"hand schedule is {ms / (r.time_ns / 1e6):.2f}x its speed  "
                      f"[{'verified' if other.verified else 'WRONG'}: {other.message}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
