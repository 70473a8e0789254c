"""`evaluation/bench_learning.py`'s own arithmetic on real data: the held-out selection, the geomean that counts a
failure as 1.0x, and the training cost and learning curve read from a real run (the quick start's)."""

from __future__ import annotations

import math
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT))
from evaluation.bench_learning import COLUMNS, geomean, stratified, training_report  # noqa: E402
from rl_autoschedular.ir.benchmarks import load_dataset  # noqa: E402


def test_stratified_spreads_each_family_evenly():
    benches = load_dataset(ROOT / "data" / "eval")
    chosen = stratified(benches, ["op", "lqcd", "block"], 3)
    assert [b.family for b in chosen] == ["op"] * 3 + ["lqcd"] * 3 + ["block"] * 3
    ops = sorted((b for b in benches if b.family == "op"), key=lambda b: b.name)
    assert [b.name for b in chosen[:3]] == [b.name for b in ops[::len(ops) // 3][:3]]
    assert stratified(benches, ["no_such_family"], 3) == []


def test_a_failure_counts_as_the_baseline():
    rows = [{c: 4.0 for c in COLUMNS}, {c: None for c in COLUMNS}]
    assert geomean(rows, "agent greedy") == pytest.approx(2.0)
    rows[1]["agent greedy"] = 0.25  # a verified slowdown counts as what it is
    assert geomean(rows, "agent greedy") == pytest.approx(1.0)


def test_training_cost_and_curve_come_from_the_run(quick_run):
    cost, curve = training_report(quick_run, 12.5)
    assert cost["wall_s"] == 12.5 and cost["iterations"] == 1 and cost["measurements"] == 8
    assert 0 <= cost["cache_hit_rate"] <= 1 and cost["measurements_per_s"] > 0
    assert [c["iteration"] for c in curve] == [1]
    c = curve[0]
    assert c["eval_geomean"] > 0 and all(math.isfinite(c[k]) for k in ("approx_kl", "clip_fraction", "entropy"))
