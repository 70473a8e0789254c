#!/usr/bin/env python3
"""Benchmark of the RL environment on the bundled suite. Prints:

1. env steps per second over random masked episodes, with a cold cache and again with a warm one (same episodes);
2. the share of wall time spent in measurement versus everything else (cold cache);
3. the best-of-N random-search geomean speedup over the unoptimized baseline (N = 32 by default), verified;
4. expert action sequences, written as plain env actions, one per block family of `data/families`, next to PyTorch
   eager on 1 thread, with the geomean (target: at least 1.0x).

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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the repository's packages importable

from rl_autoschedular.config import EnvConfig, MeasureConfig  # noqa: E402
from rl_autoschedular.env.prior import Machine  # noqa: E402
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv  # noqa: E402
from rl_autoschedular.env.search import make_action, random_search, sample_action  # noqa: E402
from rl_autoschedular.env.wrappers import MeasurementStatistics  # noqa: E402
from rl_autoschedular.execution import external  # noqa: E402
from rl_autoschedular.execution.job import random_inputs  # noqa: E402
from rl_autoschedular.execution.measure import Measurer  # noqa: E402
from rl_autoschedular.ir.benchmarks import load_dataset  # noqa: E402

# Expert schedules as env actions, one list per benchmark of data/families, in the env's op order (consumers
# first; ops left over end with NT): (type, tile sizes per loop[, interchange]). The register tiles suit AVX2's 16
# ymm registers: a 4x16 f32 accumulator is 8 of them (8x32, tuned for AVX-512, spills on AVX2 and runs 2.5x slower).
# On AVX-512 the convolutions and the linear layer measured the same with 4x16 and 4x32; attention's batch_matmul
# did not, so its tile is two vectors wide on either machine.
# Loops: conv after L (n, oh, ow, f, kh, kw, c); NCHW conv (n, f, oh, ow, c, kh, kw); NCHW depthwise conv (n, oh, ow,
# c, kh, kw); NCHW pooling (n, c, oh, ow, kh, kw), after L (n, oh, ow, c, kh, kw).
_ROW, _RED, _V, _NT = ("T", (1, 128)), ("T", (1, 256)), ("V", ()), ("NT", ())
_ELEM32 = ("T", (1, 1, 32))  # 32-lane tiles of a rank-3 elementwise op
_LANES = Machine.detect().vector_bytes // 4  # f32 lanes of a vector register
EXPERT = {
    # The ReLU after the relaid conv's transpose stays a separate pass.
    "conv_bias_relu": [_NT, ("L", ()), ("T", (0, 1, 0, 0, 0, 0, 0)), ("T", (0, 0, 4, 16, 1, 1, 1)), ("V", ())],
    # Stride 2: im2col copies a quarter of what it would at stride 1, and the conv becomes a matmul (f, oh*ow,
    # c*kh*kw) = (128, 784, 1152) with 4x16 register tiles: 3.1 ms, against 3.6 through the layout change.
    # With 16 lanes the layout change wins instead: a row at a time, 4 pixels by two vectors of filters, 2.31 ms
    # against 2.45.
    "conv_s2": [("IM2COL", ()), ("T", (0, 64, 16, 64)), ("T", (0, 4, 0, 1)), _V] if _LANES == 8 else
               [("L", ()), ("T", (0, 1, 0, 0, 0, 0, 0)), ("T", (0, 0, 4, 2 * _LANES, 1, 1, 1)), _V],
    # A 1x1 window: im2col is a plain copy and the conv a matmul (f, oh*ow, c) with contiguous columns; 3136
    # columns split into 64s. 1.67 ms through the layout change, 1.9 ms as NCHW 8x8 register tiles, 1.27 ms so.
    "conv_1x1": [("IM2COL", ()), ("T", (0, 0, 64, 32)), ("T", (0, 4, 16, 1)), _V],
    # Channels outermost, (channel, row) and the 3x3 window tiled to 1: V folds the unit loops away and vectorizes
    # rows of 56 (NCHW has no 1-D decomposition upstream). 0.58 ms as loops, 0.27 ms so.
    "depthwise_conv": [("I", (), (0, 3, 1, 2, 4, 5)), ("T", (0, 1, 1, 0, 1, 1)), _V],
    # bias + GELU (merged at load), then the matmul: all rows, B's 256x128 tiles packed (P), 4x16 register tiles.
    # Fusing the matmul into the GELU's tiles (TPF) measured 9.6 ms against 8.6-9.0 ms unfused.
    "linear_gelu": [("T", (4, 128)), _V, ("T", (0, 128, 256)), ("P", ()), ("T", (4, 16, 1)), _V],
    # One head at a time. Packing B (P) paid on AVX2; with 16 lanes the 4x32 tile ran 0.233 ms unpacked, 0.245 packed.
    "attention_bmm": [("T", (1, 0, 0, 0)), *[("P", ())] * (_LANES == 8), ("T", (0, 4, 2 * _LANES, 1)), _V],
    # division, row sum, exp(x - max) (merged at load), row max (its dead argmax is dropped at load)
    "softmax": [_ELEM32, _V, ("T", (1, 8, 0)), _V, _ELEM32, _V, ("T", (1, 8, 0)), _V],
    # After the load-time merges: the normalisation tail (one op), the per-row rsqrt and f32 mean (128 elements each:
    # left alone), the f32 row sum, the f64 variance sum and the f64 row sum, both reading the f32 input with the
    # upcast merged in (a casting body vectorizes 64 lanes at most), and the f64 mean between them.
    "layer_norm": [_ROW, _V, _NT, _NT, _RED, _V, ("T", (1, 64)), _V, _NT, ("T", (1, 64)), _V],
    # NHWC, 4 pixels by two vectors of channels, the window a step at a time: 0.92 ms as NCHW rows, 0.43 so.
    "maxpool_pad": [("L", ()), ("T", (0, 1, 0, 0, 0, 0)), ("T", (0, 0, 4, 2 * _LANES, 1, 1)), _V],
    "small_add": [("FLAT", ()), ("T", (32,)), _V],
    "small_relu_f64": [("FLAT", ()), ("T", (16,)), _V],
    "small_maxpool": [("T", (1, 1, 1, 0, 1, 0)), _V],
}


def geomean(xs: list[float]) -> float:
    """Geometric mean of positive ratios."""
    return math.exp(statistics.fmean(math.log(x) for x in xs))


def play_expert(env, name: str, seq: list[tuple]) -> dict:
    """Play `seq` on benchmark `name`, then NT for every op it leaves; the final step's info."""
    env.reset(options={"benchmark": name})
    done, info = False, {}
    for kind, sizes, *perm in seq:
        if done:
            raise ValueError(f"{name}: the expert sequence is longer than the episode")
        _, _, done, _, info = env.step(make_action(env, kind, sizes, *perm))
        if info.get("invalid_action"):
            raise ValueError(f"{name}: {kind} {sizes} is masked: {info['invalid_action']}")
    while not done:
        _, _, done, _, info = env.step(make_action(env))
    return info


def expert_rows(m: Measurer, families: list) -> None:
    """Section 4: each family's expert sequence against PyTorch eager in the benchmark's own layout, against the
    fastest PyTorch variant (channels_last for NCHW convs and pools), and against IREE llvm-cpu on 1 thread;
    geomeans over the families."""
    env = MlirSchedulingEnv(families, m, EnvConfig())
    ratios: dict[str, list[float]] = {"PyTorch eager in the benchmark's layout": [], "its fastest variant": [],
                                      "IREE llvm-cpu": []}
    print(f"{'family':16s}{'benchmark':38s}{'ours ms':>9s}{'torch ms':>10s}{'vs torch':>9s}{'best torch':>11s}"
          f"{'vs best':>8s}{'IREE ms':>9s}{'vs IREE':>8s}  schedule")
    for bench in families:
        seq = EXPERT.get(bench.family)
        if seq is None:
            print(f"{bench.family:16s}{bench.name:38s}  no expert sequence")
            continue
        info = play_expert(env, bench.name, seq)
        if not info.get("verified"):
            print(f"{bench.family:16s}{bench.name:38s}  {info.get('status')}: {info.get('message')}")
            continue
        ms = info["time_ns"] / 1e6
        inputs = random_inputs([(s.shape, s.dtype) for s in bench.inputs], m.config.seed)
        reference = m.reference(bench)
        torch = [t for t in external.pytorch(bench, inputs, reference) if t.verified]
        if not torch:
            print(f"{bench.family:16s}{bench.name:38s}  no verified PyTorch time")
            continue
        t_own, t_best = torch[0].ms, min(t.ms for t in torch)
        iree = external.iree(bench, inputs, reference)
        ratios["PyTorch eager in the benchmark's layout"].append(t_own / ms)
        ratios["its fastest variant"].append(t_best / ms)
        if not iree.verified:
            iree_text = f"{'-':>9s}{'-':>8s}"
            print(f"  IREE: {iree.message}")
        else:
            ratios["IREE llvm-cpu"].append(iree.ms / ms)
            iree_text = f"{iree.ms:9.3f}{iree.ms / ms:7.2f}x"
        print(f"{bench.family:16s}{bench.name:38s}{ms:9.3f}{t_own:10.3f}{t_own / ms:8.2f}x{t_best:11.3f}"
              f"{t_best / ms:7.2f}x{iree_text}  {' '.join(k for k, *_ in seq)}")
    for label, xs in ratios.items():
        if xs:
            print(f"geomean over {len(xs)} families vs {label}: {geomean(xs):.2f}x")


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
    ap.add_argument("--families", default=str(ROOT / "data" / "families"),
                    help="block-family suite for the expert sequences (default data/families; '' skips)")
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
            print(f"geomean: {geomean(speedups):.2f}x over "
                  f"{len(speedups)} benchmarks")

        print("\n== 4. expert action sequences per block family vs PyTorch eager (1 thread, verified) ==")
        if args.families:
            families = load_dataset(args.families)
            for b in families:
                m.baseline(b)
            expert_rows(m, families)
    return 0


if __name__ == "__main__":
    sys.exit(main())
