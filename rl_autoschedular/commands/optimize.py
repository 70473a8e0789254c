"""Optimize your own linalg-on-tensors MLIR file with a trained policy: the greedy schedule (or, with --search N,
the best verified of it and up to N-1 other distinct schedules sampled from the policy; with --rank K as well, the
best of the N that the learned cost model ranks first among K drawn without measuring), measured and verified
against the unoptimized program, per op and as a whole, beside IREE llvm-cpu and (for a file a dataset manifest
describes) PyTorch eager.

Writes to --out: schedule.mlir (the transform script), payload.mlir (the input with its op tags, after any layout
change: what the script applies to), optimized.mlir (the payload after the transform interpreter, before
lowering) and report.json; prints the same figures as a table. The script replays with stock MLIR (report.json's
"replay" is the exact command, with the pinned mlir-opt of rl_autoschedular/execution/tools_path.py):

    mlir-opt OUT/payload.mlir --transform-preload-library=transform-library-paths=OUT/schedule.mlir \\
        --transform-interpreter          # prints OUT/optimized.mlir
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from rl_autoschedular.cli import DEFAULT_CACHE, DEFAULT_CHECKPOINT, DEFAULT_COST_MODEL, fail


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", help="a .mlir file: a public func.func @main on static-shaped tensors, linalg-on-tensors")
    ap.add_argument("--checkpoint", help=f"a checkpoint written by bin/train.py (default {DEFAULT_CHECKPOINT})")
    ap.add_argument("--out", required=True, help="folder for schedule.mlir, optimized.mlir and report.json")
    ap.add_argument("--search", type=int, default=1, metavar="N",
                    help="measure the greedy schedule and N-1 other distinct ones the policy samples most often (then "
                         "at higher temperatures), keep the best (default 1)")
    ap.add_argument("--rank", type=int, default=0, metavar="K",
                    help="draw K schedules without measuring (the greedy one, samples from the policy and random "
                         "ones, half and half), rank them with the cost model and measure the first N of --search")
    ap.add_argument("--cost-model", default=str(DEFAULT_COST_MODEL),
                    help=f"the cost model of --rank (default {DEFAULT_COST_MODEL}; bin/fit_cost_model.py writes one)")
    ap.add_argument("--threads", type=int, help="threads of every timed run (default: the checkpoint's)")
    ap.add_argument("--cache-dir", default=str(DEFAULT_CACHE), help=f"results cache (default {DEFAULT_CACHE})")
    args = ap.parse_args(argv)
    if args.search < 1 or (args.threads is not None and args.threads < 1):
        return fail("--search and --threads must be at least 1")
    if args.rank and args.rank < args.search:
        return fail(f"--rank {args.rank}: draw at least as many schedules as --search measures ({args.search})")
    ckpt_path = Path(args.checkpoint) if args.checkpoint else DEFAULT_CHECKPOINT
    if not ckpt_path.is_file():
        if args.checkpoint:
            return fail(f"{ckpt_path}: checkpoint not found; pass a checkpoint written by bin/train.py")
        return fail(f"{ckpt_path}: the pretrained policy is not there; pass --checkpoint CKPT (a checkpoint written "
                    "by bin/train.py, e.g. RUN_DIR/checkpoints/ckpt_<iteration>.pt)")

    from rl_autoschedular.agent import cost_model
    from rl_autoschedular.agent.inference import load_policy
    from rl_autoschedular.ir.benchmarks import BenchmarkError

    try:
        bench = _load_input(Path(args.model))
        ranker = cost_model.load(args.cost_model) if args.rank else None
    except (BenchmarkError, ValueError) as exc:
        return fail(str(exc))
    try:
        policy, cfg, _ = load_policy(ckpt_path)
    except ValueError as exc:
        return fail(f"{ckpt_path}: not a usable checkpoint: {' '.join(str(exc).split())}; pass a checkpoint written "
                    "by bin/train.py")
    return _optimize(args, bench, cfg, policy, ckpt_path, ranker)


def _manifest_entry(path: Path) -> dict | None:
    """The entry of `path` in the manifest.json beside it, if the file is listed there (the only place a PyTorch
    description of a file can come from); None for a file alone or an unreadable manifest."""
    try:
        data = json.loads((path.parent / "manifest.json").read_text())
        return next((e for e in data["benchmarks"] if isinstance(e, dict) and e.get("file") == path.name), None)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _load_input(path: Path):
    """The checked, tagged benchmark of `path`, with its manifest entry's name and PyTorch description if listed."""
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_benchmark, load_path

    if path.suffix != ".mlir" or path.is_dir():
        raise BenchmarkError(path, "not a .mlir file", "give the .mlir file of one module")
    entry = _manifest_entry(path) if path.is_file() else None
    if entry is None:
        return load_path(path)[0]
    torch = entry.get("torch") if isinstance(entry.get("torch"), dict) else None
    return load_benchmark(path, entry.get("name"), family=entry.get("family"), torch=torch)


def _optimize(args, bench, cfg, policy, ckpt_path: Path, ranker) -> int:
    from rl_autoschedular.config import TimingConfig
    from rl_autoschedular.execution import external
    from rl_autoschedular.execution.job import random_inputs
    from rl_autoschedular.execution.measure import Measurer

    # The project's standard timing, not the checkpoint's: training times with few runs to rank schedules fast, and
    # 3 runs of a 46 ms ResNet-18 once read 84 ms where 20 read 46. These figures stand beside PyTorch's and IREE's.
    measure_cfg = cfg.measure.model_copy(update={"threads": args.threads or cfg.measure.threads,
                                                 "timing": TimingConfig()})
    threads = measure_cfg.threads
    out = Path(args.out)
    with Measurer(args.cache_dir, measure_cfg) as measurer:
        base = measurer.baseline(bench)
        if not base.verified:
            return fail(f"{bench.path}: the unoptimized program does not run verified ({base.status}: "
                        f"{' '.join(base.message.split())}); check that it runs with bin/measure.py")
        result, greedy, skipped = _search(measurer, bench, cfg, policy, args.search, args.rank, ranker)
        best, schedule, note = _choose(base, result)
        files, replay = _write_files(out, bench, schedule)
        reference = measurer.reference(bench)
        inputs = random_inputs([(s.shape, s.dtype) for s in bench.inputs], measure_cfg.seed)
        iree = external.iree(bench, inputs, reference, threads)
        if bench.torch:
            pytorch = external.pytorch(bench, inputs, reference, threads)
        else:
            pytorch = [external.External(external.TORCH, threads, None, False,
                                         f"no PyTorch baseline: {bench.path.name} is not listed with a \"torch\" "
                                         f"description in {bench.path.parent / 'manifest.json'}")]
        ops = _op_rows(measurer, bench, schedule, skipped)
    report = {
        "file": str(bench.path), "name": bench.name, "checkpoint": str(ckpt_path), "threads": threads,
        "search": args.search, "ranked_from": args.rank, "measurements": result.measurements if result else 0,
        "failures": result.failures if result else {}, "schedule": json.loads(schedule.canonical()),
        "greedy": greedy.to_json() if greedy else None,
        "skipped": skipped,
        "whole_program": {**_times(base, best), "note": note, "baseline": base.to_json(), "optimized": best.to_json()},
        "ops": ops,
        "external": {"iree": iree.to_json(), "pytorch": [p.to_json() for p in pytorch]},
        "files": files, "replay": replay,
    }
    (out / "report.json").write_text(json.dumps(report, indent=1) + "\n")
    files["report"] = str(out / "report.json")
    print(table(report))
    print(f"wrote {', '.join(files.values())}")
    return 0


def _search(measurer, bench, cfg, policy, n: int, rank: int, ranker):
    """(SearchResult of the greedy schedule and n-1 sampled ones, or of the n the cost model ranks first among
    `rank` drawn; the greedy one's Measurement, None when ranked; the ops the encoding skips as {tag: why}). Each
    episode is measured once, at its end ("final" reward, whatever the run trained with). SearchResult is None when
    no op fits the encoding."""
    from rl_autoschedular.agent.inference import agent_search, ranked_search
    from rl_autoschedular.env.episode import AnalysedBenchmark
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv

    env_cfg = cfg.env.model_copy(update={"reward_mode": "final"})
    try:
        env = MlirSchedulingEnv([bench], measurer, env_cfg)
    except ValueError:  # no op fits the encoding: nothing to schedule, the program stays as it is
        return None, None, AnalysedBenchmark(bench, env_cfg).skipped
    if rank:
        result, greedy = ranked_search(policy, env, bench.name, ranker, rank, n, seed=cfg.seed), None
    else:
        result, greedy, _ = agent_search(policy, env, bench.name, n, seed=cfg.seed)
    return result, greedy, env.skipped.get(bench.name, {})


def _choose(base, result):
    """(Measurement, Schedule, note): the search's best verified schedule; the unscheduled program when none is."""
    from rl_autoschedular.execution.schedule import Schedule

    if result is None:
        return base, Schedule(), "no op fits the encoding: the program is left as it is"
    if result.best is None:
        why = ", ".join(f"{count} {status}" for status, count in sorted(result.failures.items()))
        return base, Schedule(), f"no verified schedule ({why}): the program is left as it is"
    return result.best, result.schedule, "slower than the unoptimized program" if result.speedup < 1 else ""


def _write_files(out: Path, bench, schedule) -> tuple[dict[str, str], str]:
    """schedule.mlir and payload.mlir, and optimized.mlir made from them by the pinned stock mlir-opt; returns the
    paths and that command, which is also how to replay them."""
    from rl_autoschedular.execution.measure import compile_schedule
    from rl_autoschedular.execution.tools_path import mlir_opt

    out.mkdir(parents=True, exist_ok=True)
    payload, script = compile_schedule(bench, schedule)
    files = {"schedule": out / "schedule.mlir", "payload": out / "payload.mlir", "optimized": out / "optimized.mlir"}
    files["schedule"].write_text(script)
    files["payload"].write_text(payload)
    command = [mlir_opt(), str(files["payload"]),
               f"--transform-preload-library=transform-library-paths={files['schedule']}", "--transform-interpreter",
               "-o", str(files["optimized"])]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode:  # the same script was just applied and verified in the worker: this is our bug, not input
        raise RuntimeError(f"mlir-opt could not replay the measured schedule: {run.stderr[-2000:]}")
    return {k: str(v) for k, v in files.items()}, shlex.join(command)


def _op_rows(measurer, bench, schedule, skipped: dict[str, str]) -> list[dict]:
    """Each linalg op (fills aside: they only initialise) timed alone, as a program of its own whose @main takes its
    operands as arguments: unscheduled, then with its part of `schedule`. A row that cannot be measured says why.
    An op whose consumer changed layout is cut out of the relaid program, the form its actions were chosen for (an
    NCHW bias broadcast becomes NHWC); an op that changes layout itself, and the transposes that adds, from the
    original one."""
    from mlir import ir
    from tqdm import tqdm

    from rl_autoschedular.ir.analysis import parse_module
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_benchmark
    from rl_autoschedular.ir.extract import body_ops, domain_problem, extract
    from rl_autoschedular.ir.layout import to_channels_last
    from rl_autoschedular.ir.op_info import TAG

    relaid = schedule.layout_tags()
    ctx = ir.Context()
    # Kept alive: the ops below point into them.
    modules = [parse_module(bench.text, ctx), parse_module(to_channels_last(bench.text, relaid), ctx)]
    tagged = []
    for own, module in enumerate(modules):
        ops = body_ops(module)
        for i, op in enumerate(ops):
            tag = ir.StringAttr(op.attributes[TAG]).value if TAG in op.attributes else ""
            if op.name.startswith("linalg.") and op.name != "linalg.fill" and "." not in tag \
                    and (tag in relaid) != bool(own):
                tagged.append((ops, i, tag, op.name))
    tagged.sort(key=lambda t: int(t[2].split("_")[-1]))  # load tags ops op_<position>
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for ops, i, tag, name in tqdm(tagged, desc="per-op measurements", unit="op", file=sys.stderr, leave=False):
            row = {"tag": tag, "op": name, "threads": measurer.config.threads, "baseline_ms": None,
                   "optimized_ms": None, "speedup": None, "verified": False, "status": None, "note": ""}
            rows.append(row)
            problem = domain_problem(ops, [i])
            if problem:  # its operand comes from another op; random inputs in [-1, 1] would make it compute NaN
                row["note"] = f"not measured alone: {problem}, which random inputs do not give"
                continue
            path = Path(tmp) / f"{tag}.mlir"
            try:
                path.write_text(extract(ops, [i]))
                piece = load_benchmark(path, f"{bench.name}.{tag}")
            except BenchmarkError as exc:
                row["note"] = f"cannot be cut out alone: {exc}"
                continue
            except Exception as exc:  # one op that does not extract must not cost the whole report
                row["note"] = f"cannot be cut out alone: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
                continue
            op_schedule, note = _op_schedule(schedule, tag)
            base = measurer.baseline(piece)
            m = measurer.measure(piece, op_schedule) if base.verified else base
            row.update(_times(base, m))
            why = "" if m.verified else f"{m.status}: {' '.join(m.message.split())[:200]}"
            row["note"] = "; ".join(n for n in (skipped.get(tag, "") and f"unscheduled: {skipped[tag]}", note, why)
                                    if n)
    return rows


def _op_schedule(schedule, tag: str):
    """(the schedule of op `tag` alone, a note): its own actions, with a fusion of a producer (absent from the
    single-op program) kept as the same parallel tiling."""
    from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule

    mine = next((o for o in schedule.ops if o.tag == tag), OpSchedule(tag))
    notes = [f"fused into {o.tag}'s tiles in the whole program" for o in schedule.ops
             if any(a.kind == "tile_fuse" and a.producer == tag for a in o.actions)]
    actions = []
    for a in mine.actions:
        if a.kind == "tile_fuse":
            notes.append(f"alone, without fusing {a.producer}")
            a = Action("tile_parallel", a.sizes)
        actions.append(a)
    return Schedule((OpSchedule(tag, tuple(actions)),)), "; ".join(notes)


def _times(base, m) -> dict:
    """Baseline and optimized times of one program (ms), their ratio, the thread count and the verification."""
    return {"baseline_ms": base.time_ns / 1e6 if base.time_ns else None,
            "optimized_ms": m.time_ns / 1e6 if m.verified and m.time_ns else None,
            "speedup": m.speedup if m.verified else None, "threads": m.threads,
            "verified": base.verified and m.verified, "status": m.status, "message": m.message}


def _ms(value) -> str:
    return f"{value:13.4f}" if value is not None else f"{'-':>13}"


def table(report: dict) -> str:
    """The report as a text table: whole program and each op (baseline and optimized), then IREE and PyTorch on
    the whole program, each beside our optimized time."""
    n = report["search"]
    how = "the greedy schedule" if n == 1 else f"the best of {n} schedules (greedy and {n - 1} sampled)"
    if report.get("ranked_from"):
        how = f"the best of the {n} schedules the cost model ranked first among {report['ranked_from']} drawn"
    lines = [f"{report['name']} ({report['file']}): {how} of {Path(report['checkpoint']).name}",
             f"{'':34s} {'threads':>7s} {'baseline ms':>13s} {'optimized ms':>13s} {'speedup':>8s} "
             f"{'verified':>8s}  note"]

    def row(label, threads, first, second, ratio, verified, note):
        speed = f"{ratio:7.2f}x" if ratio else f"{'-':>8}"
        check = "-" if verified is None else "yes" if verified else "no"
        lines.append(f"{label[:34]:34s} {threads:7d} {_ms(first)} {_ms(second)} {speed} {check:>8s}  {note}")

    whole = report["whole_program"]
    row("whole program", whole["threads"], whole["baseline_ms"], whole["optimized_ms"], whole["speedup"],
        whole["verified"], whole["note"] or whole["message"])
    for op in report["ops"]:
        row(f"  {op['tag']} {op['op']}", op["threads"], op["baseline_ms"], op["optimized_ms"], op["speedup"],
            op["verified"], op["note"])
    lines.append(f"{'elsewhere (speedup: ours over it)':34s} {'threads':>7s} {'its ms':>13s} {'optimized ms':>13s} "
                 f"{'speedup':>8s} {'verified':>8s}  note")
    for ext in [report["external"]["iree"], *report["external"]["pytorch"]]:
        ms = ext["timing"]["median_ms"] if ext["timing"] else None
        ours = whole["optimized_ms"]
        # an executor that did not run has nothing verified or not: its message says why
        row(ext["executor"], ext["threads"], ms, ours, ms / ours if ms and ours else None,
            ext["verified"] if ms is not None else None, ext["message"])
    return "\n".join(lines)

if __name__ == "__main__":
    sys.exit(main())
