"""What every tracking backend shares: the `Tracker` interface, the summary of an evaluation, and the cleaning of
the values it logs (plain JSON, flattened numbers, the Neptune API token redacted)."""

from __future__ import annotations

import math
import os
from typing import Any


class Tracker:
    """The interface the trainer logs through; every backend implements it. Usable as a context manager."""

    def log_params(self, params: dict) -> None:
        """Record the run's configuration (nested dicts allowed)."""
        raise NotImplementedError

    def log_metrics(self, step: int, metrics: dict[str, Any]) -> None:
        """Record one training iteration's metrics (numbers, or dicts of numbers such as ``failures``)."""
        raise NotImplementedError

    def log_eval(self, step: int, rows: list[dict]) -> None:
        """Record one evaluation: one row per benchmark (name, status, speedup or None, time_ns...)."""
        raise NotImplementedError

    def close(self, failed: bool = False) -> None:
        """Flush and release the backend; `failed` marks a run that ended with an exception."""
        raise NotImplementedError

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(failed=exc_type is not None)


def summarize_eval(rows: list[dict]) -> dict[str, float]:
    """Geomean speedup of an evaluation, a benchmark without a verified speedup counting as 1.0 (its baseline is
    kept), and the fraction of benchmarks with a verified speedup."""
    verified = [float(r["speedup"]) for r in rows if _verified(r)]
    logs = [math.log(s) for s in verified] + [0.0] * (len(rows) - len(verified))
    return {"speedup_geomean": math.exp(sum(logs) / len(logs)) if logs else float("nan"),
            "verified_fraction": len(verified) / len(rows) if rows else float("nan"),
            "benchmarks": float(len(rows))}


def flatten(nested: dict, prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}}`` -> ``{"a.b": 1}``; lists stay values."""
    flat: dict[str, Any] = {}
    for key, value in nested.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def _verified(row: dict) -> bool:
    return row.get("speedup") is not None and row.get("status", "ok") == "ok"


def _eval_values(rows: list[dict]) -> dict[str, float]:
    """The dashboard series of one evaluation: the summary, and each verified speedup."""
    values = {f"eval/{k}": v for k, v in summarize_eval(rows).items()}
    values.update({f"eval/speedup/{r['name']}": float(r["speedup"]) for r in rows if _verified(r)})
    return values


def _clean(obj: Any) -> Any:
    """Plain JSON values: numpy and torch scalars unwrapped, tuples as lists, NaN and infinities as None."""
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if hasattr(obj, "tolist"):  # numpy and torch scalars and arrays
        return _clean(obj.tolist())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def _numbers(metrics: dict[str, Any]) -> dict[str, float]:
    """The flattened numeric values (bools and None left out)."""
    flat = flatten(_clean(metrics))
    return {k: float(v) for k, v in flat.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}


def _redact(obj: Any) -> Any:
    """A copy of `obj` with the Neptune API token replaced wherever a string contains it."""
    token = os.environ.get("NEPTUNE_API_TOKEN")
    if not token:
        return obj
    if isinstance(obj, dict):
        return {k: _redact(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_redact(v) for v in obj]
    return obj.replace(token, "<redacted>") if isinstance(obj, str) else obj
