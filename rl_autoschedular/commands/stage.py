"""Stage a benchmark (a single op or a whole network, one .mlir file) with a schedule against its baseline.

Both programs are measured and verified by the execution core first, then each is compiled once into its own
service process answering HTTP on 127.0.0.1 (Starlette on uvicorn). A bounded load generator (httpx) sends them
interleaved requests (A/B/A/B after a few warm-up rounds) and records each request's latency; the reward engine
reports p50/p95/p99 with bootstrap confidence intervals, a Mann-Whitney U test, the reward and the verdict
(improvement, regression or inconclusive). Without --schedule (or with --baseline-vs-baseline) the baseline is
staged against itself: the harness's own noise, which should read inconclusive.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from rl_autoschedular.cli import DEFAULT_CACHE, fail


def _terminate(signum, frame):
    # SIGTERM unwinds like Ctrl-C, so the services are stopped on the way out.
    raise KeyboardInterrupt


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("benchmark",
                    help="a .mlir benchmark: one op, or a whole network from data_generation/nn_to_mlir.py")
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--schedule", help="the candidate: a schedule (.json, as bin/search.py writes it, or "
                                          "bin/optimize.py's report.json) or a transform script (.mlir)")
    which.add_argument("--baseline-vs-baseline", action="store_true",
                       help="stage the baseline against itself (the default without --schedule)")
    ap.add_argument("--requests", type=int, default=200, help="recorded requests per service (default 200)")
    ap.add_argument("--time-limit", type=float, default=120.0,
                    help="seconds of load at most, warm-up included (default 120)")
    ap.add_argument("--warmup", type=int, default=5, help="unrecorded warm-up rounds (default 5)")
    ap.add_argument("--sli", choices=("p50", "p95", "p99"), default="p95",
                    help="the latency percentile rewarded (default p95: a few hundred requests leave p99 resting on "
                         "their top two or three)")
    ap.add_argument("--reward", choices=("canary", "slo"), default="canary",
                    help="canary: log(SLI_baseline / SLI_candidate); slo: log(SLO / SLI_candidate), needs --slo-ms")
    ap.add_argument("--slo-ms", type=float, help="the SLO of the slo reward, in milliseconds")
    ap.add_argument("--alpha", type=float, default=0.05, help="significance level of the comparison (default 0.05)")
    ap.add_argument("--min-effect", type=float, default=0.05,
                    help="smallest relative change of the SLI that counts (default 0.05: two processes running the "
                         "same code differ by a few percent)")
    ap.add_argument("--threads", type=int, default=1, help="OpenMP threads of each service (default 1)")
    ap.add_argument("--seed", type=int, default=0,
                    help="seed of the bootstrap (default 0); the inputs are the measurements' usual seeded ones")
    ap.add_argument("--cache-dir", default=str(DEFAULT_CACHE), help=f"results cache (default {DEFAULT_CACHE})")
    ap.add_argument("--out", help="write the report (with every request's latency) to this JSON file")
    args = ap.parse_args(argv)

    from rl_autoschedular.reward_engine import MIN_SAMPLES

    if args.requests < MIN_SAMPLES or args.warmup < 0 or args.threads < 1 or args.time_limit <= 0:
        return fail(f"--requests must be at least {MIN_SAMPLES}, --warmup at least 0, --threads at least 1 and "
                    "--time-limit positive")
    if (args.reward == "slo") != (args.slo_ms is not None):
        return fail("--slo-ms goes with --reward slo, and --reward slo needs it")
    if args.slo_ms is not None and args.slo_ms <= 0:
        return fail("--slo-ms must be positive")

    from rl_autoschedular.staging import StageError
    from rl_autoschedular.staging.harness import load_bench, load_schedule, stage, table

    signal.signal(signal.SIGTERM, _terminate)
    try:
        bench = load_bench(args.benchmark)
        schedule = load_schedule(args.schedule) if args.schedule else None
        report = stage(bench, schedule, requests=args.requests, time_limit=args.time_limit, warmup=args.warmup,
                       sli=args.sli, reward=args.reward, slo_ms=args.slo_ms, alpha=args.alpha,
                       min_effect=args.min_effect, threads=args.threads, seed=args.seed, cache_dir=args.cache_dir,
                       schedule_label=args.schedule or "none")
    except (StageError, ValueError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted; the services were stopped", 130)
    print(table(report))
    if args.out:
        out = Path(args.out)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(report.to_json(), indent=1) + "\n")
        except OSError as exc:
            return fail(f"{out}: cannot write the report ({exc.strerror})")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
