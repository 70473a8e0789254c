#!/usr/bin/env python3
"""Does the agent learn, and does what it learns carry over to code it never saw? Trains a policy on part of
data/train with the recipe of config/learning.json (behaviour cloning of the heuristic prior, then PPO on measured
rewards; or takes --checkpoint instead), then measures on held-out benchmarks of data/eval (no structural hash in
common with data/train), per benchmark and in geomean over the unoptimized MLIR, 1 thread, every output verified and
a failure counted as 1.0x (the user keeps the unoptimized program):

  agent greedy        the trained policy's one schedule (one forward pass, no search)
  agent best-of-8/32  agent-guided search: the greedy schedule and 7 / 31 other distinct ones sampled from the
                      policy (each measured once; at higher temperatures when it proposes too few)
  random best-of-8/32/100   random masked search (one seeded run: each best-of-k is its first k episodes)
  greedy search       greedy search over single actions, 32 measurements
  prior alone         the heuristic prior's schedule (env/prior.py: rules, one measurement)

and, with the learned cost model (agent/cost_model.py, fitted by bin/fit_cost_model.py on data/train's measurements
only; default data/pretrained/cost_model.pt), --candidates schedules drawn without measuring, ranked by it:

  agent+CM top-1      the top-ranked of the policy's greedy schedule and samples (one measurement)
  agent+CM best-of-32 the 32 top-ranked of them, measured
  random+CM best-of-32  the same from random masked episodes (is the gain the model's or the policy's?)

It then prints the targets of issue 13 (goals, not tests) with their verdicts, the training cost (wall time,
measurements, measurements per second, cache hit rate) and the learning curve: the held-out greedy geomean at each
evaluation, with approx_kl, clip fraction, entropy and explained variance of that iteration.

The held-out set defaults to a few benchmarks of each family (whole models are left out: one search on them takes
tens of minutes; evaluation/bench_quality.py covers them). Measurements go through the results cache (--cache-dir),
whose key includes the machine, the code and the settings, so a served result is one this code measured here.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the repository's packages importable

from rl_autoschedular.cli import DEFAULT_CACHE, fail, progress  # noqa: E402

COLUMNS = ["agent greedy", "agent best-of-8", "agent best-of-32", "random best-of-8", "random best-of-32",
           "random best-of-100", "greedy search", "prior alone"]
CM_COLUMNS = ["agent+CM top-1", "agent+CM best-of-32", "random+CM best-of-32"]


def stratified(benches: list, families: list[str], per_family: int) -> list:
    """`per_family` benchmarks of each family, spread evenly over each family's benchmarks sorted by name."""
    out = []
    for fam in families:
        group = sorted((b for b in benches if b.family == fam), key=lambda b: b.name)
        step = max(1, len(group) // per_family)
        out += group[::step][:per_family]
    return out


def measure_all(policy, env, names: list[str], threads: int, seed: int, cost_model=None,
                candidates: int = 256) -> list[dict]:
    """Every column of the table on each benchmark: {column: verified speedup or None}."""
    from rl_autoschedular.agent.inference import agent_search, ranked_search
    from rl_autoschedular.env.prior import HeuristicPrior, prior_episode
    from rl_autoschedular.env.search import greedy_search, random_search

    rows = []
    for name in progress(names, "held-out benchmarks"):
        best8, greedy, _ = agent_search(policy, env, name, 8, seed)
        best32, _, _ = agent_search(policy, env, name, 32, seed)
        row = {"name": name, "agent greedy": greedy.speedup if greedy is not None and greedy.verified else None,
               "agent best-of-8": best8.speedup, "agent best-of-32": best32.speedup}
        for k in (8, 32, 100):
            row[f"random best-of-{k}"] = random_search(env, name, k, seed=seed).speedup
        row["greedy search"] = greedy_search(env, name, 32).speedup
        info = prior_episode(env, name, HeuristicPrior(threads))
        row["prior alone"] = info.get("speedup") if info.get("verified") else None
        if cost_model is not None:
            row["agent+CM top-1"] = ranked_search(policy, env, name, cost_model, candidates, 1, seed).speedup
            row["agent+CM best-of-32"] = ranked_search(policy, env, name, cost_model, candidates, 32, seed).speedup
            row["random+CM best-of-32"] = ranked_search(None, env, name, cost_model, candidates, 32, seed).speedup
        rows.append(row)
    return rows


def geomean(rows: list[dict], column: str) -> float:
    """Geomean speedup of a column, a failure counted as 1.0x."""
    return math.exp(sum(math.log(r[column] or 1.0) for r in rows) / len(rows))


def training_report(run_dir: Path, wall_s: float) -> tuple[dict, list[dict]]:
    """(training cost, learning curve) from the run's metrics.jsonl and eval.jsonl."""
    metrics = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]
    ppo = {m["iteration"]: m for m in metrics if "approx_kl" in m}
    measured = sum(m["measurements"] for m in ppo.values())
    fresh = sum(m["measurements"] * (1 - m["cache_hit_rate"]) for m in ppo.values())
    rollout_s = sum(m["rollout_s"] for m in ppo.values())
    cost = {"wall_s": wall_s, "iterations": len(ppo), "measurements": measured,
            "measurements_per_s": measured / rollout_s if rollout_s else 0.0,
            "cache_hit_rate": 1 - fresh / measured if measured else 0.0}
    curve = []
    for line in (run_dir / "eval.jsonl").read_text().splitlines():
        ev = json.loads(line)
        m = ppo.get(ev["iteration"], {})
        curve.append({"iteration": ev["iteration"], "eval_geomean": ev["summary"]["speedup_geomean"],
                      **{k: m.get(k) for k in ("approx_kl", "clip_fraction", "entropy", "explained_variance")}})
    return cost, curve


def train_once(cfg, iterations: int, seed: int, run_dir: Path, measurer, train: list, evals: list):
    """(trainer, wall seconds) of one training run in a fresh `run_dir`, with a replay store of its own so that the
    run learns only from what it measured itself."""
    import shutil

    from rl_autoschedular.agent.trainer import Trainer
    from rl_autoschedular.env.replay import ReplayStore

    cfg = cfg.model_copy(update={"iterations": iterations, "seed": seed, "device": "cpu",
                                 "eval_every": max(1, iterations // 3), "checkpoint_every": iterations,
                                 "tracking": cfg.tracking.model_copy(update={"backends": ["jsonl"]})})
    shutil.rmtree(run_dir, ignore_errors=True)
    t0 = time.perf_counter()
    with ReplayStore(run_dir / "replay.sqlite") as store:
        trainer = Trainer(cfg, run_dir, measurer, benchmarks=(train, evals), store=store)
        trainer.train()
    return trainer, time.perf_counter() - t0


def print_report(rows: list[dict], cost: dict | None, curve: list[dict], what: str) -> None:
    width = max(len(r["name"]) for r in rows) + 2
    columns = COLUMNS + [c for c in CM_COLUMNS if c in rows[0]]
    print(f"\n{what}\n")
    print(f"{'held-out benchmark':{width}s}" + "".join(f"{c:>21s}" for c in columns))
    for r in rows:
        print(f"{r['name']:{width}s}" + "".join(f"{(r[c] or 1.0):20.2f}{'x' if r[c] else '!'}" for c in columns))
    g = {c: geomean(rows, c) for c in columns}
    print(f"{'geomean (' + str(len(rows)) + ')':{width}s}" + "".join(f"{g[c]:20.2f}x" for c in columns))
    print("(! = no verified schedule, counted as 1.0x)\n")
    ratios = [("agent greedy / random best-of-32", g["agent greedy"] / g["random best-of-32"], 1.0),
              ("agent best-of-32 / random best-of-32", g["agent best-of-32"] / g["random best-of-32"], 1.3),
              ("agent greedy / random best-of-100 (long-term)", g["agent greedy"] / g["random best-of-100"], 1.0),
              ("agent greedy / prior alone", g["agent greedy"] / g["prior alone"], None)]
    if "agent+CM top-1" in g:
        ratios += [("agent+CM top-1 / random best-of-32", g["agent+CM top-1"] / g["random best-of-32"], 1.0),
                   ("agent+CM best-of-32 / random best-of-32", g["agent+CM best-of-32"] / g["random best-of-32"],
                    1.3),
                   ("agent+CM best-of-32 / random+CM best-of-32",
                    g["agent+CM best-of-32"] / g["random+CM best-of-32"], None)]
    for label, value, target in ratios:
        verdict = "" if target is None else f"target >= {target}x: {'met' if value >= target else 'NOT met'}"
        print(f"{label:50s} {value:6.2f}x  {verdict}")
    if cost:
        print(f"\ntraining cost: {cost['wall_s'] / 60:.1f} min wall, {cost['iterations']} iterations, "
              f"{cost['measurements']} measurements, {cost['measurements_per_s']:.2f} measurements/s while "
              f"rolling out, cache hit rate {cost['cache_hit_rate']:.0%}")
    if curve:
        print("learning curve (held-out greedy geomean at each evaluation, and that iteration's PPO diagnostics):")
        for c in curve:
            diag = "  ".join(f"{k} {c[k]:.3f}" for k in ("approx_kl", "clip_fraction", "entropy",
                                                         "explained_variance") if c[k] is not None)
            print(f"  iteration {c['iteration']:3d}: {c['eval_geomean']:.2f}x  {diag}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default=str(ROOT / "config" / "learning.json"), help="training recipe (default "
                                                                                  "config/learning.json)")
    ap.add_argument("--iterations", type=int, default=12, help="PPO iterations (default 12)")
    ap.add_argument("--train-per-family", type=int, default=6, help="training benchmarks per family of data/train")
    ap.add_argument("--eval-families", default="op,lqcd,block,random", help="families of data/eval to hold out")
    ap.add_argument("--eval-per-family", type=int, default=2, help="held-out benchmarks per family (default 2)")
    ap.add_argument("--checkpoint", help="evaluate this policy instead of training one (no training cost then)")
    ap.add_argument("--seeds", default="0", help="comma-separated training seeds (default 0); with more than one, "
                                                  "each trains anew and the spread of their final held-out greedy "
                                                  "geomean is printed; the table is the first seed's")
    ap.add_argument("--cost-model", default=str(ROOT / "data" / "pretrained" / "cost_model.pt"),
                    help="learned cost model for the +CM columns (default data/pretrained/cost_model.pt; '' skips)")
    ap.add_argument("--candidates", type=int, default=256,
                    help="schedules drawn without measuring for each +CM column (default 256)")
    ap.add_argument("--cache-dir", default=str(DEFAULT_CACHE), help=f"results cache (default {DEFAULT_CACHE})")
    ap.add_argument("--run-dir", default=str(ROOT / "results" / "bench_learning"), help="the training run's folder "
                                                                                          "(replaced)")
    args = ap.parse_args(argv)
    if min(args.iterations, args.train_per_family, args.eval_per_family) < 1:
        return fail("--iterations, --train-per-family and --eval-per-family must be at least 1")
    try:
        seeds = [int(s) for s in args.seeds.split(",")]
    except ValueError:
        return fail(f"--seeds {args.seeds}: give comma-separated integers, e.g. 0,1,2")

    import numpy as np

    from rl_autoschedular.agent import cost_model
    from rl_autoschedular.agent.inference import load_policy
    from rl_autoschedular.config import ConfigError, load_config
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
    from rl_autoschedular.execution.measure import Measurer
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_dataset

    try:
        if args.checkpoint:
            policy, cfg, _ = load_policy(args.checkpoint)
        else:
            cfg = load_config(args.config)
        train_all, eval_all = load_dataset(ROOT / "data" / "train"), load_dataset(ROOT / "data" / "eval")
        ranker = cost_model.load(args.cost_model) if args.cost_model else None
    except (ConfigError, BenchmarkError, ValueError) as exc:
        return fail(str(exc))
    families = args.eval_families.split(",")
    evals = stratified(eval_all, families, args.eval_per_family)
    if not evals:
        return fail(f"--eval-families {args.eval_families}: no such family in data/eval")
    run_dir = Path(args.run_dir)
    cost, curve, finals = None, [], {}
    with Measurer(args.cache_dir, cfg.measure) as m:
        if not args.checkpoint:
            train = stratified(train_all, sorted({b.family for b in train_all}), args.train_per_family)
            for seed in seeds:
                seed_dir = run_dir / f"seed_{seed}"
                trainer, wall_s = train_once(cfg, args.iterations, seed, seed_dir, m, train, evals)
                report = training_report(seed_dir, wall_s)
                finals[seed] = report[1][-1]["eval_geomean"]
                if seed == seeds[0]:  # the table is the first seed's policy
                    (cost, curve), policy = report, trainer.policy.eval()
            what = (f"trained {args.iterations} iterations x {cfg.ppo.episodes_per_iteration} episodes on {len(train)} "
                    f"benchmarks of data/train ({args.config}, seed {seeds[0]}), held out {len(evals)} of data/eval")
        else:
            what = f"{args.checkpoint} on {len(evals)} held-out benchmarks of data/eval"
        env = MlirSchedulingEnv(evals, m, cfg.env.model_copy(update={"reward_mode": "final"}))
        rows = measure_all(policy, env, [b.bench.name for b in env.benches], cfg.measure.threads, seeds[0], ranker,
                           args.candidates)
    print_report(rows, cost, curve, what + ", 1 thread, every output verified")
    if len(finals) > 1:
        values = list(finals.values())
        print(f"final held-out greedy geomean over {len(values)} seeds: "
              + ", ".join(f"seed {k} {v:.2f}x" for k, v in finals.items())
              + f"; mean {np.mean(values):.2f}x, std {np.std(values):.2f}, range {min(values):.2f}x to "
                f"{max(values):.2f}x")
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / "bench_learning.json").write_text(json.dumps({"rows": rows, "cost": cost, "curve": curve,
                                                             "final_eval_geomean_by_seed": finals}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
