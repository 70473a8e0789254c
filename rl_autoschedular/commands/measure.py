"""Measure benchmarks: the unoptimized baseline, and a schedule if one is given. Outputs are verified against the
unoptimized reference on seeded random inputs; times are medians after warm-up, on a fixed thread count."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rl_autoschedular.cli import DEFAULT_CACHE, fail, progress


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", help="a .mlir benchmark or a dataset folder (with manifest.json)")
    ap.add_argument("--schedule", help="transform script (.mlir) or schedule (.json) to apply to every benchmark")
    ap.add_argument("--threads", type=int, default=1, help="OpenMP threads for the timed code (default 1)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the random inputs (default 0)")
    ap.add_argument("--cache-dir", default=str(DEFAULT_CACHE), help=f"results cache (default {DEFAULT_CACHE})")
    ap.add_argument("--update-baselines", action="store_true",
                    help="re-measure the baselines and write them into the dataset's manifest.json")
    ap.add_argument("--json", action="store_true", help="print one JSON object per benchmark")
    args = ap.parse_args(argv)
    if args.threads < 1:
        return fail("--threads must be at least 1")

    from tqdm import tqdm

    from rl_autoschedular.config import MeasureConfig
    from rl_autoschedular.execution.measure import Measurer
    from rl_autoschedular.execution.schedule import Schedule
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_path

    try:
        benches = load_path(args.path)
    except BenchmarkError as exc:
        return fail(str(exc))
    schedule = None
    if args.schedule:
        path = Path(args.schedule)
        if not path.is_file():
            return fail(f"{path}: schedule file not found; give a transform script (.mlir) or a schedule (.json)")
        text = path.read_text()
        try:
            schedule = Schedule.from_canonical(text) if path.suffix == ".json" else text
        except (ValueError, KeyError, TypeError) as exc:
            return fail(f"{path}: not a schedule ({exc}); write it with Schedule.canonical()")

    results = []
    with Measurer(args.cache_dir, MeasureConfig(threads=args.threads, seed=args.seed)) as measurer:
        for bench in progress(benches, "measuring"):
            base = measurer.baseline(bench, refresh=args.update_baselines)
            m = measurer.measure(bench, schedule) if schedule is not None else base
            results.append((bench, base))
            out = m.to_json()
            out["baseline_ns"] = base.time_ns
            if args.json:
                print(json.dumps(out), flush=True)
            else:
                ms = f"{m.time_ns / 1e6:10.3f} ms" if m.time_ns else " " * 13
                speed = f"{m.speedup:8.2f}x" if m.speedup else " " * 9
                cv = f"cv {m.cv:5.1%}" if m.cv is not None and m.time_ns else ""
                tqdm.write(f"{bench.name:40s} {m.status:15s} {ms} {speed} {cv} {m.message}")
    if args.update_baselines:
        from rl_autoschedular.execution.baselines import write_baselines

        try:
            write_baselines(args.path, results, args.threads)
        except BenchmarkError as exc:
            return fail(str(exc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
