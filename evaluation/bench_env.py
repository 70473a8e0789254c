#!/usr/bin/env python3
"""Benchmark of the RL environment on the bundled suite. Prints:

1. env steps per second over random masked episodes, with a cold cache and again with a warm one (same episodes);
2. the share of wall time spent in measurement versus everything else (cold cache);
3. the best-of-N random-search geomean speedup over the unoptimized baseline (N = 32 by default), verified;
4. expert action sequences, written as plain env actions, next to PyTorch eager on 1 thread (target: within 10%).

Every figure is measured here, now, on 1 thread.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_execution import torch_ms

from rl_autoschedular.config import EnvConfig, MeasureConfig
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.env.search import make_action, random_search, sample_action
from rl_autoschedular.env.wrappers import MeasurementStatistics
from rl_autoschedular.execution.job import random_inputs
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.ir.benchmarks import load_dataset

ROOT = Path(__file__).resolve().parent.parent

# Expert schedules as env actions: (type, tile sizes per loop). Conv loops after L: (n, oh, ow, f, kh, kw, c).
EXPERT = {
    "matmul_512x512x512": [("T", (64, 128, 0)), ("T", (8, 32, 1)), ("V", ())],
    "conv2d_nchw_64x56x56_k3": [("L", ()), ("T", (0, 1, 0, 0, 0, 0, 0)), ("T", (0, 0, 8, 32, 1, 1, 1)), ("V", ())],
    "conv2d_nhwc_64x56x56_k3": [("T", (0, 1, 0, 0, 0, 0, 0)), ("T", (0, 0, 8, 32, 1, 1, 1)), ("V", ())],
}


def play_random(env, episodes: int, seed: int) -> int:
    rng = np.random.default_rng(seed)
    steps = 0
    for e in range(episodes):
        env.reset(options={"benchmark": e % len(env.unwrapped.benches)})
        done = False
        while not done:
            _, _, done, _, _ = env.step(sample_action(env, rng))
            steps += 1
    return steps


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT / "data" / "test"), help="dataset folder")
    ap.add_argument("--episodes", type=int, default=52, help="random episodes for the step rates (default 52; 0 skips)")
    ap.add_argument("--budget", type=int, default=32,
                    help="random-search measurements per benchmark (default 32; 0 skips)")
    args = ap.parse_args()
    benches = load_dataset(args.data)

    with tempfile.TemporaryDirectory() as cache_dir, Measurer(cache_dir, MeasureConfig()) as m:
        env = MeasurementStatistics(MlirSchedulingEnv(benches, m, EnvConfig()))  # counts measure_seconds
        for b in env.unwrapped.benches:  # baselines and references first: they are not part of an env step
            m.baseline(b.bench)
        print("== 1-2. env steps per second (random masked episodes, 1 thread) ==")
        for label in ("cold cache", "warm cache") if args.episodes else ():
            env.measure_seconds = 0.0
            t0 = time.perf_counter()
            steps = play_random(env, args.episodes, seed=7)
            wall = time.perf_counter() - t0
            print(f"{label}: {steps} steps in {wall:.1f} s = {steps / wall:.1f} steps/s; measurement "
                  f"{env.measure_seconds:.1f} s = {env.measure_seconds / wall:.0%} of wall time, everything else "
                  f"{wall - env.measure_seconds:.1f} s")

        print(f"\n== 3. best-of-{args.budget} random search (verified speedup over the unoptimized baseline) ==")
        speedups = []
        for b in env.unwrapped.benches if args.budget else ():
            r = random_search(env, b.bench.name, args.budget, seed=0)
            speedups.append(r.speedup or 1.0)
            print(f"{b.bench.name:40s} {r.speedup or float('nan'):8.2f}x  failures {r.failures}")
        if speedups:
            print(f"geomean: {math.exp(statistics.fmean(math.log(s) for s in speedups)):.2f}x over "
                  f"{len(speedups)} benchmarks")

        print("\n== 4. expert action sequences vs PyTorch eager (1 thread, verified) ==")
        by_name = {b.name: b for b in benches}
        for name, seq in EXPERT.items():
            bench = by_name[name]
            env.reset(options={"benchmark": name})
            for kind, sizes in seq:
                _, _, done, _, info = env.step(make_action(env, kind, sizes))
            while not done:
                _, _, done, _, info = env.step(make_action(env))
            if not info.get("verified"):
                print(f"{name}: {info.get('status')}: {info.get('message')}")
                continue
            ms = info["time_ns"] / 1e6
            print(f"{name}: {' -> '.join(k for k, _ in seq)}: {ms:.3f} ms, {bench.flops / ms / 1e6:.1f} GFLOP/s, "
                  f"{info['speedup']:.1f}x over unoptimized")
            inputs = random_inputs([(s.shape, s.dtype) for s in bench.inputs], m.config.seed)
            for label, (tms, _) in torch_ms(bench, inputs).items():
                print(f"  {label:26s}{tms:8.3f} ms  -> env schedule is {tms / ms:.2f}x its speed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
