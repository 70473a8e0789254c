#!/usr/bin/env python3
"""Does the agent learn? Trains from scratch on a small fixed subset of the bundled benchmarks for a fixed budget,
then evaluates on other benchmarks it never trained on (held out; the two lists must be disjoint), and prints
three geomean speedups over the unoptimized baseline on the held-out benchmarks, each from verified outputs on
1 thread:

1. the greedy policy at iteration 0 (untrained);
2. the greedy policy at the end of training;
3. best-of-N random search with the same number of measurements as training used (N per held-out benchmark);
4. the heuristic prior's schedule alone (rl_autoschedular/agent/prior.py: one schedule, no search, no learning).

A failed schedule counts as 1.0x (the baseline is kept). Every figure is measured here, now, with a fresh cache.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from rl_autoschedular.agent.prior import HeuristicPrior, prior_episode
from rl_autoschedular.agent.trainer import Trainer
from rl_autoschedular.config import RunConfig
from rl_autoschedular.env.search import random_search
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.tracking.base import summarize_eval

ROOT = Path(__file__).resolve().parent.parent

TRAIN = ["matmul_128x768x768", "matmul_256x1024x512", "conv2d_nhwc_128x28x28_k3", "maxpool_nhwc_256x28x28_k2_s2"]
# The same families at other shapes: what the policy learned must carry over to benchmarks it has not seen.
HELD_OUT = ["matmul_196x1536x384", "conv2d_nhwc_256x14x14_k1_f1024", "maxpool_nhwc_64x112x112_k3_s2"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iterations", type=int, default=40)
    ap.add_argument("--episodes", type=int, default=8, help="episodes per iteration")
    ap.add_argument("--model-type", choices=("lstm", "distilbert"), default="lstm")
    ap.add_argument("--train", nargs="+", default=TRAIN, help="benchmarks to train on")
    ap.add_argument("--eval", nargs="+", default=HELD_OUT, help="held-out benchmarks to evaluate on (not in --train)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--learning-rate", type=float, default=1e-3)
    ap.add_argument("--ent-coef", type=float, default=0.01)
    ap.add_argument("--prior-episodes", type=float, default=0.0,
                    help="share of the first iteration's episodes the heuristic prior plays (ppo.prior_episodes)")
    args = ap.parse_args()
    both = sorted(set(args.train) & set(args.eval))
    if both:
        ap.error(f"--eval must hold benchmarks not trained on; also in --train: {', '.join(both)}")

    cfg = RunConfig.model_validate({
        "name": "learning", "seed": args.seed, "iterations": args.iterations, "eval_every": args.iterations,
        "checkpoint_every": args.iterations, "device": "cpu",
        "data": {"dataset": str(ROOT / "data" / "test"), "train": args.train, "eval": args.eval},
        "measure": {"timing": {"warmup": 1, "min_runs": 5, "max_runs": 50, "target_seconds": 0.1}},
        "model": {"model_type": args.model_type},
        "ppo": {"episodes_per_iteration": args.episodes, "minibatch_size": 16,
                "learning_rate": args.learning_rate, "ent_coef": args.ent_coef,
                "prior_episodes": args.prior_episodes},
        "tracking": {"backends": ["jsonl"]},
    })
    with tempfile.TemporaryDirectory() as tmp, Measurer(Path(tmp) / "cache", cfg.measure) as m:
        trainer = Trainer(cfg, Path(tmp) / "run", m)
        start = trainer.evaluate()
        trainer.train()
        end = [json.loads(line) for line in (Path(tmp) / "run" / "eval.jsonl").read_text().splitlines()][-1]["rows"]
        budget = args.iterations * args.episodes
        per_bench = max(1, budget // len(args.eval))
        searched, prior = [], []
        for name in args.eval:
            r = random_search(trainer.eval_env, name, per_bench, seed=args.seed)
            searched.append({"name": name, "speedup": r.speedup})
            info = prior_episode(trainer.eval_env, name, HeuristicPrior(cfg.measure.threads))
            prior.append({"name": name, "speedup": info.get("speedup") if info.get("verified") else None})

    print(f"training: {args.iterations} iterations x {args.episodes} episodes = {budget} measured episodes on "
          f"{len(args.train)} benchmarks ({args.model_type} encoder, lr {args.learning_rate}, "
          f"ent_coef {args.ent_coef}, prior episodes {args.prior_episodes}, 1 thread)")
    print(f"trained on: {', '.join(args.train)}")
    print(f"evaluated on (held out, never trained on): {', '.join(args.eval)}")
    print(f"{'held-out benchmark':36s} {'iteration 0':>12s} {'trained':>10s} {'random best-of-' + str(per_bench):>20s}"
          f" {'prior alone':>12s}")
    for a, b, c, d in zip(start, end, searched, prior):
        cells = [f"{(r['speedup'] or float('nan')):.2f}x" for r in (a, b, c, d)]
        print(f"{a['name']:36s} {cells[0]:>12s} {cells[1]:>10s} {cells[2]:>20s} {cells[3]:>12s}")
    g0, g1, gr, gp = (summarize_eval(rows)["speedup_geomean"] for rows in (start, end, searched, prior))
    print(f"{'geomean':36s} {g0:11.2f}x {g1:9.2f}x {gr:19.2f}x {gp:11.2f}x")
    verdict = "beats" if g1 > gr else "does NOT beat"
    print(f"On held-out benchmarks, the trained greedy policy {verdict} best-of-{per_bench} random search at the "
          f"same budget ({g1:.2f}x vs {gr:.2f}x).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
