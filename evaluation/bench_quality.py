#!/usr/bin/env python3
"""How good is a trained agent on code it never trained on? Runs `evaluation/evaluate.py` on the held-out set
(data/eval by default, 1 thread) and prints the headline geomeans, each against its target (goals, not tests):

  agent greedy (one forward pass) vs the unoptimized MLIR
  agent greedy vs PyTorch eager                        target >= 1.3x
  agent greedy vs IREE llvm-cpu                        target >= 1.0x
  agent greedy vs the heuristic prior                  (does learning add to the rules it can start from?)
  agent best-of-N vs random search best-of-N           target >= 1.5x (agent-guided search, the same N measurements)

Losses are printed as plainly as wins; every figure is a geomean over the benchmarks where both sides have a
verified time, and the count says how many that is. The full tables are in OUT/summary.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the repository's packages importable

from evaluation import evaluate  # noqa: E402
from rl_autoschedular.cli import DEFAULT_CHECKPOINT  # noqa: E402

HEADLINES = [("agent_greedy", "unoptimized", None), ("agent_greedy", "pytorch", 1.3), ("agent_greedy", "iree", 1.0),
             ("agent_greedy", "prior", None), ("agent_best", "random_best", 1.5)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", default=str(DEFAULT_CHECKPOINT),
                    help="the checkpoint (default: the shipped pretrained policy)")
    ap.add_argument("--data", default=str(ROOT / "data" / "eval"), help="held-out benchmarks (default data/eval)")
    ap.add_argument("--samples", type=int, default=32, help="N of best-of-N (default 32)")
    ap.add_argument("--limit", type=int, help="only the first K benchmarks (a quick look, not the figure)")
    ap.add_argument("--families", help="only these families, e.g. op,lqcd (a quick look, not the figure)")
    ap.add_argument("--out", default=str(ROOT / "results" / "bench_quality"), help="evaluation output folder")
    args = ap.parse_args(argv)
    forwarded = ["--checkpoint", args.checkpoint, "--data", args.data, "--out", args.out, "--threads", "1",
                 "--samples", str(args.samples)] + (["--limit", str(args.limit)] if args.limit else []) + (
        ["--families", args.families] if args.families else [])
    code = evaluate.main(forwarded)
    if code:
        return code
    results = json.loads((Path(args.out) / "results.json").read_text())
    summary = results["summary"]
    subset = f" (a subset: families {args.families or 'all'}, limit {args.limit})" if args.families or args.limit \
        else ""
    print(f"\n== {results['meta']['benchmarks']} held-out benchmarks of {args.data}{subset}, 1 thread, "
          f"N = {args.samples} ==")
    for agent, baseline, target in HEADLINES:
        c = summary[agent]["overall"][baseline]
        figure = f"{c['geomean']:.2f}x" if c["geomean"] else "  -  "
        verdict = "" if target is None or c["geomean"] is None else (
            f"target >= {target}x: {'met' if c['geomean'] >= target else 'NOT met'}")
        print(f"{evaluate.LABELS[agent]:18s} vs {evaluate.LABELS[baseline]:26s} {figure:>7s}  over {c['n']:3d} "
              f"(win {c['win']}, tie {c['tie']}, loss {c['loss']})  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
