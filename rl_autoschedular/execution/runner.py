"""The single place that runs code: a persistent, isolated worker process with compile and run timeouts.

A segfault, an abort in the bindings, a hang in pattern application or in JIT code costs one sample: the worker is
killed or found dead, the outcome is returned as a structured result, and a fresh worker serves the next job.
Workers are started with subprocess (never fork: OpenMP runtimes are not fork-safe), with a fixed thread count and
KMP_BLOCKTIME=0 so Intel's runtime does not spin on a core after each parallel region.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from rl_autoschedular.execution.job import Job
from rl_autoschedular.execution.worker import read_frame, write_frame

_REPO_ROOT = str(Path(__file__).resolve().parents[2])


class _Timeout(Exception):
    pass


class IsolatedRunner:
    """Runs `execution.Job`s in a child process that is restarted after any crash or timeout."""

    def __init__(self, threads: int = 1):
        self.threads = threads
        self._proc: subprocess.Popen | None = None
        self._log = None

    def _start(self) -> None:
        env = dict(os.environ)
        env.update({
            "OMP_NUM_THREADS": str(self.threads),
            "KMP_BLOCKTIME": "0",
            "MLIR_RL_PARENT_PID": str(os.getpid()),
            "PYTHONPATH": _REPO_ROOT + os.pathsep + env.get("PYTHONPATH", ""),
        })
        self._log = tempfile.TemporaryFile()
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "rl_autoschedular.execution.worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
            env=env, start_new_session=True,
        )

    def close(self) -> None:
        """Stop the worker (it exits when its stdin closes; killed if it does not)."""
        if self._proc is None:
            return
        try:
            self._proc.stdin.close()
            self._proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self._kill()
        self._proc = None
        if self._log:
            self._log.close()
            self._log = None

    def _kill(self) -> None:
        if self._proc is None:
            return
        try:
            os.killpg(self._proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self._proc.wait()

    def _log_tail(self) -> str:
        if not self._log:
            return ""
        self._log.seek(0)
        lines = [ln.strip() for ln in self._log.read().decode(errors="replace").splitlines() if ln.strip()]
        return lines[-1][:300] if lines else ""

    def _read(self, timeout: float):
        fd = self._proc.stdout.fileno()
        ready, _, _ = select.select([fd], [], [], max(0.0, timeout))
        if not ready:
            raise _Timeout()
        return read_frame(self._proc.stdout)

    def _crash_result(self) -> dict:
        code = self._proc.wait()
        if code < 0:
            try:
                what = signal.Signals(-code).name
            except ValueError:
                what = f"signal {-code}"
        else:
            what = f"exit code {code}"
        tail = self._log_tail()
        self._proc = None
        return {"status": "crash", "message": f"worker died ({what})" + (f": {tail}" if tail else "")}

    def run(self, job: Job, compile_timeout: float, run_timeout: float) -> dict:
        """Measure `job`. Always returns a dict with `status` (one of STATUSES) and `message`; never raises for
        anything the job does."""
        if self._proc is None or self._proc.poll() is not None:
            self._start()
        self._log.seek(0)
        self._log.truncate()
        try:
            write_frame(self._proc.stdin, job)
            phase = "compile"
            frame = self._read(compile_timeout)
            if frame is None:
                return self._crash_result()
            if frame[0] == "failed":
                return frame[1]
            phase = "run"
            frame = self._read(run_timeout)
            if frame is None:
                return self._crash_result()
            return frame[1]
        except _Timeout:
            self._kill()
            self._proc = None
            limit = compile_timeout if phase == "compile" else run_timeout
            return {"status": "timeout", "message": f"{phase} exceeded {limit:.1f} s"}
        except (BrokenPipeError, EOFError, OSError):
            if self._proc is not None and self._proc.poll() is None:
                self._kill()
            return self._crash_result() if self._proc is not None else {"status": "crash", "message": "worker lost"}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
