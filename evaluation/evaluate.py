#!/usr/bin/env python3
"""Evaluate a trained checkpoint on a dataset against every baseline, side by side, each time verified.

Per benchmark, at one thread count:
  - the unoptimized MLIR;
  - the agent's greedy schedule (one forward pass, one measurement);
  - the agent's best of N (its greedy schedule and N-1 other distinct ones sampled from the policy, at higher
    temperatures when it proposes too few: agent-guided search);
  - random search best-of-N and greedy search with the same N measurements;
  - the heuristic prior's schedule (rl_autoschedular/env/prior.py: rules, one measurement);
  - PyTorch eager on the computation the manifest describes (and channels_last for NCHW convolutions, pools and CNNs);
  - IREE llvm-cpu on the same MLIR (local-sync for 1 thread, local-task for more).

Writes OUT/results.json (one record per benchmark: median, min and max time and the verification of each) and
OUT/summary.md (geomean speedups of the agent over each baseline, per family and overall, with win/tie/loss
counts). A schedule that fails verification is never a speedup: the user keeps the unoptimized program, so the
agent's time is the baseline's there (`fallback` in the JSON).
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

from evaluation.summary import AGENT, LABELS, markdown, summarize  # noqa: E402
from rl_autoschedular.cli import DEFAULT_CACHE, fail, progress  # noqa: E402


def _measured(m, measurements: int | None = None) -> dict:
    """A record of one of our measurements (None: nothing verified was found)."""
    if m is None or not m.verified:
        return {"ms": None, "verified": False, "status": m.status if m else "none",
                "message": m.message if m else "no verified schedule", "measurements": measurements}
    return {"ms": m.time_ns / 1e6, "min_ms": m.min_ns / 1e6 if m.min_ns else None,
            "max_ms": m.max_ns / 1e6 if m.max_ns else None, "runs": m.runs, "verified": True, "status": m.status,
            "message": "outputs match the reference", "measurements": measurements}


def _external(e) -> dict:
    t = e.timing
    return {"executor": e.executor, "ms": t.median_ms if t else None, "min_ms": t.min_ms if t else None,
            "max_ms": t.max_ms if t else None, "runs": t.runs if t else 0, "verified": e.verified,
            "message": e.message}


def op_type(bench) -> str:
    """The benchmark's costliest op (most loop iterations), e.g. `conv_2d_nchw_fchw`, for grouping."""
    from rl_autoschedular.ir.analysis import analyze

    ops = [o for o in analyze(bench.text) if o.name != "linalg.fill"]
    if not ops:
        return "other"
    return max(ops, key=lambda o: math.prod(l.bound for l in o.loops)).name.removeprefix("linalg.")


def evaluate_one(bench, env, measurer, policy, samples: int, threads: int, seed: int) -> dict:
    """Every baseline and the agent on one benchmark; the record results.json holds for it."""
    from rl_autoschedular.agent.inference import agent_search
    from rl_autoschedular.env.prior import HeuristicPrior, prior_episode
    from rl_autoschedular.env.search import greedy_search, random_search
    from rl_autoschedular.execution import external
    from rl_autoschedular.execution.job import random_inputs

    base = measurer.baseline(bench)
    rec = {"name": bench.name, "family": bench.family, "op_type": op_type(bench), "flops": bench.flops,
           "threads": threads, "unoptimized": _measured(base, 1)}
    best, greedy, greedy_schedule = agent_search(policy, env, bench.name, samples, seed)
    rec["agent_greedy"] = {**_measured(greedy, 1), "schedule": greedy_schedule.canonical()}
    rec["agent_best"] = {**_measured(best.best, best.measurements), "failures": best.failures,
                         "schedule": best.schedule.canonical() if best.schedule else None}
    rnd = random_search(env, bench.name, samples, seed=seed)
    rec["random_best"] = {**_measured(rnd.best, rnd.measurements), "failures": rnd.failures}
    grd = greedy_search(env, bench.name, samples)
    rec["greedy_search"] = {**_measured(grd.best, grd.measurements), "failures": grd.failures}
    prior_episode(env, bench.name, HeuristicPrior(threads))
    rec["prior"] = {**_measured(env.last_measurement, 1), "schedule": env.schedule().canonical()}
    inputs = random_inputs([(s.shape, s.dtype) for s in bench.inputs], measurer.config.seed)
    reference = measurer.reference(bench)
    rec["pytorch"] = [_external(e) for e in external.pytorch(bench, inputs, reference, threads)]
    rec["iree"] = _external(external.iree(bench, inputs, reference, threads))
    for key in AGENT:  # a failed schedule leaves the user with the unoptimized program
        rec[key]["fallback"] = rec[key]["ms"] is None
        if rec[key]["fallback"]:
            rec[key]["ms"] = rec["unoptimized"]["ms"]
    return rec


def write_results(out: Path, args, ckpt: dict, samples: int, records: list[dict], refused: dict, skipped: dict,
                  complete: bool) -> tuple[dict, dict]:
    """Write OUT/results.json (meta, summary, one record per benchmark) and its meta and summary; `complete` is
    False while benchmarks remain."""
    meta = {"checkpoint": str(args.checkpoint), "iteration": ckpt["iteration"], "data": str(args.data),
            "threads": args.threads, "samples": samples, "benchmarks": len(records), "complete": complete,
            "refused": refused, "skipped_ops": skipped, "time": time.time()}
    summary = summarize(records) if records else {}
    (out / "results.json").write_text(json.dumps({"meta": meta, "summary": summary, "benchmarks": records},
                                                 indent=1))
    return meta, summary


def track(out: Path, experiment: str, meta: dict, summary: dict) -> None:
    """Log the evaluation as its own run in the shared MLflow store, beside the training runs: its settings, the
    overall geomeans as metrics, and results.json and summary.md as artifacts."""
    from rl_autoschedular.tracking.mlflow_tracker import MlflowTracker
    from rl_autoschedular.tracking.trackers import log_artifacts

    tracker = MlflowTracker(out, experiment)
    tracker.log_params({k: meta[k] for k in ("checkpoint", "iteration", "data", "threads", "samples", "benchmarks")})
    tracker.log_metrics(0, {f"{agent}/vs_{b}": c["geomean"] for agent in AGENT
                            for b, c in summary[agent]["overall"].items() if c["geomean"] is not None})
    tracker.close()
    log_artifacts(out, [out / "results.json", out / "summary.md"], ["mlflow"], folder="evaluation")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True, help="a checkpoint file (RUN_DIR/checkpoints/ckpt_*.pt)")
    ap.add_argument("--data", required=True, help="a dataset folder (with manifest.json, or plain *.mlir files)")
    ap.add_argument("--out", required=True, help="output folder for results.json and summary.md")
    ap.add_argument("--threads", type=int, default=1, help="threads for every executor (default 1)")
    ap.add_argument("--samples", type=int, help="N: measurements per search (default: the checkpoint config's "
                                                "evaluation.samples)")
    ap.add_argument("--only", help="evaluate only these benchmarks (comma-separated names)")
    ap.add_argument("--families", help="evaluate only these families (comma-separated, e.g. op,block,lqcd)")
    ap.add_argument("--limit", type=int, help="evaluate only the first K benchmarks")
    ap.add_argument("--cache-dir", default=str(DEFAULT_CACHE), help=f"results cache (default {DEFAULT_CACHE})")
    args = ap.parse_args(argv)
    if args.threads < 1 or (args.samples is not None and args.samples < 1):
        return fail("--threads and --samples must be at least 1")

    from rl_autoschedular.agent.inference import load_policy
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
    from rl_autoschedular.execution.measure import Measurer
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_dataset

    try:
        policy, cfg, ckpt = load_policy(args.checkpoint)
    except (OSError, ValueError) as exc:
        return fail(f"{args.checkpoint}: not a usable checkpoint: {exc}; pass one written by bin/train.py")
    try:
        benches = load_dataset(args.data)
    except BenchmarkError as exc:
        return fail(str(exc))
    if args.only:
        wanted = args.only.split(",")
        unknown = sorted(set(wanted) - {b.name for b in benches})
        if unknown:
            return fail(f"{args.data}: no benchmark named {', '.join(unknown)}")
        benches = [b for b in benches if b.name in wanted]
    if args.families:
        benches = [b for b in benches if b.family in args.families.split(",")]
    benches = benches[:args.limit]
    samples = args.samples or cfg.evaluation.samples
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    records, refused = [], {}
    measure_cfg = cfg.measure.model_copy(update={"threads": args.threads})
    with Measurer(args.cache_dir, measure_cfg) as measurer:
        try:  # the searches need a measurement at the end of each episode, whatever the run trained with
            env = MlirSchedulingEnv(benches, measurer, cfg.env.model_copy(update={"reward_mode": "final"}))
        except ValueError as exc:
            return fail(f"{args.data}: {exc}")
        for name, why in env.skipped.items():
            print(f"note: {name}: ops left unscheduled (the encoding cannot hold them): {why}", file=sys.stderr)
        for b in progress(env.benches, "evaluate"):
            base = measurer.baseline(b.bench)
            if not base.verified:  # an untrusted reference: nothing can be verified against it
                refused[b.bench.name] = f"{base.status}: {base.message}"
                print(f"note: {b.bench.name} refused: {refused[b.bench.name]}", file=sys.stderr)
                continue
            records.append(evaluate_one(b.bench, env, measurer, policy, samples, args.threads, cfg.seed))
            # After every benchmark, so that a run cut short keeps what it measured (marked incomplete).
            write_results(out, args, ckpt, samples, records, refused, env.skipped, complete=False)
    meta, summary = write_results(out, args, ckpt, samples, records, refused, env.skipped, complete=True)
    if not records:
        return fail(f"{args.data}: no benchmark could be evaluated (refused: {refused})")
    (out / "summary.md").write_text(markdown(summary, meta) + "\n")
    if "mlflow" in cfg.tracking.backends:
        track(out, cfg.tracking.experiment, meta, summary)
    for agent in AGENT:
        cells = ", ".join(f"{LABELS[b]} {c['geomean']:.2f}x" for b, c in summary[agent]["overall"].items()
                          if c["geomean"] is not None)
        print(f"{LABELS[agent]} vs {cells}")
    print(f"wrote {out / 'results.json'} and {out / 'summary.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
