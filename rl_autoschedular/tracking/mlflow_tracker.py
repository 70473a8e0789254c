"""The ``mlflow`` tracking backend: one MLflow run per training run, named after the run directory and tagged
``run_dir`` (its absolute path), in a store that all the runs of a checkout share, so that they can be compared side
by side (`mlflow_tracking_uri`):

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
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from pathlib import Path
from typing import Any

from rl_autoschedular.tracking.base import Tracker, _eval_values, _numbers, _redact, flatten

log = logging.getLogger(__name__)

MLFLOW_STORE = "mlflow.db"
MLFLOW_RUN_ID_FILE = "mlflow_run_id"


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


def attach_mlflow_files(run_dir: Path, paths: list[Path], folder: str) -> None:
    """Log `paths` as artifacts under `folder` of the MLflow run named in ``RUN_DIR/mlflow_run_id``, in the store
    `mlflow_tracking_uri` resolves now; raises ValueError when that store does not hold the run."""
    uri = mlflow_tracking_uri(run_dir)
    client = _mlflow_client(uri)
    run_id = (run_dir / MLFLOW_RUN_ID_FILE).read_text().strip()
    if not _mlflow_run_exists(client, run_id):
        raise ValueError(f"{run_dir}: MLflow run {run_id} is not in {_redact_uri(uri)}; set MLFLOW_TRACKING_URI "
                         "to the store the run logged to")
    for path in paths:
        client.log_artifact(run_id, str(path), artifact_path=folder)


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


def _metric_name(key: str) -> str:
    return re.sub(r"[^/\w.\- ]", "_", key)
