"""The ``neptune`` tracking backend: ``neptune.init_run`` in mode ``offline`` (default; data under
``RUN_DIR/.neptune/``, uploaded later with ``neptune sync --path RUN_DIR`` by a user who has a Neptune-compatible
server), ``debug`` (nothing kept; for tests) or ``async`` (live, only with a server: without one the client hangs
about a minute and then fails). The project and API token come from the client's own ``NEPTUNE_PROJECT`` and
``NEPTUNE_API_TOKEN`` variables; this module never reads them into a log, and any parameter value containing the
token is redacted. A custom run id kept in ``neptune_run_id`` lets a resumed async run continue the same Neptune run.
"""

from __future__ import annotations

import contextlib
import math
import os
import uuid
from pathlib import Path
from typing import Any

from rl_autoschedular.tracking.base import Tracker, _eval_values, _numbers, _redact

NEPTUNE_MODES = ("offline", "debug", "async")
NEPTUNE_RUN_ID_FILE = "neptune_run_id"


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


def attach_neptune_files(run_dir: Path, paths: list[Path], folder: str) -> None:
    """Upload `paths` into the offline data of the run in `run_dir`, as ``<folder>/<file stem>``."""
    from neptune.types import File

    run = _neptune_run(run_dir, "offline")
    try:
        for path in paths:
            # the content, not the path: the offline data then holds a copy, whatever becomes of the file
            run[f"{folder}/{path.stem}"].upload(
                File.from_content(path.read_bytes(), extension=path.suffix.lstrip(".") or None))
    finally:
        run.stop()


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
