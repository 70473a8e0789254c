"""Random, greedy or ranked schedule search on benchmarks, through the RL environment's action space and masks.
Ranked search draws --rank schedules without measuring (the policy's greedy one and samples, and random masked
episodes, half and half), ranks them with the learned cost model and measures the first --budget.

For each benchmark it prints the best verified speedup, the number of measurements, and writes the best schedule
(`NAME.schedule.json` for `bin/measure.py --schedule`, `NAME.transform.mlir` and the `NAME.payload.mlir` it applies
to, for `mlir-opt`)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys

from rl_autoschedular.cli import DEFAULT_CACHE, DEFAULT_CHECKPOINT, DEFAULT_COST_MODEL, fail, progress


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", help="a .mlir benchmark or a dataset folder (with manifest.json)")
    ap.add_argument("--method", choices=("random", "greedy", "ranked"), default="random")
    ap.add_argument("--rank", type=int, default=256, help="ranked: schedules drawn per benchmark (default 256)")
    ap.add_argument("--checkpoint", help="ranked: the policy (default the shipped data/pretrained/policy.pt; its "
                                         "env settings replace --interchange-mode)")
    ap.add_argument("--cost-model", help="ranked: the cost model (default data/pretrained/cost_model.pt)")
    ap.add_argument("--budget", type=int, default=32, help="measurements per benchmark (default 32)")
    ap.add_argument("--threads", type=int, default=1, help="OpenMP threads for the timed code (default 1)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the random search (default 0)")
    ap.add_argument("--interchange-mode", choices=("pointers", "swaps"), default="pointers")
    ap.add_argument("--out", default="results/search", help="folder for the best schedules (default results/search)")
    ap.add_argument("--cache-dir", default=str(DEFAULT_CACHE), help=f"results cache (default {DEFAULT_CACHE})")
    ap.add_argument("--json", action="store_true", help="print one JSON object per benchmark")
    ap.add_argument("--store", help="replay store that receives every measured episode (default replay.sqlite in "
                                    "the cache folder; 'none' keeps none)")
    args = ap.parse_args(argv)
    if args.budget < 1 or args.threads < 1 or args.rank < args.budget:
        return fail("--budget and --threads must be at least 1, and --rank at least --budget")

    from tqdm import tqdm

    from rl_autoschedular.agent.inference import ranked_search
    from rl_autoschedular.config import EnvConfig, MeasureConfig
    from rl_autoschedular.env.replay import ReplayStore
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
    from rl_autoschedular.env.search import greedy_search, random_search, save_schedule
    from rl_autoschedular.execution.measure import Measurer
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_path

    env_cfg, policy, ranker = EnvConfig(interchange_mode=args.interchange_mode), None, None
    try:
        benches = load_path(args.path)
        if args.method == "ranked":
            from rl_autoschedular.agent import cost_model
            from rl_autoschedular.agent.inference import load_policy

            ranker = cost_model.load(args.cost_model or DEFAULT_COST_MODEL)
            checkpoint = args.checkpoint or DEFAULT_CHECKPOINT
            try:
                policy, cfg, _ = load_policy(checkpoint)
            except ValueError as exc:
                return fail(f"{checkpoint}: {exc}")
            env_cfg = cfg.env.model_copy(update={"reward_mode": "final"})
    except (BenchmarkError, ValueError) as exc:
        return fail(str(exc))
    store_path = args.store or f"{args.cache_dir}/replay.sqlite"
    with Measurer(args.cache_dir, MeasureConfig(threads=args.threads)) as measurer, \
            (contextlib.nullcontext() if store_path == "none" else ReplayStore(store_path)) as store:
        try:
            env = MlirSchedulingEnv(benches, measurer, env_cfg)
        except ValueError as exc:
            return fail(f"{args.path}: {exc}")
        for name, why in env.skipped.items():
            print(f"note: {name}: ops skipped (the encoding cannot hold them): {why}", file=sys.stderr)
        for b in progress(env.benches, f"{args.method} search"):
            name = b.bench.name
            if args.method == "random":
                result = random_search(env, name, args.budget, seed=args.seed, store=store)
            elif args.method == "ranked":
                result = ranked_search(policy, env, name, ranker, args.rank, args.budget, args.seed, store)
            else:
                result = greedy_search(env, name, args.budget, store=store)
            files = save_schedule(env, result, args.out)
            row = {"name": name, "method": args.method, "speedup": result.speedup,
                   "verified": result.best is not None, "measurements": result.measurements,
                   "failures": result.failures, "threads": args.threads,
                   "time_ns": result.best.time_ns if result.best else None,
                   "baseline_ns": result.best.baseline_ns if result.best else None,
                   "schedule_file": files.get("schedule"), "script_file": files.get("script"),
                   "payload_file": files.get("payload")}
            if args.json:
                print(json.dumps(row), flush=True)
            else:
                speed = f"{result.speedup:8.2f}x" if result.speedup else "   none  "
                tqdm.write(f"{name:40s} best {speed}  {result.measurements:4d} measurements  "
                           f"{files.get('schedule', '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
