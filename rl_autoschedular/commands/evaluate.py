"""Evaluate a trained run: the greedy policy of its last checkpoint (or --checkpoint) on benchmarks, measured and
verified. Prints one row per benchmark and the geomean speedup, and appends the rows to RUN_DIR/evaluations.jsonl."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rl_autoschedular.cli import DEFAULT_CACHE, fail


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("run_dir", help="a run directory written by bin/train.py")
    ap.add_argument("--checkpoint", help="a checkpoint file (default: the run's last complete one)")
    ap.add_argument("--split", choices=("eval", "train", "all"), default="eval", help="which benchmarks")
    ap.add_argument("--data", help="evaluate on this dataset folder instead (all its benchmarks)")
    ap.add_argument("--json", action="store_true", help="print one JSON object per benchmark")
    args = ap.parse_args(argv)

    import torch

    from rl_autoschedular.agent.checkpoint import latest_checkpoint
    from rl_autoschedular.agent.inference import load_policy
    from rl_autoschedular.agent.trainer import eval_rows, play, split
    from rl_autoschedular.config import ConfigError
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
    from rl_autoschedular.env.wrappers import MeasurementStatistics
    from rl_autoschedular.execution.measure import Measurer
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_dataset
    from rl_autoschedular.tracking.base import summarize_eval

    run_dir = Path(args.run_dir)
    path = Path(args.checkpoint) if args.checkpoint else latest_checkpoint(run_dir)
    if path is None or not path.is_file():
        return fail(f"{run_dir}: no checkpoint found; train first (bin/train.py) or pass --checkpoint FILE")
    try:
        policy, cfg, ckpt = load_policy(path)
        if args.data:
            benches = load_dataset(args.data)
        else:
            train, evals = split(cfg)
            benches = {"eval": evals, "train": train, "all": train + [b for b in evals if b not in train]}[args.split]
    except (ConfigError, BenchmarkError, ValueError) as exc:
        return fail(f"{path}: {exc}")
    if not benches:
        return fail(f"{run_dir}: the run has no held-out set (its data.eval is empty); pass --split train or "
                    "--data FOLDER")
    with Measurer(cfg.cache_dir or DEFAULT_CACHE, cfg.measure) as measurer:
        env = MlirSchedulingEnv(benches, measurer, cfg.env)
        names = [b.bench.name for b in env.benches]
        envs = [MeasurementStatistics(e) for e in [env] + [env.clone() for _ in names[1:]]]
        _, infos, _ = play(policy, torch.device("cpu"), envs, names, greedy=True)
    measured = sum(e.measurements for e in envs)
    cached = sum(e.cached_measurements for e in envs)
    rows = eval_rows(names, infos)
    for row in rows:
        if args.json:
            print(json.dumps(row))
        else:
            speed = f"{row['speedup']:8.2f}x" if row["speedup"] else "    none "
            print(f"{row['name']:40s} {row['status']:15s} {speed}")
    summary = summarize_eval(rows)
    print(f"geomean {summary['speedup_geomean']:.2f}x, verified {summary['verified_fraction']:.0%} of {len(rows)} "
          f"({measured} measurements, {cached} from the cache; checkpoint {path.name}, {cfg.measure.threads} "
          "thread(s))", file=sys.stderr)
    with open(run_dir / "evaluations.jsonl", "a") as f:
        f.write(json.dumps({"time": time.time(), "checkpoint": path.name, "iteration": ckpt["iteration"],
                            "summary": summary, "rows": rows}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
