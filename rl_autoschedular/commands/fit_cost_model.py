"""Fit the learned cost model (agent/cost_model.py) on every verified 1-thread measurement of a results cache, and
report how well it ranks schedules of benchmarks it never saw.

Training takes the measurements of the `--train` dataset's benchmarks only; those of `--heldout` (default
data/eval, the held-out set of bench_learning) are never fitted, and the printed correlations come from them. Nothing
is measured here: run training or searches first to fill the cache."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rl_autoschedular.cli import DEFAULT_CACHE, fail

DEFAULT_OUT = Path("data/pretrained/cost_model.pt")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cache", default=str(DEFAULT_CACHE / "results.sqlite"),
                    help=f"the results cache (default {DEFAULT_CACHE / 'results.sqlite'})")
    ap.add_argument("--train", default="data/train", help="dataset whose measurements are fitted (default data/train)")
    ap.add_argument("--heldout", default="data/eval",
                    help="dataset whose measurements only judge the model (default data/eval; '' skips)")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help=f"where to write the model (default {DEFAULT_OUT})")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.epochs < 1:
        return fail(f"--epochs {args.epochs}: give at least 1")
    if not Path(args.cache).is_file():
        return fail(f"{args.cache}: results cache not found; bin/train.py, bin/search.py and the benchmarks write "
                    "one")

    from rl_autoschedular.agent import cost_model
    from rl_autoschedular.execution.cache import ResultsCache
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_dataset

    try:
        train = load_dataset(args.train)
        heldout = load_dataset(args.heldout) if args.heldout else []
    except BenchmarkError as exc:
        return fail(str(exc))
    overlap = {b.ir_hash for b in train} & {b.ir_hash for b in heldout}
    if overlap:
        return fail(f"{args.train} and {args.heldout} share {len(overlap)} benchmarks; held-out code must be unseen")
    cache = ResultsCache(args.cache)
    try:
        fit_on = cost_model.samples_from_cache(cache, train)
        judge = cost_model.samples_from_cache(cache, heldout)
    finally:
        cache.close()
    if len(fit_on) < 50:
        return fail(f"{args.cache}: {len(fit_on)} verified measurements of {args.train}'s benchmarks; fit needs at "
                    "least 50 (train or search on that dataset first)")
    model = cost_model.fit(fit_on, epochs=args.epochs, seed=args.seed)
    report = {"cache": str(args.cache), "train": args.train, "heldout": args.heldout, "epochs": args.epochs,
              "fitted": cost_model.rank_correlation(model, fit_on)}
    if judge:
        report["heldout_scores"] = cost_model.rank_correlation(model, judge)
    for label, key in (("fitted", "fitted"), ("held-out", "heldout_scores")):
        if key in report:
            r = report[key]
            print(f"{label:9s}: {r['samples']} measurements of {r['benchmarks']} benchmarks; Spearman within a "
                  f"benchmark {r['per_benchmark_spearman']:.3f}, pooled {r['pooled_spearman']:.3f}; the top-ranked "
                  f"schedule reaches {r['top1_share_of_best']:.0%} of the best measured speedup (a random pick "
                  f"{r['random_share_of_best']:.0%})")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    cost_model.save(model, out, report)
    out.with_suffix(".report.json").write_text(json.dumps(report, indent=1) + "\n")
    print(f"wrote {out} and {out.with_suffix('.report.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
