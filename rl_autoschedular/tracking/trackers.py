"""Training-run tracking: one `Tracker` interface fed by the trainer, with three backends.

What each backend writes, all inside the run directory RUN_DIR:

- ``jsonl`` (always on):
  - ``metrics.jsonl``: one JSON object per training iteration, ``{"iteration", "time", <metrics>...}``; ``time`` is
    wall-clock seconds since the epoch. Nested dicts (``failures``: status -> count) are kept nested.
  - ``eval.jsonl``: one JSON object per evaluation, ``{"iteration", "time", "summary", "rows"}``, where ``rows`` is
    the list of per-benchmark results (name, status, speedup, time_ns...) and ``summary`` is `summarize_eval(rows)`.
    One line per evaluation keeps an evaluation atomic: a kill leaves it whole or absent, never half written.
  - ``params.json``: the last `log_params` snapshot (the run's configuration).
  Lines are appended and flushed one by one, so a resumed run continues the same files and a killed run loses at
  most the line being written. Values are strict JSON: a NaN or infinite float is written as null.
- ``mlflow``: one MLflow run per training run, named after the run directory and tagged ``run_dir`` (its absolute
  path), in a store that all the runs of a checkout share, so that they can be compared side by side
  (`mlflow_tracking_uri`):

  - ``$MLFLOW_TRACKING_URI`` when set: a tracking server (what a cluster needs: many Slurm jobs must not write one
    SQLite file over a network file system) or another store. It is read from the environment only, never from the
    config, because a URI may hold a password and the config is copied into the run directory and checkpoints; it
    is only ever shown with its password masked.
  - else the SQLite file ``mlflow.db`` in the run directory's parent folder: ``results/mlflow.db`` for the runs in
    ``results/``. Artifacts of a SQLite store go to ``mlartifacts/`` beside it (never ``./mlruns`` of the cwd).

  The MLflow run's id is kept in ``RUN_DIR/mlflow_run_id``, so that a resumed run logs into the same MLflow run; a
  run moved to another folder (or an environment pointing elsewhere) starts a new one, with a warning. The
  dashboard: ``scripts/mlflow_ui.sh``. Nothing goes to the network unless ``MLFLOW_TRACKING_URI`` says so, and
  MLflow's telemetry is switched off unless the user set it.
- ``neptune``: ``neptune.init_run`` in mode ``offline`` (default; data under ``RUN_DIR/.neptune/``, uploaded later
  with ``neptune sync --path RUN_DIR`` by a user who has a Neptune-compatible server), ``debug`` (nothing kept; for
  tests) or ``async`` (live, only with a server: without one the client hangs about a minute and then fails). The
  project and API token come from the client's own ``NEPTUNE_PROJECT`` and ``NEPTUNE_API_TOKEN`` variables; this
  module never reads them into a log, and any parameter value containing the token is redacted. A custom run id
  kept in ``neptune_run_id`` lets a resumed async run continue the same Neptune run.

On resume, `truncate_after` (or ``resume_iteration``) drops the JSONL lines of iterations after the checkpoint, so
a run killed after logging iteration k but before checkpointing it does not log k twice. MLflow and Neptune have no
way to delete logged points: there, a repeated iteration shows as a second value at the same step.

`log_artifacts` attaches files (the PNG plots of ``analysis/plot_results.py``) to a run, finished or not.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

BACKENDS = ("jsonl", "mlflow", "neptune")
NEPTUNE_MODES = ("offline", "debug", "async")
METRICS_FILE = "metrics.jsonl"
EVAL_FILE = "eval.jsonl"
MLFLOW_STORE = "mlflow.db"
MLFLOW_RUN_ID_FILE = "mlflow_run_id"
NEPTUNE_RUN_ID_FILE = "neptune_run_id"


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


def mlflow_tracking_uri(run_dir: str | Path) -> str:
    """The MLflow store of the run in `run_dir`: ``$MLFLOW_TRACKING_URI`` when set, else the SQLite store
    ``mlflow.db`` in the run directory's parent folder, which every run written beside it shares."""
    return os.environ.get("MLFLOW_TRACKING_URI") or f"sqlite:///{Path(run_dir).resolve().parent / MLFLOW_STORE}"


class MlflowTracker(Tracker):
    """An MLflow run in the shared store (`mlflow_tracking_uri`), tagged with its run directory and reattached on
    resume through ``RUN_DIR/mlflow_run_id``."""

    def __init__(self, run_dir: str | Path, experiment: str):
        self.run_dir = Path(run_dir).resolve()
        self.run_dir.mkdir(parents=True, exist_ok=True)
        uri = mlflow_tracking_uri(self.run_dir)
        self.client = _mlflow_client(uri)
        id_file = self.run_dir / MLFLOW_RUN_ID_FILE
        self.run_id = id_file.read_text().strip() if id_file.exists() else None
        if self.run_id and _mlflow_run_exists(self.client, self.run_id):
            self.client.update_run(self.run_id, status="RUNNING")
        else:
            if self.run_id:
                log.warning("MLflow run %s of %s is not in %s; logging to a new MLflow run", self.run_id,
                            self.run_dir, _redact_uri(uri))
            found = self.client.get_experiment_by_name(experiment)
            exp_id = found.experiment_id if found else self.client.create_experiment(
                experiment, artifact_location=_artifact_location(uri))
            self.run_id = self.client.create_run(exp_id, run_name=self.run_dir.name).info.run_id
            id_file.write_text(self.run_id + "\n")
        # set on every start, so that the tag follows a run directory that was moved within the same store
        self.client.set_tag(self.run_id, "run_dir", str(self.run_dir))
        log.info("MLflow run %s in %s", self.run_id, _redact_uri(uri))

    def log_params(self, params: dict) -> None:
        """Log flattened, stringified parameters; on resume only new keys (MLflow forbids changing a value)."""
        from mlflow.entities import Param
        from mlflow.utils.validation import MAX_PARAM_VAL_LENGTH, MAX_PARAMS_TAGS_PER_BATCH

        existing = self.client.get_run(self.run_id).data.params
        new = []
        for key, value in flatten(_redact(params)).items():
            text = value if isinstance(value, str) else json.dumps(value, default=str)
            key, text = _metric_name(key), text[:MAX_PARAM_VAL_LENGTH]
            if key not in existing:
                new.append(Param(key, text))
            elif existing[key] != text:
                log.warning("MLflow param %s keeps its first value %r (now %r)", key, existing[key], text)
        for i in range(0, len(new), MAX_PARAMS_TAGS_PER_BATCH):
            self.client.log_batch(self.run_id, params=new[i:i + MAX_PARAMS_TAGS_PER_BATCH])

    def log_metrics(self, step: int, metrics: dict[str, Any]) -> None:
        """Log every number (nested dicts flattened, ``failures.ok``...) at `step`."""
        self._log(step, _numbers(metrics))

    def log_eval(self, step: int, rows: list[dict]) -> None:
        """Log ``eval/<summary key>`` and ``eval/speedup/<benchmark>`` (verified speedups only) at `step`."""
        self._log(step, _eval_values(rows))

    def close(self, failed: bool = False) -> None:
        """Mark the MLflow run FINISHED (or FAILED)."""
        self.client.set_terminated(self.run_id, status="FAILED" if failed else "FINISHED")

    def _log(self, step: int, values: dict[str, float]) -> None:
        from mlflow.entities import Metric
        from mlflow.utils.validation import MAX_METRICS_PER_BATCH

        now = int(time.time() * 1000)
        metrics = [Metric(_metric_name(k), v, now, int(step)) for k, v in values.items()]
        for i in range(0, len(metrics), MAX_METRICS_PER_BATCH):
            self.client.log_batch(self.run_id, metrics=metrics[i:i + MAX_METRICS_PER_BATCH])


class NeptuneTracker(Tracker):
    """A Neptune run whose local data lives in ``RUN_DIR/.neptune``."""

    def __init__(self, run_dir: str | Path, mode: str = "offline"):
        if mode not in NEPTUNE_MODES:
            raise ValueError(f"neptune mode must be one of {', '.join(NEPTUNE_MODES)}, not {mode!r}")
        self.run_dir = Path(run_dir).resolve()
        self.run = _neptune_run(self.run_dir, mode)

    def log_params(self, params: dict) -> None:
        """Assign the configuration under ``params/`` (lists and other types stringified)."""
        from neptune.utils import stringify_unsupported

        self.run["params"] = stringify_unsupported(_redact(params))

    def log_metrics(self, step: int, metrics: dict[str, Any]) -> None:
        """Append every finite number to ``train/<key>`` at `step`."""
        self._append(step, {f"train/{k}": v for k, v in _numbers(metrics).items()})

    def log_eval(self, step: int, rows: list[dict]) -> None:
        """Append the summary to ``eval/<key>`` and verified speedups to ``eval/speedup/<benchmark>``."""
        self._append(step, _eval_values(rows))

    def close(self, failed: bool = False) -> None:
        """Stop the run (flushes the offline data)."""
        self.run.stop()

    def _append(self, step: int, values: dict[str, float]) -> None:
        for key, value in values.items():
            if math.isfinite(value):  # Neptune rejects NaN and infinities
                self.run[key.replace(".", "/")].append(value, step=step)


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

    - ``mlflow``: the MLflow run named in ``RUN_DIR/mlflow_run_id``, in the store `mlflow_tracking_uri` resolves
      now (so the same ``MLFLOW_TRACKING_URI`` as during training, if one was set); a file keeps its name.
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
        uri = mlflow_tracking_uri(run_dir)
        client = _mlflow_client(uri)
        run_id = (run_dir / MLFLOW_RUN_ID_FILE).read_text().strip()
        if not _mlflow_run_exists(client, run_id):
            raise ValueError(f"{run_dir}: MLflow run {run_id} is not in {_redact_uri(uri)}; set MLFLOW_TRACKING_URI "
                             "to the store the run logged to")
        for path in paths:
            client.log_artifact(run_id, str(path), artifact_path=folder)
    if "neptune" in backends:
        from neptune.types import File

        run = _neptune_run(run_dir, "offline")
        try:
            for path in paths:
                # the content, not the path: the offline data then holds a copy, whatever becomes of the file
                run[f"{folder}/{path.stem}"].upload(
                    File.from_content(path.read_bytes(), extension=path.suffix.lstrip(".") or None))
        finally:
            run.stop()
    return backends


def _mlflow_client(uri: str):
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    from mlflow.tracking import MlflowClient  # lazy: importing mlflow takes seconds

    return MlflowClient(tracking_uri=uri)


def _mlflow_run_exists(client, run_id: str) -> bool:
    from mlflow.exceptions import MlflowException

    try:
        client.get_run(run_id)
    except MlflowException as exc:
        if exc.error_code == "RESOURCE_DOES_NOT_EXIST":
            return False
        raise
    return True


def _artifact_location(uri: str) -> str | None:
    """``mlartifacts/`` beside a SQLite store (MLflow's default is ./mlruns of whatever the cwd is); for another
    store, None: the server or store decides."""
    if not uri.startswith("sqlite:///"):
        return None
    return (Path(uri.removeprefix("sqlite:///")).resolve().parent / "mlartifacts").as_uri()


def _redact_uri(uri: str) -> str:
    """`uri` fit for a log line: its user and password masked (``https://***@host/path``), its query left out."""
    return re.sub(r"(?<=://)[^/?#]*@", "***@", uri.partition("?")[0])


def _neptune_run(run_dir: Path, mode: str):
    """The Neptune run of `run_dir` (its custom id kept in ``neptune_run_id``), data under ``RUN_DIR/.neptune``."""
    import neptune  # lazy: slow to import

    run_dir.mkdir(parents=True, exist_ok=True)
    id_file = run_dir / NEPTUNE_RUN_ID_FILE
    if not id_file.exists():
        id_file.write_text(uuid.uuid4().hex + "\n")
    # neptune 1.x has no data-directory argument; it reads this variable when the run starts (even debug mode
    # creates .neptune/ in the cwd otherwise), so it is set for the start only
    with _environ("NEPTUNE_DATA_DIRECTORY", str(run_dir / ".neptune")):
        # stdout/stderr capture could copy anything printed into files; the trainer records the git commit
        return neptune.init_run(mode=mode, custom_run_id=id_file.read_text().strip(), name=run_dir.name,
                                capture_stdout=False, capture_stderr=False, capture_hardware_metrics=False,
                                source_files=[], git_ref=False)


def _verified(row: dict) -> bool:
    return row.get("speedup") is not None and row.get("status", "ok") == "ok"


def _eval_values(rows: list[dict]) -> dict[str, float]:
    """The dashboard series of one evaluation: the summary, and each verified speedup."""
    values = {f"eval/{k}": v for k, v in summarize_eval(rows).items()}
    values.update({f"eval/speedup/{r['name']}": float(r["speedup"]) for r in rows if _verified(r)})
    return values


def _iteration_of(line: str) -> int | None:
    try:
        return int(json.loads(line)["iteration"])
    except (ValueError, KeyError, TypeError):
        return None


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


def _metric_name(key: str) -> str:
    return re.sub(r"[^/\w.\- ]", "_", key)


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


@contextlib.contextmanager
def _environ(name: str, value: str):
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            del os.environ[name]
        else:
            os.environ[name] = old
