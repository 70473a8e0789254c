"""Training-run tracking: one `Tracker` interface fed by the trainer, with three backends, all writing inside the
run directory RUN_DIR:

- ``jsonl`` (always on; this module):
  - ``metrics.jsonl``: one JSON object per training iteration, ``{"iteration", "time", <metrics>...}``; ``time`` is
    wall-clock seconds since the epoch. Nested dicts (``failures``: status -> count) are kept nested.
  - ``eval.jsonl``: one JSON object per evaluation, ``{"iteration", "time", "summary", "rows"}``, where ``rows`` is
    the list of per-benchmark results (name, status, speedup, time_ns...) and ``summary`` is `summarize_eval(rows)`.
    One line per evaluation keeps an evaluation atomic: a kill leaves it whole or absent, never half written.
  - ``params.json``: the last `log_params` snapshot (the run's configuration).
  Lines are appended and flushed one by one, so a resumed run continues the same files and a killed run loses at
  most the line being written. Values are strict JSON: a NaN or infinite float is written as null.
- ``mlflow``: an MLflow run in a store that the runs of a checkout share (``results/mlflow.db`` unless
  ``$MLFLOW_TRACKING_URI`` says otherwise), reattached on resume; see `rl_autoschedular.tracking.mlflow_tracker`.
- ``neptune``: a Neptune run, offline by default (data under ``RUN_DIR/.neptune/``); see
  `rl_autoschedular.tracking.neptune_tracker`.

On resume, `truncate_after` (or ``resume_iteration``) drops the JSONL lines of iterations after the checkpoint, so
a run killed after logging iteration k but before checkpointing it does not log k twice. MLflow and Neptune have no
way to delete logged points: there, a repeated iteration shows as a second value at the same step.

`log_artifacts` attaches files (the PNG plots of ``analysis/plot_results.py``) to a run, finished or not.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rl_autoschedular.tracking.base import Tracker, _clean, _redact, summarize_eval
from rl_autoschedular.tracking.mlflow_tracker import MLFLOW_RUN_ID_FILE, MlflowTracker, attach_mlflow_files
from rl_autoschedular.tracking.neptune_tracker import NEPTUNE_MODES, NeptuneTracker, attach_neptune_files

BACKENDS = ("jsonl", "mlflow", "neptune")
METRICS_FILE = "metrics.jsonl"
EVAL_FILE = "eval.jsonl"


def truncate_after(run_dir: str | Path, iteration: int) -> None:
    """Drop the JSONL lines of iterations after `iteration`, and a torn last line, rewriting each file atomically."""
    for name in (METRICS_FILE, EVAL_FILE):
        path = Path(run_dir) / name
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if _iteration_of(line) is not None and _iteration_of(line) <= iteration]
        if len(kept) != len(lines):
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
            os.replace(tmp, path)


class JsonlTracker(Tracker):
    """The local log that is always written, and that `analysis/plot_results.py` reads."""

    def __init__(self, run_dir: str | Path, resume_iteration: int | None = None):
        self.run_dir = Path(run_dir)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        if resume_iteration is not None:
            truncate_after(self.run_dir, resume_iteration)
        self._metrics = open(self.run_dir / METRICS_FILE, "a", encoding="utf-8")
        self._eval = open(self.run_dir / EVAL_FILE, "a", encoding="utf-8")

    def log_params(self, params: dict) -> None:
        """Write ``params.json`` atomically (a resumed run replaces it with its own configuration)."""
        path = self.run_dir / "params.json"
        tmp = path.with_name(path.name + ".tmp")
        text = json.dumps(_clean(_redact(params)), indent=2, sort_keys=True, default=str)
        tmp.write_text(text + "\n", encoding="utf-8")
        os.replace(tmp, path)

    def log_metrics(self, step: int, metrics: dict[str, Any]) -> None:
        """Append one line to ``metrics.jsonl``."""
        values = {k: v for k, v in _clean(metrics).items() if k not in ("iteration", "time")}
        self._write(self._metrics, {"iteration": int(step), "time": time.time(), **values})

    def log_eval(self, step: int, rows: list[dict]) -> None:
        """Append one line, holding every row, to ``eval.jsonl``."""
        self._write(self._eval, {"iteration": int(step), "time": time.time(),
                                 "summary": _clean(summarize_eval(rows)), "rows": _clean(rows)})

    def close(self, failed: bool = False) -> None:
        """Close both files."""
        self._metrics.close()
        self._eval.close()

    @staticmethod
    def _write(stream, record: dict) -> None:
        stream.write(json.dumps(record, allow_nan=False, default=str) + "\n")
        stream.flush()


class MultiTracker(Tracker):
    """Forwards every call to several trackers."""

    def __init__(self, trackers: list[Tracker]):
        self.trackers = trackers

    def log_params(self, params: dict) -> None:
        """Forward to every tracker."""
        for t in self.trackers:
            t.log_params(params)

    def log_metrics(self, step: int, metrics: dict[str, Any]) -> None:
        """Forward to every tracker."""
        for t in self.trackers:
            t.log_metrics(step, metrics)

    def log_eval(self, step: int, rows: list[dict]) -> None:
        """Forward to every tracker."""
        for t in self.trackers:
            t.log_eval(step, rows)

    def close(self, failed: bool = False) -> None:
        """Close every tracker, even if one of them fails (its error is raised once all are closed)."""
        with contextlib.ExitStack() as stack:
            for t in self.trackers:
                stack.callback(t.close, failed)


def make_tracker(run_dir: str | Path, backends: list[str], experiment: str = "mlir-rl",
                 neptune_mode: str = "offline", resume_iteration: int | None = None) -> Tracker:
    """The trainer's tracker: JSONL always, plus the named backends (``mlflow``, ``neptune``). `resume_iteration` is
    the iteration of the checkpoint a resumed run starts from (None for a new run)."""
    unknown = sorted(set(backends) - set(BACKENDS))
    if unknown:
        raise ValueError(f"unknown tracking backend {', '.join(unknown)} (choose from {', '.join(BACKENDS)})")
    if neptune_mode not in NEPTUNE_MODES:
        raise ValueError(f"neptune mode must be one of {', '.join(NEPTUNE_MODES)}, not {neptune_mode!r}")
    trackers: list[Tracker] = [JsonlTracker(run_dir, resume_iteration)]
    try:
        if "mlflow" in backends:
            trackers.append(MlflowTracker(run_dir, experiment))
        if "neptune" in backends:
            trackers.append(NeptuneTracker(run_dir, neptune_mode))
    except BaseException:
        MultiTracker(trackers).close(failed=True)
        raise
    return MultiTracker(trackers)


def log_artifacts(run_dir: str | Path, paths: Iterable[str | Path], backends: Iterable[str] | None = None,
                  folder: str = "plots") -> list[str]:
    """Attach files (e.g. PNG plots) to the run in `run_dir`, finished or not, under `folder`; returns the backends
    they went to. `backends` (``mlflow``, ``neptune``) defaults to every one the run used:

    - ``mlflow``: the MLflow run named in ``RUN_DIR/mlflow_run_id``, in the store that
      `mlflow_tracker.mlflow_tracking_uri` resolves now (so the same ``MLFLOW_TRACKING_URI`` as during training, if
      one was set); a file keeps its name.
    - ``neptune``: the run's offline data ``RUN_DIR/.neptune``, as ``<folder>/<file stem>``, copied there, so the
      next ``neptune sync --path RUN_DIR`` uploads it. Neptune syncs offline data one session at a time: on the
      server the files arrive as a run of the same name (a resumed offline run's iterations do the same).

    `backends` may be the run's ``tracking.backends``: ``jsonl`` holds no files and is skipped. Attaching a file again
    replaces it in MLflow. Raises ValueError for a missing file, or a backend asked for that has no data of this run.
    """
    run_dir = Path(run_dir).resolve()
    paths = [Path(p) for p in paths]
    used = [b for b, marker in (("mlflow", MLFLOW_RUN_ID_FILE), ("neptune", ".neptune/offline"))
            if (run_dir / marker).exists()]
    backends = used if backends is None else [b for b in backends if b != "jsonl"]
    for backend in backends:
        if backend not in used:
            raise ValueError(f"{run_dir}: the run has no {backend} data to attach files to"
                             + (" (only offline runs keep any)" if backend == "neptune" else ""))
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise ValueError(f"no such file: {', '.join(missing)}")
    if "mlflow" in backends:
        attach_mlflow_files(run_dir, paths, folder)
    if "neptune" in backends:
        attach_neptune_files(run_dir, paths, folder)
    return backends


def _iteration_of(line: str) -> int | None:
    try:
        return int(json.loads(line)["iteration"])
    except (ValueError, KeyError, TypeError):
        return None
