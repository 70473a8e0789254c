"""Speedups of the agent over each baseline, from the records `evaluation/evaluate.py` writes to results.json:
geomeans per family, per op type and overall, with win/tie/loss counts, and their markdown rendering. Pure
functions of the JSON, so that `analysis/plot_results.py` and the tests compute exactly what the summary says."""

from __future__ import annotations

import math
import statistics

AGENT = ("agent_greedy", "agent_best")
BASELINES = ("unoptimized", "random_best", "greedy_search", "prior", "pytorch", "iree")
LABELS = {"agent_greedy": "agent greedy", "agent_best": "agent best-of-N", "unoptimized": "unoptimized MLIR",
          "random_best": "random search best-of-N", "greedy_search": "greedy search (same N)",
          "prior": "heuristic prior",
          "pytorch": "PyTorch eager", "iree": "IREE llvm-cpu"}
TIE = 0.05  # ratios within 5% count as a tie: the run-to-run noise of a median on a shared machine
GROUPS = ("family", "op_type")


def baseline_ms(rec: dict, baseline: str) -> float | None:
    """The verified median time of `baseline` on one record (PyTorch: eager in the benchmark's own layout; None
    where the record has no such entry, as evaluations from before the prior have none)."""
    entry = rec.get(baseline, {"ms": None, "verified": False})
    if baseline == "pytorch":
        entry = next((e for e in entry if e["executor"] == "PyTorch eager"), {"ms": None, "verified": False})
    return entry["ms"] if entry["verified"] else None


def speedup(rec: dict, agent: str, baseline: str) -> float | None:
    """How many times faster the agent's code is than `baseline` on this record (None: the baseline has no
    verified time)."""
    base = baseline_ms(rec, baseline)
    return base / rec[agent]["ms"] if base else None


def geomean(xs: list[float]) -> float:
    """Geometric mean of positive ratios."""
    return math.exp(statistics.fmean(math.log(x) for x in xs))


def compare(records: list[dict], agent: str, baseline: str) -> dict:
    """{geomean, n, win, tie, loss, missing} of the agent over `baseline` on `records`."""
    ratios = [speedup(r, agent, baseline) for r in records]
    found = [x for x in ratios if x is not None]
    return {"geomean": geomean(found) if found else None, "n": len(found),
            "win": sum(x > 1 + TIE for x in found), "loss": sum(x < 1 - TIE for x in found),
            "tie": sum(1 - TIE <= x <= 1 + TIE for x in found), "missing": len(ratios) - len(found)}


def summarize(records: list[dict]) -> dict:
    """{agent: {"overall": {baseline: compare}, "family": {group: {baseline: compare}}, "op_type": {...}}}."""
    out = {}
    for agent in AGENT:
        out[agent] = {"overall": {b: compare(records, agent, b) for b in BASELINES}}
        for group in GROUPS:
            keys = sorted({r[group] for r in records})
            out[agent][group] = {k: {b: compare([r for r in records if r[group] == k], agent, b) for b in BASELINES}
                                 for k in keys}
    return out


def _cell(c: dict) -> str:
    return "-" if c["geomean"] is None else f"{c['geomean']:.2f}x"


def markdown(summary: dict, meta: dict) -> str:
    """summary.md: overall geomeans with win/tie/loss, then per family and per op type."""
    lines = [f"# Evaluation of {meta['checkpoint']} on {meta['data']}", "",
             f"{meta['benchmarks']} benchmarks, {meta['threads']} thread(s), N = {meta['samples']} measurements for "
             "every search. Speedup = baseline time / agent time (above 1.0x the agent is faster); a tie is within "
             f"{TIE:.0%}. A schedule that failed verification counts as the unoptimized program.", ""]
    for agent in AGENT:
        lines += [f"## {LABELS[agent]}", "", "| vs | geomean | benchmarks | win | tie | loss | no verified baseline |",
                  "|---|---|---|---|---|---|---|"]
        for b, c in summary[agent]["overall"].items():
            lines.append(f"| {LABELS[b]} | {_cell(c)} | {c['n']} | {c['win']} | {c['tie']} | {c['loss']} | "
                         f"{c['missing']} |")
        lines.append("")
        for group in GROUPS:
            lines += [f"### {LABELS[agent]} by {group.replace('_', ' ')}", "",
                      "| " + group.replace("_", " ") + " | " + " | ".join(LABELS[b] for b in BASELINES) + " |",
                      "|---" * (len(BASELINES) + 1) + "|"]
            for key, cells in summary[agent][group].items():
                lines.append(f"| {key} | " + " | ".join(_cell(cells[b]) for b in BASELINES) + " |")
            lines.append("")
    return "\n".join(lines)
