"""Train the scheduling agent with PPO on measured, verified speedups.

A run writes results/run_<name>_<time>/ (or --run-dir): config.json and the git commit, metrics.jsonl (one line per
iteration), eval.jsonl (per-benchmark results of each evaluation), checkpoints/, and mlflow_run_id: its run in the
MLflow store that all runs of the results folder share (results/mlflow.db, or $MLFLOW_TRACKING_URI).
Every episode also goes to the replay store (replay.sqlite in the results cache, or the config's replay.path), the
input of bin/train_offline.py.
--resume RUN_DIR continues from that run's last checkpoint."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path

from rl_autoschedular.cli import DEFAULT_CACHE, fail


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--config", help="run config (JSON), e.g. config/quick.json")
    ap.add_argument("--resume", metavar="RUN_DIR", help="continue this run from its last checkpoint")
    ap.add_argument("--run-dir", help="run directory of a new run (default results/run_<name>_<time>)")
    ap.add_argument("--iterations", type=int, help="override the config's iteration count")
    args = ap.parse_args(argv)

    from rl_autoschedular.config import ConfigError, load_config
    from rl_autoschedular.ir.benchmarks import BenchmarkError

    if args.resume:
        run_dir = Path(args.resume)
        config_path = Path(args.config) if args.config else run_dir / "config.json"
        if not run_dir.is_dir():
            return fail(f"{run_dir}: run directory not found; --resume takes a folder written by bin/train.py")
    elif args.config:
        config_path = Path(args.config)
        run_dir = None
    else:
        return fail("give --config FILE (a new run) or --resume RUN_DIR")
    # Everything the user gave is checked before a run directory exists: a bad config or benchmark leaves none.
    try:
        cfg = load_config(config_path)
    except ConfigError as exc:
        return fail(str(exc))
    if args.iterations is not None:
        if args.iterations < 1:
            return fail(f"--iterations {args.iterations}: give at least 1")
        cfg = cfg.model_copy(update={"iterations": args.iterations})  # model_copy does not validate: checked above

    from rl_autoschedular.agent.trainer import Trainer, git_commit, split
    from rl_autoschedular.execution.measure import Measurer

    try:
        train, evals = split(cfg)
    except ConfigError as exc:
        return fail(f"{config_path}: {exc}")
    except BenchmarkError as exc:
        return fail(str(exc))

    if run_dir is None:
        run_dir = Path(args.run_dir or Path(cfg.results_dir) / f"run_{cfg.name}_{time.strftime('%Y%m%d-%H%M%S')}")
        if (run_dir / "checkpoints").is_dir():
            return fail(f"{run_dir}: already holds a run; pass --resume {run_dir} to continue it")
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / "config.json").write_text(json.dumps(cfg.model_dump(), indent=1) + "\n")
    (run_dir / "git_commit").write_text(git_commit() + "\n")
    print(f"run directory: {run_dir}", file=sys.stderr)
    cache_dir = cfg.cache_dir or DEFAULT_CACHE
    # Past this point an exception is a fault of ours, not of the input: its traceback is shown.
    from rl_autoschedular.env.replay import ReplayStore

    with Measurer(cache_dir, cfg.measure) as measurer, contextlib.ExitStack() as stack, \
            ReplayStore(cfg.replay.path or Path(cache_dir) / "replay.sqlite") as store:
        prefetch = None
        if cfg.cluster.mode != "local" or cfg.cluster.workers > 1:
            # Dask workers measure each step's schedules in parallel into the shared cache; the envs' own
            # measurer then finds them there.
            from rl_autoschedular.cluster.dask_measurer import ClusterMeasurer, cluster_client

            client = stack.enter_context(cluster_client(cfg.cluster))
            cm = stack.enter_context(ClusterMeasurer(client, {b.name: b for b in train + evals}, cache_dir,
                                                     cfg.measure, cfg.cluster.retries))
            prefetch = lambda items: cm.measure_batch([(b.name, s) for b, s in items], progress=False)  # noqa: E731
            print(f"measuring on Dask: {client.dashboard_link or client.scheduler.address} "
                  f"({cfg.cluster.mode}, {cfg.cluster.workers} workers)", file=sys.stderr)
        Trainer(cfg, run_dir, measurer, resume=bool(args.resume), prefetch=prefetch,
                benchmarks=(train, evals), store=store).train()
    print(f"done: {run_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
