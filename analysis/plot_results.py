#!/usr/bin/env python3
"""Plot training runs from their run directories' metrics.jsonl and eval.jsonl (written by
rl_autoschedular.tracking.trackers). Several runs are overlaid, one line each. Writes:

  training.png  mean reward, batch geomean speedup, measurements per second, cache hit rate, per iteration
  failures.png  failed measurements per iteration, one line per status
  ppo.png       PPO diagnostics: policy and value loss, entropy, approx KL, clip fraction, explained variance
  eval.png      evaluation geomean speedup (unverified benchmarks count as 1.0) and verified fraction

A run without eval.jsonl yet (training before its first evaluation) is left out of eval.png with a note."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt

from rl_autoschedular.cli import fail
from rl_autoschedular.tracking.trackers import EVAL_FILE, METRICS_FILE, summarize_eval

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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", help="run directories (each with metrics.jsonl, and eval.jsonl once evaluated)")
    ap.add_argument("--out", help="output folder (default: RUN_DIR/plots with one run; required with several)")
    args = ap.parse_args(argv)
    if len(args.runs) > 1 and not args.out:
        return fail("--out is required with several runs")
    out = Path(args.out) if args.out else Path(args.runs[0]) / "plots"
    metrics, evals = {}, {}
    try:
        for run in args.runs:
            metrics[run] = read_jsonl(Path(run) / METRICS_FILE)
            if (Path(run) / EVAL_FILE).is_file() and (Path(run) / EVAL_FILE).stat().st_size:
                evals[run] = [{"iteration": e["iteration"], **summarize_eval(e["rows"])}
                              for e in read_jsonl(Path(run) / EVAL_FILE)]
            else:
                print(f"note: {run} has no evaluation yet", file=sys.stderr)
    except InputError as e:
        return fail(str(e))
    except (KeyError, TypeError) as e:  # an eval line without its rows
        return fail(f"unexpected record layout ({e!r}); was it written by rl_autoschedular.tracking.trackers?")
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "training.png", out / "failures.png", out / "ppo.png"]
    panels(metrics, TRAINING, 2, written[0], "iteration")
    failures(metrics, written[1])
    panels(metrics, PPO, 3, written[2], "iteration")
    if evals:
        written.append(out / "eval.png")
        panels(evals, EVAL, 2, written[3], "iteration (evaluation)")
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
