"""The reward engine on latency samples drawn from known distributions (seeded): verdicts, signs, percentiles,
both reward formulas, and the latency files."""

from __future__ import annotations

import json
import math
import time

import numpy as np
import pytest

from rl_autoschedular import reward_engine
from rl_autoschedular.reward_engine import evaluate, load_csv, load_json, load_samples


def lognormal(median_s: float, n: int, seed: int, sigma: float = 0.15) -> np.ndarray:
    """Latencies (s) with a right tail, as request latencies have."""
    return np.random.default_rng(seed).lognormal(math.log(median_s), sigma, n)


def test_clear_improvement_has_a_positive_reward():
    base, cand = lognormal(0.010, 300, 1), lognormal(0.007, 300, 2)
    start = time.perf_counter()
    report = evaluate(base, cand, sli="p95")
    assert time.perf_counter() - start < 5  # about 0.05 s alone; generous for a busy machine
    assert report.verdict == "improvement"
    assert report.reward > 0
    assert report.p_value < 1e-10
    assert report.ratio.high < 0.95
    assert report.relative_change < -0.2


def test_clear_regression_has_a_negative_reward():
    report = evaluate(lognormal(0.007, 300, 1), lognormal(0.010, 300, 2), sli="p99")
    assert report.verdict == "regression"
    assert report.reward < 0
    assert report.relative_change > 0.2


@pytest.mark.parametrize("seed", range(5))
def test_identical_distributions_are_inconclusive(seed):
    report = evaluate(lognormal(0.010, 300, 2 * seed), lognormal(0.010, 300, 2 * seed + 1))
    assert report.verdict == "inconclusive"
    assert report.reward is None
    assert report.reason


def test_the_very_same_samples_are_inconclusive():
    samples = lognormal(0.010, 100, 7)
    report = evaluate(samples, samples)
    assert (report.verdict, report.reward) == ("inconclusive", None)
    constant = np.full(50, 1e-3)
    assert evaluate(constant, constant).verdict == "inconclusive"


def test_a_significant_change_inside_the_band_is_inconclusive():
    # A 3% shift on 3000 requests: Mann-Whitney sees it, but it is below min_effect (5%) and gets no reward.
    base, cand = lognormal(0.010, 3000, 3, sigma=0.05), lognormal(0.0097, 3000, 4, sigma=0.05)
    report = evaluate(base, cand)
    assert report.p_value < 0.05
    assert report.verdict == "inconclusive" and report.reward is None
    assert "band of no practical change" in report.reason
    assert evaluate(base, cand, min_effect=0.0).verdict == "improvement"


def test_percentiles_match_numpy_and_lie_in_their_intervals():
    base, cand = lognormal(0.010, 257, 5), lognormal(0.008, 311, 6)
    report = evaluate(base, cand)
    for summary, x in ((report.baseline, base), (report.candidate, cand)):
        assert summary.n == len(x)
        assert summary.mean == pytest.approx(np.mean(x))
        for name, q in (("p50", 50), ("p95", 95), ("p99", 99)):
            est = getattr(summary, name)
            assert est.value == pytest.approx(np.percentile(x, q), rel=1e-12)
            assert est.low <= est.value <= est.high


def test_the_bootstrap_is_seeded():
    base, cand = lognormal(0.010, 200, 8), lognormal(0.009, 200, 9)
    assert evaluate(base, cand, seed=3) == evaluate(base, cand, seed=3)
    assert evaluate(base, cand, seed=3).ratio != evaluate(base, cand, seed=4).ratio


def test_both_reward_formulas():
    base, cand = lognormal(0.010, 300, 10), lognormal(0.005, 300, 11)
    canary = evaluate(base, cand, sli="p95", formula="canary")
    assert canary.reward == pytest.approx(math.log(np.percentile(base, 95) / np.percentile(cand, 95)))
    slo = evaluate(base, cand, sli="p99", formula="slo", slo_s=0.020)
    assert slo.reward == pytest.approx(math.log(0.020 / np.percentile(cand, 99)))
    assert slo.slo_s == 0.020 and slo.slo_met is True
    assert evaluate(base, cand, sli="p50", formula="slo", slo_s=0.001).slo_met is False
    # A conclusive comparison against the baseline, but the candidate still misses a tight SLO: negative reward.
    assert evaluate(base, cand, formula="slo", slo_s=0.002).reward < 0


def test_report_to_json_round_trips():
    report = evaluate(lognormal(0.010, 100, 12), lognormal(0.006, 100, 13))
    data = json.loads(json.dumps(report.to_json()))
    assert data["verdict"] == "improvement"
    assert data["unit"] == "s"
    assert set(data["baseline"]) == {"n", "mean", "p50", "p95", "p99"}
    assert data["ratio"]["low"] <= data["ratio"]["value"] <= data["ratio"]["high"]


@pytest.mark.parametrize("kwargs, message", [
    ({"sli": "p90"}, "sli"),
    ({"formula": "sla"}, "formula"),
    ({"formula": "slo"}, "SLO"),
    ({"formula": "slo", "slo_s": -1.0}, "SLO"),
    ({"alpha": 1.5}, "alpha"),
    ({"min_effect": 1.0}, "min_effect"),
])
def test_bad_settings_are_value_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        evaluate(lognormal(0.01, 50, 0), lognormal(0.01, 50, 1), **kwargs)


@pytest.mark.parametrize("samples, message", [
    ([0.01] * 5, "at least 10"),
    ([0.01] * 20 + [-0.01], "positive"),
    ([0.01] * 20 + [float("nan")], "finite"),
    ([[0.01, 0.02]] * 10, "flat"),
    (["fast"] * 10, "numbers"),
])
def test_bad_samples_name_the_sample(samples, message):
    with pytest.raises(ValueError, match=f"candidate: .*{message}"):
        evaluate(lognormal(0.01, 50, 0), samples)


def test_json_file_in_any_unit(tmp_path):
    base, cand = lognormal(0.010, 40, 14), lognormal(0.008, 40, 15)
    path = tmp_path / "latencies.json"
    path.write_text(json.dumps({"unit": "ms", "baseline": (base * 1e3).tolist(), "candidate": (cand * 1e3).tolist()}))
    samples = load_json(path)
    np.testing.assert_allclose(samples.baseline, base)
    np.testing.assert_allclose(samples.candidate, cand)
    path.write_text(json.dumps({"baseline": base.tolist(), "candidate": cand.tolist()}))  # seconds by default
    np.testing.assert_allclose(load_samples(path).candidate, cand)


def test_csv_file_per_request_rows(tmp_path):
    base, cand = lognormal(0.010, 30, 16), lognormal(0.008, 30, 17)
    rows = ["request_id,variant,latency_us"]
    rows += [f"{i},baseline,{float(v) * 1e6!r}" for i, v in enumerate(base)]
    rows += [f"{i},candidate,{float(v) * 1e6!r}" for i, v in enumerate(cand)]
    path = tmp_path / "latencies.csv"
    path.write_text("\n".join(rows) + "\n")
    samples = load_csv(path)
    np.testing.assert_allclose(samples.baseline, base)
    np.testing.assert_allclose(load_samples(path).candidate, cand)


@pytest.mark.parametrize("name, text, message", [
    ("broken.json", "{not json", "not a readable JSON file"),
    ("missing.json", json.dumps({"baseline": [0.01] * 20}), "\"baseline\" and \"candidate\""),
    ("unit.json", json.dumps({"unit": "min", "baseline": [1] * 20, "candidate": [1] * 20}), "unit 'min'"),
    ("few.json", json.dumps({"baseline": [0.01] * 20, "candidate": [0.01] * 3}), "candidate: 3 latencies"),
    ("header.csv", "variant,latency\nbaseline,1\n", "header"),
    ("variant.csv", "variant,latency_ms\nbaseline,1\ncanary,2\n", r"variant.csv:3: variant 'canary'"),
    ("number.csv", "variant,latency_ms\nbaseline,fast\n", r"number.csv:2: latency_ms 'fast' is not a number"),
    ("empty.csv", "", "header"),
    ("latencies.txt", "1 2 3", "give a .json or .csv"),
])
def test_bad_files_give_a_clear_error_naming_the_file(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ValueError, match=message) as err:
        load_samples(path)
    assert str(err.value).startswith(str(path))
    assert "\n" not in str(err.value)


def test_a_missing_file_names_the_file(tmp_path):
    with pytest.raises(ValueError, match="not a readable JSON file"):
        load_json(tmp_path / "absent.json")
    with pytest.raises(ValueError, match="not a readable CSV file"):
        reward_engine.load_csv(tmp_path / "absent.csv")
