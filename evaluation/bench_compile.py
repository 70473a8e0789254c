#!/usr/bin/env python3
"""Compile time of masked random schedules on the bundled suite: does any schedule the masks allow make the
compile (apply + lower + JIT) pathological? Prints, per benchmark, the unscheduled program's compile time and the
median and worst compile time of N random masked episodes (N = 16 by default), then the worst schedules overall
and the distribution of the ratio to the unscheduled compile.

The schedules are drawn by the env in proxy mode (nothing is measured while drawing), then each is compiled in the
isolated worker and run once (its outputs are not compared: only the compile matters here). Compile times are
measured here, now, on 1 thread; a compile over --compile-timeout seconds shows as that bound.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np

from rl_autoschedular.config import EnvConfig, TimingConfig
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.env.search import sample_action
from rl_autoschedular.execution.job import Job
from rl_autoschedular.execution.measure import compile_schedule, reduction_size
from rl_autoschedular.execution.runner import IsolatedRunner
from rl_autoschedular.ir.benchmarks import load_dataset

ROOT = Path(__file__).resolve().parent.parent
_ONCE = TimingConfig(warmup=0, min_runs=1, max_runs=1, target_seconds=1e-3)


def draw_schedules(env: MlirSchedulingEnv, benchmark: str, n: int, rng: np.random.Generator):
    """`n` schedules of random masked episodes (the empty schedule left out)."""
    out = []
    for _ in range(n):
        env.reset(options={"benchmark": benchmark})
        done = False
        while not done:
            _, _, done, _, _ = env.step(sample_action(env, rng))
        if not env.schedule().is_empty:
            out.append(env.schedule())
    return out


def compile_seconds(runner: IsolatedRunner, bench, payload: str, script: str | None, folder: str,
                    compile_timeout: float) -> tuple[float | None, str]:
    """(apply + lower + JIT seconds, or the bound for a compile that exceeded it, or None if it failed; status)."""
    job = Job(text=payload, script=script, inputs=tuple((s.shape, s.dtype) for s in bench.inputs),
              outputs=tuple((s.shape, s.dtype) for s in bench.outputs), seed=0,
              reference_path=str(Path(folder) / "out.npz"), reduction_size=reduction_size(bench), timing=_ONCE,
              write_reference=True)
    raw = runner.run(job, compile_timeout, run_timeout=10.0)
    if raw.get("apply_ms") is not None:
        return (raw["apply_ms"] + raw["lower_ms"] + raw["jit_ms"]) / 1e3, raw["status"]
    if raw["status"] == "timeout" and raw.get("phase") == "compile":
        return compile_timeout, "compile timeout"
    return None, raw["status"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT / "data" / "test"), help="dataset folder")
    ap.add_argument("--episodes", type=int, default=16, help="random masked episodes per benchmark (default 16)")
    ap.add_argument("--compile-timeout", type=float, default=120.0, help="seconds (default 120)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only", nargs="*", default=[], help="benchmark names (default: all)")
    args = ap.parse_args()
    benches = [b for b in load_dataset(args.data) if not args.only or b.name in args.only]
    env = MlirSchedulingEnv(benches, None, EnvConfig(reward_mode="proxy"))
    rng = np.random.default_rng(args.seed)
    ratios, worst = [], []
    print(f"== compile (apply + lower + JIT) of {args.episodes} random masked schedules per benchmark, seconds ==")
    print(f"{'benchmark':40s} {'unscheduled':>11s} {'median':>8s} {'max':>8s}  failures")
    with tempfile.TemporaryDirectory() as folder, IsolatedRunner() as runner:
        for bench in benches:
            base, _ = compile_seconds(runner, bench, bench.text, None, folder, args.compile_timeout)
            times, failures = [], {}
            for schedule in draw_schedules(env, bench.name, args.episodes, rng):
                payload, script = compile_schedule(bench, schedule)
                seconds, status = compile_seconds(runner, bench, payload, script, folder, args.compile_timeout)
                if seconds is None:
                    failures[status] = failures.get(status, 0) + 1
                    continue
                times.append(seconds)
                worst.append((seconds, bench.name, schedule.canonical()))
                if base:
                    ratios.append(seconds / base)
            med = statistics.median(times) if times else float("nan")
            print(f"{bench.name:40s} {base or float('nan'):11.2f} {med:8.2f} {max(times, default=float('nan')):8.2f}"
                  f"  {failures or ''}", flush=True)
    all_times = [w[0] for w in worst]
    print(f"\nall schedules: {len(all_times)}, median {statistics.median(all_times):.2f} s, "
          f"max {max(all_times):.2f} s; ratio to the unscheduled compile: median {statistics.median(ratios):.1f}x, "
          f"max {max(ratios):.1f}x")
    print("worst schedules:")
    for seconds, name, canonical in sorted(worst, reverse=True)[:5]:
        print(f"  {seconds:7.2f} s  {name}: {canonical[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
