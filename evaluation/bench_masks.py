#!/usr/bin/env python3
"""Are the action masks exact on real code? Random masked episodes on the blocks that `nn_to_mlir.py` writes, and on
the random programs and LQCD kernels (`random_mlir_gen.py`, `lqcd_gen.py`; their generator stands for the model).

For each block benchmark of a dataset folder (at most --limit per model, spread over the block families), N random
masked episodes (--episodes, default 8) are drawn by the env in proxy mode (nothing is measured while drawing), and
each non-empty schedule is measured, verified, by a Measurer with a fresh cache. An action the mask allows must
apply: the target is a transform_error rate under 2% and no crash.

Prints, per model and per block family (the kinds of op a block holds, e.g. conv+elementwise+relu, matmul+gelu,
batch_matmul+softmax, layernorm, pool): measurements, transform_error rate, crash, compile_error, timeout and
wrong_output counts, the compile time (apply + lower + JIT) median and max; then every distinct transform_error
message with its count and one schedule that gave it. --json writes every measurement for a closer look.

    .venv/bin/python data_generation/nn_to_mlir.py --models mlp,resnet18,bert_block,gpt_block,mobilenetv2,vgg \
        --out /tmp/nnblocks
    .venv/bin/python evaluation/bench_masks.py /tmp/nnblocks --limit 8
    .venv/bin/python evaluation/bench_masks.py data/train --limit 8     # models' blocks, random and LQCD programs

Every figure is measured here, now, on 1 thread.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from tqdm import tqdm

from rl_autoschedular.config import EnvConfig, MeasureConfig, TimingConfig
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.env.search import sample_action
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import load_benchmark

# Few timed runs: the masks are judged by whether schedules apply, compile and verify, not by their speed.
_TIMING = TimingConfig(warmup=1, min_runs=3, max_runs=10, target_seconds=0.05)
# Op kinds in the order a family name lists them: the main op first, then what surrounds it.
_KIND_ORDER = ("conv", "dwconv", "matmul", "batch_matmul", "pool", "softmax", "layernorm", "gelu", "relu", "reduce",
               "elementwise", "transpose", "broadcast", "other")
_FAILURES = ("transform_error", "crash", "compile_error", "timeout", "wrong_output", "harness_error")


def op_kind(info) -> str | None:
    """The kind of one op for the family name (None for the zero fills, which every block has)."""
    name = info.name.removeprefix("linalg.")
    if name == "fill":
        return None
    if name.startswith("depthwise_conv"):
        return "dwconv"
    if name.startswith("conv_"):
        return "conv"
    if name.startswith("pooling_"):
        return "pool"
    if name in ("matmul", "batch_matmul", "transpose", "broadcast"):
        return name
    if name != "generic":
        return "other"
    arith = info.arith_counts
    reduces = any(l.kind == "reduction" for l in info.loops)
    if "math.exp" in arith:
        return "softmax"
    if "math.rsqrt" in arith or "math.sqrt" in arith:
        return "layernorm"
    if "math.erf" in arith or "math.tanh" in arith:
        return "gelu"
    if "arith.maximumf" in arith or "arith.cmpf" in arith:
        return "softmax" if reduces else "relu"  # a max over a row is softmax's first step
    return "reduce" if reduces else "elementwise"


def block_family(text: str) -> str:
    kinds = {k for k in map(op_kind, analyze(text)) if k}
    return "+".join(k for k in _KIND_ORDER if k in kinds) or "fill"


def select_blocks(folder: Path, families: set[str], models: set[str], limit: int) -> list[tuple[str, str, object]]:
    """(model, block family, Benchmark) of the manifest's entries, at most `limit` per model, taken round-robin over
    the model's block families so that a small limit still covers each family."""
    manifest = json.loads((folder / "manifest.json").read_text())
    by_model: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for entry in tqdm(manifest["benchmarks"], desc="load", unit="file"):
        source = entry.get("source") if isinstance(entry.get("source"), dict) else {}
        model = source.get("model") or source.get("generator") or "?"  # random and LQCD programs: their generator
        if entry.get("family") not in families or (models and model not in models):
            continue
        bench = load_benchmark(folder / entry["file"], entry["name"], flops=entry.get("flops"),
                               family=entry.get("family"))
        by_model[model][block_family(bench.text)].append(bench)
    out = []
    for model, fams in by_model.items():
        queues = [list(v) for _, v in sorted(fams.items())]
        taken = 0
        while taken < limit and any(queues):
            for q in queues:
                if q and taken < limit:
                    out.append((model, block_family(q[0].text), q.pop(0)))
                    taken += 1
    return out


def draw(env: MlirSchedulingEnv, name: str, rng: np.random.Generator):
    """The schedule of one random masked episode on benchmark `name`."""
    env.reset(options={"benchmark": name})
    done = False
    while not done:
        _, _, done, _, _ = env.step(sample_action(env, rng))
    return env.schedule()


def message_key(message: str) -> str:
    """A transform_error's message with its specifics (tags, numbers, shapes) blanked, to group equal causes."""
    first = next((line for line in message.splitlines() if "error" in line), message.splitlines()[0] if message else "")
    first = re.sub(r"^.*?error: ", "", first)
    return re.sub(r"\d+", "N", first)[:160]


def table(title: str, rows: dict[str, list[dict]]) -> None:
    print(f"\n== per {title} ==")
    w = max(map(len, [title, *rows]))
    head = (f"{title:{w}s} {'blocks':>6s} {'meas':>5s} {'t_err%':>7s} {'crash':>5s} {'c_err':>5s} {'tmout':>5s} "
            f"{'wrong':>5s} {'harn':>5s} {'cmp_med':>7s} {'cmp_max':>7s}")
    print(head)
    print("-" * len(head))
    for key in sorted(rows):
        recs = rows[key]
        meas = [r for r in recs if r["status"]]
        n = len(meas)
        count = Counter(r["status"] for r in meas)
        comp = [r["compile_s"] for r in meas if r["compile_s"] is not None]
        rate = 100 * count["transform_error"] / n if n else float("nan")
        print(f"{key:{w}s} {len({r['bench'] for r in recs}):6d} {n:5d} {rate:6.1f}% {count['crash']:5d} "
              f"{count['compile_error']:5d} {count['timeout']:5d} {count['wrong_output']:5d} "
              f"{count['harness_error']:5d} {statistics.median(comp) if comp else float('nan'):7.2f} "
              f"{max(comp, default=float('nan')):7.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="dataset folder written by nn_to_mlir.py, random_mlir_gen.py, lqcd_gen.py or "
                                 "make_datasets.py")
    ap.add_argument("--episodes", type=int, default=8, help="random masked episodes per block (default 8)")
    ap.add_argument("--limit", type=int, default=8, help="blocks per model (default 8; 0 = all)")
    ap.add_argument("--families", default="block,random,lqcd",
                    help="manifest families to take: block, op, model, random, lqcd (default block,random,lqcd)")
    ap.add_argument("--models", default="", help="comma-separated models (default: all in the manifest)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache-dir", help="a fresh measurement cache (default: a temporary one)")
    ap.add_argument("--reference-check", choices=("iree", "none"), default="none",
                    help="check each block's reference outputs against IREE first (default none: wrong_output is "
                         "then judged against our own unscheduled lowering, which is what a mask bug breaks)")
    ap.add_argument("--json", help="write every measurement (block, family, schedule, status, message) here")
    args = ap.parse_args()

    picked = select_blocks(Path(args.data), set(args.families.split(",")),
                           {m for m in args.models.split(",") if m}, args.limit or 10**9)
    env = MlirSchedulingEnv([b for _, _, b in picked], None, EnvConfig(reward_mode="proxy"))
    scheduled = {b.bench.name for b in env.benches}
    rng = np.random.default_rng(args.seed)
    config = MeasureConfig(timing=_TIMING, reference_check=args.reference_check)
    records = []
    with tempfile.TemporaryDirectory() as tmp, Measurer(args.cache_dir or tmp, config) as m:
        for model, family, bench in tqdm(picked, desc="blocks", unit="block"):
            base = m.baseline(bench)
            if bench.name not in scheduled or base.status != "ok":
                why = "no op the encoding holds" if bench.name not in scheduled else base.message
                records.append({"model": model, "family": family, "bench": bench.name, "schedule": "", "status": None,
                                "message": f"not scheduled: {why.splitlines()[0] if why else ''}", "compile_s": None})
                continue
            for _ in range(args.episodes):
                schedule = draw(env, bench.name, rng)
                if schedule.is_empty:  # all NT: that is the baseline, not a test of the masks
                    continue
                r = m.measure(bench, schedule)
                comp = (r.apply_ms + r.lower_ms + r.jit_ms) / 1e3 if r.jit_ms is not None else None
                records.append({"model": model, "family": family, "bench": bench.name,
                                "schedule": schedule.canonical(), "status": r.status, "message": r.message,
                                "compile_s": comp})

    table("model", _group(records, "model"))
    table("block family", _group(records, "family"))
    table("all", {"all": records})
    unscheduled = [r for r in records if r["status"] is None]
    if unscheduled:
        print(f"\nblocks not measured ({len(unscheduled)}):")
        for r in unscheduled:
            print(f"  {r['bench']}: {r['message'][:200]}")
    for status in _FAILURES:
        failed = [r for r in records if r["status"] == status]
        if not failed:
            continue
        print(f"\n{status} messages ({len(failed)}):")
        groups: dict[str, list[dict]] = defaultdict(list)
        for r in failed:
            groups[message_key(r["message"])].append(r)
        for key, recs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(recs):4d}  {key}\n        e.g. {recs[0]['bench']}: {recs[0]['schedule'][:400]}")
    if args.json:
        Path(args.json).write_text(json.dumps(records, indent=1) + "\n")
    return 0


def _group(records: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        out[r[key]].append(r)
    return out


if __name__ == "__main__":
    sys.exit(main())
