"""Latency SLIs as rewards: percentiles with bootstrap confidence intervals, a significance test, and a reward that is
given only when the comparison is conclusive.

Every latency here is in SECONDS (the file loaders convert). `evaluate(baseline, candidate)` computes, for each
sample, p50, p95 and p99 (numpy's default linear interpolation, so they equal `np.percentile`) with seeded
percentile-bootstrap confidence intervals (`scipy.stats.bootstrap`), the chosen SLI's relative change, the
bootstrap confidence interval of the SLI ratio candidate / baseline (both samples resampled independently), and a
two-sided Mann-Whitney U test (`scipy.stats.mannwhitneyu`).

The rule. A comparison is conclusive only when BOTH hold:
  - the Mann-Whitney p-value is at most `alpha` (the two latency distributions differ), and
  - the confidence interval of the SLI ratio lies wholly outside the band of no practical change
    [1 - min_effect, 1 + min_effect] (the chosen percentile itself moved, and by more than `min_effect`).
The test alone would reward a shift of the median when the SLI is p99; the interval alone, on a few hundred samples,
is a single test at 1 - confidence with no check of the distributions as a whole. The band (default 5%) is there
because two processes running the very same code differ by a few percent for reasons no schedule controls (where
their buffers fall in memory, which core they share): staged against itself on a busy 2-core machine, the baseline
showed shifts of 2-5% that Mann-Whitney called significant. The verdict's direction is the ratio interval's: below
the band is an "improvement", above it a "regression". Anything else is "inconclusive", with reward None and a
reason, so that noise never reaches the learner.

Rewards (natural log, positive is better), given only for a conclusive verdict:
  - "canary": log(SLI_baseline / SLI_candidate), the canary against the baseline;
  - "slo":    log(SLO / SLI_candidate), against a configured SLO (in seconds); `slo_met` then says whether the
              candidate's SLI interval lies wholly below (True) or above (False) the SLO, None when it straddles it.

Files of per-request latencies (`load_samples` picks the loader by suffix):
  - JSON (`load_json`): {"unit": "ms", "baseline": [12.1, 11.9, ...], "candidate": [9.8, ...]}; "unit" is one of
    s, ms, us, ns and defaults to s.
  - CSV (`load_csv`): a header with a `variant` column and one `latency_<unit>` column (latency_s, latency_ms,
    latency_us or latency_ns); each row is one request, its variant `baseline` or `candidate`. Other columns (a
    timestamp, a request id) are ignored.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from scipy import stats

SLIS = {"p50": 50.0, "p95": 95.0, "p99": 99.0}
FORMULAS = ("canary", "slo")
UNITS = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}
VARIANTS = ("baseline", "candidate")
# Fewer requests than this give no p99 worth a confidence interval.
MIN_SAMPLES = 10
# Resamples held in memory at once: bounds memory for long production files.
_BATCH = 250


@dataclass(frozen=True)
class LatencySamples:
    """Per-request latencies of the two variants, in seconds."""

    baseline: np.ndarray
    candidate: np.ndarray


@dataclass(frozen=True)
class Estimate:
    """A point estimate and its bootstrap confidence interval [low, high]."""

    value: float
    low: float
    high: float


@dataclass(frozen=True)
class Summary:
    """One variant's request count, mean and percentiles (seconds)."""

    n: int
    mean: float
    p50: Estimate
    p95: Estimate
    p99: Estimate


@dataclass(frozen=True)
class RewardReport:
    """The comparison of a candidate with a baseline, its verdict and its reward (None unless conclusive)."""

    sli: str
    formula: str
    slo_s: float | None
    alpha: float
    confidence_level: float
    min_effect: float
    n_resamples: int
    seed: int
    baseline: Summary
    candidate: Summary
    sli_baseline_s: float
    sli_candidate_s: float
    relative_change: float  # (SLI_candidate - SLI_baseline) / SLI_baseline: negative is faster
    ratio: Estimate  # SLI_candidate / SLI_baseline with its bootstrap interval
    mann_whitney_u: float
    p_value: float
    verdict: str  # "improvement", "regression" or "inconclusive"
    reward: float | None
    reason: str
    slo_met: bool | None = None
    unit: str = "s"

    def to_json(self) -> dict:
        """The report as a JSON-serialisable dict (nested dataclasses become dicts)."""
        return asdict(self)


def _as_seconds(values, what: str) -> np.ndarray:
    """A 1-D float array of positive, finite latencies; ValueError naming `what` otherwise."""
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{what}: latencies must be numbers") from None
    if arr.ndim != 1:
        raise ValueError(f"{what}: latencies must be a flat list, got shape {arr.shape}")
    if arr.size < MIN_SAMPLES:
        raise ValueError(f"{what}: {arr.size} latencies; at least {MIN_SAMPLES} are needed")
    if not np.all(np.isfinite(arr)) or np.any(arr <= 0):
        raise ValueError(f"{what}: latencies must be finite and positive")
    return arr


def load_json(path: str | Path) -> LatencySamples:
    """Read {"unit": ..., "baseline": [...], "candidate": [...]} (see the module docstring); ValueError naming the
    file on any problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a readable JSON file ({exc})") from None
    if not isinstance(data, dict) or any(k not in data for k in VARIANTS):
        raise ValueError(f"{path}: expected an object with \"baseline\" and \"candidate\" lists of latencies")
    unit = data.get("unit", "s")
    if unit not in UNITS:
        raise ValueError(f"{path}: unit {unit!r} is not one of {', '.join(UNITS)}")
    scale = UNITS[unit]
    return LatencySamples(*(_as_seconds(data[v], f"{path}: {v}") * scale for v in VARIANTS))


def load_csv(path: str | Path) -> LatencySamples:
    """Read per-request rows `variant,latency_<unit>` (see the module docstring); ValueError naming the file (and
    the line) on any problem."""
    path = Path(path)
    try:
        with path.open(newline="") as f:
            rows = list(csv.DictReader(f))
            header = rows[0].keys() if rows else []
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"{path}: not a readable CSV file ({exc})") from None
    columns = [c for c in header if c and c.startswith("latency_") and c[len("latency_"):] in UNITS]
    if "variant" not in header or len(columns) != 1:
        raise ValueError(f"{path}: expected a header with a \"variant\" column and one of "
                         f"{', '.join('latency_' + u for u in UNITS)}")
    column = columns[0]
    values: dict[str, list[float]] = {v: [] for v in VARIANTS}
    for line, row in enumerate(rows, start=2):
        variant = (row.get("variant") or "").strip()
        if variant not in values:
            raise ValueError(f"{path}:{line}: variant {variant!r} is not baseline or candidate")
        try:
            values[variant].append(float(row[column]))
        except (TypeError, ValueError):
            raise ValueError(f"{path}:{line}: {column} {row[column]!r} is not a number") from None
    scale = UNITS[column[len("latency_"):]]
    return LatencySamples(*(_as_seconds(values[v], f"{path}: {v}") * scale for v in VARIANTS))


def load_samples(path: str | Path) -> LatencySamples:
    """Load a .json or .csv latency file (by its suffix)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return load_json(path)
    if path.suffix.lower() == ".csv":
        return load_csv(path)
    raise ValueError(f"{path}: give a .json or .csv file of per-request latencies")


def _summary(x: np.ndarray, confidence: float, n_resamples: int, rng: np.random.Generator) -> Summary:
    qs = list(SLIS.values())

    def percentiles(sample, axis=-1):
        # One row per percentile, resamples last: the layout bootstrap expects of a vector-valued statistic.
        return np.percentile(sample, qs, axis=axis)

    boot = stats.bootstrap((x,), percentiles, vectorized=True, n_resamples=n_resamples, batch=_BATCH,
                           confidence_level=confidence, method="percentile", rng=rng)
    point = np.percentile(x, qs)
    est = {name: Estimate(float(point[i]), float(boot.confidence_interval.low[i]),
                          float(boot.confidence_interval.high[i])) for i, name in enumerate(SLIS)}
    return Summary(int(x.size), float(np.mean(x)), **est)


def _ratio(base: np.ndarray, cand: np.ndarray, q: float, confidence: float, n_resamples: int,
           rng: np.random.Generator) -> Estimate:
    def ratio(b, c, axis=-1):
        return np.percentile(c, q, axis=axis) / np.percentile(b, q, axis=axis)

    boot = stats.bootstrap((base, cand), ratio, vectorized=True, n_resamples=n_resamples, batch=_BATCH,
                           confidence_level=confidence, method="percentile", rng=rng)
    return Estimate(float(ratio(base, cand)), float(boot.confidence_interval.low),
                    float(boot.confidence_interval.high))


def check_options(sli: str = "p95", formula: str = "canary", slo_s: float | None = None, alpha: float = 0.05,
                  confidence: float = 0.95, n_resamples: int = 999, min_effect: float = 0.05) -> None:
    """ValueError, in one line, for settings `evaluate` cannot use (a caller can check them before collecting
    samples)."""
    if sli not in SLIS:
        raise ValueError(f"sli {sli!r} is not one of {', '.join(SLIS)}")
    if formula not in FORMULAS:
        raise ValueError(f"reward formula {formula!r} is not one of {', '.join(FORMULAS)}")
    if formula == "slo" and (slo_s is None or not math.isfinite(slo_s) or slo_s <= 0):
        raise ValueError("the slo reward needs a positive SLO")
    if not 0 < alpha < 1 or not 0 < confidence < 1:
        raise ValueError("alpha and the confidence level must lie strictly between 0 and 1")
    if n_resamples < 100:
        raise ValueError("n_resamples must be at least 100")
    if not 0 <= min_effect < 1:
        raise ValueError("min_effect must lie in [0, 1)")


def evaluate(baseline, candidate, *, sli: str = "p95", formula: str = "canary", slo_s: float | None = None,
             alpha: float = 0.05, confidence: float = 0.95, n_resamples: int = 999, min_effect: float = 0.05,
             seed: int = 0) -> RewardReport:
    """Compare per-request latencies (seconds) of a candidate with a baseline's; see the module docstring for the
    statistics, the rule that makes a comparison conclusive, and the two reward formulas. ValueError on bad input."""
    check_options(sli, formula, slo_s, alpha, confidence, n_resamples, min_effect)
    base = _as_seconds(baseline, "baseline")
    cand = _as_seconds(candidate, "candidate")
    rng = np.random.default_rng(seed)
    summaries = [_summary(x, confidence, n_resamples, rng) for x in (base, cand)]
    sli_base, sli_cand = (getattr(s, sli).value for s in summaries)
    ratio = _ratio(base, cand, SLIS[sli], confidence, n_resamples, rng)
    test = stats.mannwhitneyu(base, cand, alternative="two-sided")
    # All-equal samples give a NaN p-value: no evidence of any difference.
    p_value = float(test.pvalue) if math.isfinite(test.pvalue) else 1.0
    interval = f"{confidence:.0%} CI of the {sli} ratio candidate/baseline [{ratio.low:.4g}, {ratio.high:.4g}]"
    band = f"[{1 - min_effect:.4g}, {1 + min_effect:.4g}]"
    if p_value > alpha:
        verdict, reason = "inconclusive", f"Mann-Whitney U p = {p_value:.3g} > alpha {alpha:g}; {interval}"
    elif ratio.high >= 1 - min_effect and ratio.low <= 1 + min_effect:
        verdict, reason = "inconclusive", f"Mann-Whitney U p = {p_value:.3g} <= alpha {alpha:g}, but the {interval} " \
                                          f"reaches the band of no practical change {band}"
    else:
        verdict = "improvement" if ratio.high < 1 - min_effect else "regression"
        reason = f"Mann-Whitney U p = {p_value:.3g} <= alpha {alpha:g} and the {interval} lies outside the band " \
                 f"of no practical change {band}"
    reward = None
    if verdict != "inconclusive":
        reward = math.log(sli_base / sli_cand) if formula == "canary" else math.log(slo_s / sli_cand)
    slo_met = None
    if formula == "slo":
        cand_sli = getattr(summaries[1], sli)
        slo_met = True if cand_sli.high < slo_s else False if cand_sli.low > slo_s else None
    return RewardReport(
        sli=sli, formula=formula, slo_s=slo_s if formula == "slo" else None, alpha=alpha,
        confidence_level=confidence, min_effect=min_effect, n_resamples=n_resamples, seed=seed, baseline=summaries[0],
        candidate=summaries[1], sli_baseline_s=sli_base, sli_candidate_s=sli_cand,
        relative_change=(sli_cand - sli_base) / sli_base, ratio=ratio, mann_whitney_u=float(test.statistic),
        p_value=p_value, verdict=verdict, reward=reward, reason=reason, slo_met=slo_met)
