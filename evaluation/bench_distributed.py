#!/usr/bin/env python3
"""Throughput of distributed measurement: schedules measured per second on compute-bound bundled benchmarks, with
1 and with 2 workers, in local mode (LocalCluster) and in slurm mode (SLURMCluster on the project's single-node
Slurm, started with scripts/slurm_local.sh if `sinfo` does not answer). Prints each figure and the 2-vs-1 ratio
(target: at least 1.7x with 2 workers on 2 cores).

Every configuration gets a fresh, empty cache directory, so nothing is served from the cache. Cluster start-up and
the baselines (measured once per benchmark, in an untimed first batch) are left out of the timed figure: it is the
rate at which a running cluster measures new schedules, which is what training waits on.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from distributed import get_task_stream

from rl_autoschedular.cluster.dask_measurer import ClusterMeasurer, cluster_client
from rl_autoschedular.config import ClusterConfig, MeasureConfig, TimingConfig
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import load_benchmark

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_BENCHMARKS = ("matmul_128x768x768", "matmul_256x1024x512", "conv2d_nhwc_128x28x28_k3", "linear_128x768x768")


def _divisors(bound: int, choices) -> list[int]:
    return [c for c in choices if c <= bound and bound % c == 0]


def schedules(bench, count: int) -> list[Schedule]:
    """`count` distinct two-level tile + vectorize schedules of the benchmark's main (non-fill) op: outer tiles
    of the parallel loops, then register tiles with the reductions tiled by 1 (the shape the hand schedules use)."""
    main = max((o for o in analyze(bench.text) if o.name != "linalg.fill"), key=lambda o: len(o.loops))
    bounds = [loop.bound for loop in main.loops]
    par = [i for i, loop in enumerate(main.loops) if loop.kind == "parallel"]
    # the two innermost parallel loops get varied tiles; outer parallel loops (batch, rows of a conv) get 1
    inner = par[-2:]
    outer_choices = [_divisors(bounds[i], (32, 64, 128, 16))[:3] or [0] for i in inner]
    reg_choices = [_divisors(bounds[inner[0]], (4, 7, 8)) or [1],
                   _divisors(bounds[inner[1]], (16, 32)) or [1]]
    out = []
    for o, r in itertools.product(itertools.product(*outer_choices), itertools.product(*reg_choices)):
        if any(ri > oi > 0 or (oi and oi % ri) for oi, ri in zip(o, r)):
            continue
        l1 = [0] * len(bounds)
        l2 = [1] * len(bounds)
        for i in par:
            l1[i] = 1 if i not in inner else 0
        for i, oi, ri in zip(inner, o, r):
            l1[i], l2[i] = oi, ri
        actions = (Action("tile", tuple(l1)), Action("tile", tuple(l2)), Action("vectorize"))
        out.append(Schedule((OpSchedule(main.tag, actions),)))
        if len(out) == count:
            break
    return out


def run_config(mode: str, workers: int, benches, items, measure_config, log_dir: Path) -> dict:
    cache = Path(tempfile.mkdtemp(prefix=f"bench-distributed-{mode}{workers}-"))
    try:
        cfg = ClusterConfig(mode=mode, workers=workers, memory="2GB", walltime="00:30:00",
                            log_directory=str(log_dir), start_timeout=180)
        t0 = time.perf_counter()
        with cluster_client(cfg) as client, \
                ClusterMeasurer(client, benches, cache, measure_config) as cm:
            started = time.perf_counter() - t0
            cm.measure_batch([(b.name, None) for b in benches], progress=False)  # baselines, untimed
            with get_task_stream(client) as stream:
                t1 = time.perf_counter()
                results = cm.measure_batch(items, progress=False)
                elapsed = time.perf_counter() - t1
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    # Busy share of the worker slots: near 100% means the scheduling keeps every slot fed, so a ratio below 2x
    # comes from the measurements themselves being slower (e.g. other load on the machine), not from Dask.
    busy = sum(ss["stop"] - ss["start"] for task in stream.data for ss in task["startstops"]
               if ss["action"] == "compute")
    return {"mode": mode, "workers": workers, "schedules": len(items), "seconds": elapsed,
            "per_second": len(items) / elapsed, "startup_s": started, "busy": busy / (workers * elapsed),
            "statuses": dict(Counter(r.status for r in results))}


def slurm_available() -> bool:
    try:
        return subprocess.run(["sinfo", "-h"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT / "data" / "test", help="dataset folder")
    ap.add_argument("--benchmarks", nargs="+", default=list(DEFAULT_BENCHMARKS),
                    help="benchmark names (compute-bound ones; default: %(default)s)")
    ap.add_argument("--per-benchmark", type=int, default=12,
                    help="schedules per benchmark (default 12; fewer make the end-of-batch tail weigh more)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    ap.add_argument("--modes", nargs="+", choices=["local", "slurm"], default=["local", "slurm"])
    ap.add_argument("--skip-slurm", action="store_true", help="local mode only")
    ap.add_argument("--fast", action="store_true", help="fewer timed runs per schedule (the tests' timing)")
    ap.add_argument("--json", action="store_true", help="also print one JSON object per configuration")
    args = ap.parse_args()

    benches = [load_benchmark(args.data / f"{name}.mlir") for name in args.benchmarks]
    items = [(b.name, s) for b in benches for s in schedules(b, args.per_benchmark)]
    timing = TimingConfig(warmup=1, min_runs=3, max_runs=10, target_seconds=0.05) if args.fast else TimingConfig()
    measure_config = MeasureConfig(threads=1, timing=timing)
    log_dir = ROOT / "logs" / "dask-workers"

    modes = [m for m in args.modes if not (m == "slurm" and args.skip_slurm)]
    started_slurm = False
    if "slurm" in modes and not slurm_available():
        # No Slurm answers in this environment: use the project's single-node one (started if needed, and
        # stopped at the end only if it was not running before).
        script = ROOT / "scripts" / "slurm_local.sh"
        started_slurm = "slurmctld: running" not in subprocess.run(["bash", str(script), "status"],
                                                                  capture_output=True, text=True).stdout
        out = subprocess.run(["bash", str(script), "start"], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"error: could not start Slurm: {out.stderr.strip()}", file=sys.stderr)
            return 1
        os.environ["SLURM_CONF"] = out.stdout.strip().splitlines()[-1].split("=", 1)[1]

    print(f"{len(items)} schedules on {', '.join(b.name for b in benches)}; {os.cpu_count()} CPUs; "
          f"timing {'fast' if args.fast else 'default'}; 1 thread per measurement")
    print(f"load average before: {os.getloadavg()[0]:.2f} (other work on these cores lowers the ratio)")
    print(f"{'mode':<6} {'workers':>7} {'schedules':>9} {'seconds':>8} {'sched/s':>8} {'busy':>5} {'start s':>8}  "
          "statuses")
    rows = []
    try:
        for mode in modes:
            for w in args.workers:
                row = run_config(mode, w, benches, items, measure_config, log_dir)
                rows.append(row)
                print(f"{mode:<6} {w:>7} {row['schedules']:>9} {row['seconds']:>8.2f} {row['per_second']:>8.2f} "
                      f"{row['busy']:>5.0%} {row['startup_s']:>8.1f}  {row['statuses']}", flush=True)
                if args.json:
                    print(json.dumps(row))
    finally:
        if started_slurm:
            subprocess.run(["bash", str(ROOT / "scripts" / "slurm_local.sh"), "stop"], capture_output=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    for mode in modes:
        rate = {r["workers"]: r["per_second"] for r in rows if r["mode"] == mode}
        for w in sorted(rate):
            if w != min(rate):
                print(f"{mode}: {w} workers / {min(rate)} = {rate[w] / rate[min(rate)]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
