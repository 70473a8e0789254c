#!/usr/bin/env python3
"""Plot training runs (their metrics.jsonl and eval.jsonl, written by rl_autoschedular.tracking.trackers) and
evaluations (the results.json of evaluation/evaluate.py). Several runs are overlaid, one line each. Writes:

  training.png  mean reward, batch geomean speedup, measurements per second, cache hit rate, per iteration
  failures.png  failed measurements per iteration, one line per status
  ppo.png       PPO diagnostics: policy and value loss, entropy, approx KL, clip fraction, explained variance
  eval.png      evaluation geomean speedup (unverified benchmarks count as 1.0) and verified fraction
and for an evaluation directory:
  by_op_type.png      the agent's geomean speedup per op type, over each baseline
  vs_baselines.png    the agent's geomean speedup over every baseline, greedy and best-of-N
  per_benchmark.png   every benchmark's speedup of the agent's greedy schedule, sorted, losses in red

A run without eval.jsonl yet (training before its first evaluation) is left out of eval.png with a note. The PNGs
are also attached to the directory's MLflow run (and its Neptune offline run), so the dashboard shows them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the repository's packages importable

from evaluation.summary import AGENT, BASELINES, LABELS, speedup, summarize  # noqa: E402
from rl_autoschedular.cli import fail  # noqa: E402
from rl_autoschedular.tracking.base import summarize_eval  # noqa: E402
from rl_autoschedular.tracking.trackers import EVAL_FILE, METRICS_FILE, log_artifacts  # noqa: E402

RESULTS_FILE = "results.json"

TRAINING = [("reward_mean", "mean reward"), ("speedup_geomean", "batch geomean speedup"),
            ("measurements_per_s", "measurements per second"), ("cache_hit_rate", "cache hit rate")]
PPO = [("policy_loss", "policy loss"), ("value_loss", "value loss"), ("entropy", "entropy"),
       ("approx_kl", "approx KL"), ("clip_fraction", "clip fraction"), ("explained_variance", "explained variance")]
EVAL = [("speedup_geomean", "eval geomean speedup"), ("verified_fraction", "verified fraction")]


class InputError(Exception):
    """A run directory whose files cannot be plotted."""


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSONL file; a torn last line (a run killed, or still writing) is skipped."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = []
    for number, line in enumerate(lines, 1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            if number < len(lines):
                raise InputError(f"{path}:{number}: not JSON ({e.msg})") from e
            continue
        if not isinstance(record, dict) or not isinstance(record.get("iteration"), int):
            raise InputError(f"{path}:{number}: a record without an integer iteration")
        records.append(record)
    if not records:
        raise InputError(f"{path}: empty")
    return records


def series(records: list[dict], key: str) -> tuple[list[int], list[float]]:
    """(iterations, values) of `key`; a missing or null value is a gap (NaN)."""
    xs = [r["iteration"] for r in records]
    ys = [float(r[key]) if isinstance(r.get(key), (int, float)) else float("nan") for r in records]
    return xs, ys


def panels(runs: dict[str, list[dict]], keys: list[tuple[str, str]], cols: int, path: Path, xlabel: str) -> None:
    """One subplot per key, one line per run; speedups on a log scale."""
    rows = -(-len(keys) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(5 * cols, 3.5 * rows), squeeze=False)
    for ax, (key, title) in zip(axes.flat, keys):
        for label, records in runs.items():
            xs, ys = series(records, key)
            ax.plot(xs, ys, marker="." if len(xs) < 30 else None, label=label)
            if "speedup" in key and any(y > 0 for y in ys):
                ax.set_yscale("log")
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.grid(True, alpha=0.3)
    for ax in list(axes.flat)[len(keys):]:
        ax.set_visible(False)
    if len(runs) > 1:
        axes.flat[0].legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def failures(runs: dict[str, list[dict]], path: Path) -> None:
    """Failed measurements per iteration, one line per run and status (``ok`` left out)."""
    fig, ax = plt.subplots(figsize=(8, 4))
    for label, records in runs.items():
        statuses = sorted({s for r in records for s in (r.get("failures") or {}) if s != "ok"})
        for status in statuses:
            ys = [(r.get("failures") or {}).get(status, 0) for r in records]
            ax.plot([r["iteration"] for r in records], ys, label=status if len(runs) == 1 else f"{label}: {status}")
    ax.set_title("failed measurements by status")
    ax.set_xlabel("iteration")
    ax.grid(True, alpha=0.3)
    if ax.lines:
        ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _bars(ax, xs, ys, width, **kw):
    """Bars that start at 1.0x, so that a loss hangs below the line and a win stands above it (log scale)."""
    return ax.bar(xs, [y - 1 for y in ys], width, bottom=1, **kw)


def _speedup_axis(ax, title: str) -> None:
    ax.set_yscale("log")
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_ylabel("speedup (baseline time / agent time), log scale")
    ax.set_title(title)
    ax.grid(True, axis="y", alpha=0.3)


def by_op_type(summary: dict, path: Path) -> None:
    """Grouped bars: the greedy agent's geomean speedup per op type, one bar per baseline."""
    groups = summary["agent_greedy"]["op_type"]
    fig, ax = plt.subplots(figsize=(max(6.0, 1.4 * len(groups)), 4.5))
    width = 0.8 / len(BASELINES)
    for j, b in enumerate(BASELINES):
        xs = [i + j * width for i, cells in enumerate(groups.values()) if cells[b]["geomean"]]
        ys = [cells[b]["geomean"] for cells in groups.values() if cells[b]["geomean"]]
        _bars(ax, xs, ys, width, label=f"vs {LABELS[b]}")
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(groups))], list(groups), rotation=30, ha="right")
    _speedup_axis(ax, "agent greedy: geomean speedup by op type")
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def vs_baselines(summary: dict, path: Path) -> None:
    """Bars: the agent's overall geomean speedup over every baseline, greedy and best-of-N side by side."""
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for j, agent in enumerate(AGENT):
        cells = summary[agent]["overall"]
        found = [(i, cells[b]["geomean"]) for i, b in enumerate(BASELINES) if cells[b]["geomean"]]
        bars = _bars(ax, [i + j * 0.4 for i, _ in found], [g for _, g in found], 0.4, label=LABELS[agent])
        ax.bar_label(bars, labels=[f"{g:.2f}x" for _, g in found], fontsize="small")
    ax.set_xticks([i + 0.2 for i in range(len(BASELINES))], [LABELS[b] for b in BASELINES], rotation=20,
                  ha="right")
    _speedup_axis(ax, "agent vs every baseline (geomean)")
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def per_benchmark(records: list[dict], path: Path) -> None:
    """Sorted per-benchmark speedups of the greedy agent over the unoptimized MLIR, PyTorch and IREE; a point
    below 1.0 (a loss) is red."""
    panels_ = [b for b in ("unoptimized", "pytorch", "iree") if any(speedup(r, "agent_greedy", b) for r in records)]
    fig, axes = plt.subplots(1, len(panels_), figsize=(5 * len(panels_), 4.5), squeeze=False)
    for ax, b in zip(axes.flat, panels_):
        ys = sorted(x for r in records if (x := speedup(r, "agent_greedy", b)))
        _bars(ax, range(len(ys)), ys, 0.8, color=["tab:red" if y < 1 else "tab:green" for y in ys])
        ax.set_xticks([])
        ax.set_xlabel(f"benchmarks, sorted ({len(ys)} with a verified baseline)")
        _speedup_axis(ax, f"agent greedy vs {LABELS[b]}")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def read_results(path: Path) -> list[dict]:
    """The benchmark records of an evaluation's results.json."""
    try:
        records = json.loads(path.read_text())["benchmarks"]
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as e:
        raise InputError(f"{path}: not an evaluation written by evaluation/evaluate.py ({e})") from e
    if not records:
        raise InputError(f"{path}: no benchmark was evaluated")
    return records


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", metavar="RUN_OR_EVAL_DIR",
                    help="training run directories (metrics.jsonl, eval.jsonl) and/or evaluation directories "
                         "(results.json)")
    ap.add_argument("--out", help="output folder (default: DIR/plots with one directory; required with several)")
    args = ap.parse_args(argv)
    if len(args.dirs) > 1 and not args.out:
        return fail("--out is required with several directories")
    out = Path(args.out) if args.out else Path(args.dirs[0]) / "plots"
    metrics, evals, results = {}, {}, {}
    try:
        for d in args.dirs:
            if not (Path(d) / METRICS_FILE).is_file() and not (Path(d) / RESULTS_FILE).is_file():
                raise InputError(f"{d}: neither a training run ({METRICS_FILE}) nor an evaluation ({RESULTS_FILE})")
            if (Path(d) / RESULTS_FILE).is_file():
                results[d] = read_results(Path(d) / RESULTS_FILE)
            if not (Path(d) / METRICS_FILE).is_file():
                continue
            metrics[d] = read_jsonl(Path(d) / METRICS_FILE)
            if (Path(d) / EVAL_FILE).is_file() and (Path(d) / EVAL_FILE).stat().st_size:
                evals[d] = [{"iteration": e["iteration"], **summarize_eval(e["rows"])}
                            for e in read_jsonl(Path(d) / EVAL_FILE)]
            else:
                print(f"note: {d} has no evaluation yet", file=sys.stderr)
    except InputError as e:
        return fail(str(e))
    except (KeyError, TypeError) as e:  # an eval line without its rows, a record without its fields
        return fail(f"unexpected record layout ({e!r}); was it written by this project's trainer or evaluator?")
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[Path]] = {d: [] for d in args.dirs}
    if metrics:
        training = [out / "training.png", out / "failures.png", out / "ppo.png"]
        panels(metrics, TRAINING, 2, training[0], "iteration")
        failures(metrics, training[1])
        panels(metrics, PPO, 3, training[2], "iteration")
        if evals:
            training.append(out / "eval.png")
            panels(evals, EVAL, 2, training[3], "iteration (evaluation)")
        for d in metrics:
            written[d] += training
    for d, records in results.items():
        prefix = "" if len(results) == 1 else f"{Path(d).name}_"
        summary = summarize(records)
        files = [out / f"{prefix}by_op_type.png", out / f"{prefix}vs_baselines.png", out / f"{prefix}per_benchmark.png"]
        by_op_type(summary, files[0])
        vs_baselines(summary, files[1])
        per_benchmark(records, files[2])
        written[d] += files
    for d, paths in written.items():
        for path in paths:
            print(path)
        try:
            attached = log_artifacts(d, paths)
        except ValueError as e:  # e.g. the store the run logged to is not the one configured now
            print(f"note: plots not attached to {d}'s tracking run: {e}", file=sys.stderr)
            continue
        if attached:
            print(f"attached {len(paths)} plots of {d} to its {' and '.join(attached)} run", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
