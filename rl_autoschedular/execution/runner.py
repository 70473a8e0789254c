"""The single place that runs code: a persistent, isolated worker process with compile and run timeouts.

A segfault, an abort in the bindings, a hang in pattern application or in JIT code costs one sample: the worker is
killed or found dead, the outcome is returned as a structured result, and a fresh worker serves the next job.
Workers are started with subprocess (never fork: OpenMP runtimes are not fork-safe), with a fixed thread count and
KMP_BLOCKTIME=0 so Intel's runtime does not spin on a core after each parallel region.

Jobs and results travel as `multiprocessing.connection.Connection` messages over a socket pair, not over the
worker's stdout: its stdout and stderr go to a log, so nothing JIT code prints can corrupt the protocol. A
Connection reads exactly one message per `recv` (no read-ahead buffer), so `poll` on its socket never misses a
message that arrived together with the previous one.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
from multiprocessing.connection import Connection
from pathlib import Path

from rl_autoschedular.execution.job import Job
from rl_autoschedular.execution.worker import CHANNEL_ENV

_REPO_ROOT = str(Path(__file__).resolve().parents[2])
log = logging.getLogger("rl_autoschedular.execution")


class _Timeout(Exception):
    pass


class IsolatedRunner:
    """Runs `execution.Job`s in a child process that is restarted after any crash or timeout."""

    def __init__(self, threads: int = 1):
        self.threads = threads
        self._proc: subprocess.Popen | None = None
        self._conn: Connection | None = None
        self._log = None

    def _start(self) -> None:
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        env.update({
            "OMP_NUM_THREADS": str(self.threads),
            "KMP_BLOCKTIME": "0",
            "MLIR_RL_PARENT_PID": str(os.getpid()),
            CHANNEL_ENV: str(theirs.fileno()),
            "PYTHONPATH": _REPO_ROOT + os.pathsep + env.get("PYTHONPATH", ""),
        })
        self._log = tempfile.TemporaryFile()
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "rl_autoschedular.execution.worker"],
                stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log, pass_fds=(theirs.fileno(),),
                env=env, start_new_session=True,
            )
        finally:
            theirs.close()  # the worker holds its own copy; ours must go so that its death reads as end of file
        self._conn = Connection(ours.detach())

    def close(self) -> None:
        """Stop the worker (it exits when the channel closes; killed if it does not)."""
        if self._proc is None:
            return
        self._conn.close()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._kill()
        self._forget()

    def _forget(self) -> None:
        if self._conn is not None and not self._conn.closed:
            self._conn.close()
        self._proc = self._conn = None
        if self._log:
            self._log.close()
            self._log = None

    def _kill(self) -> None:
        try:
            os.killpg(self._proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self._proc.wait()

    def _log_tail(self) -> str:
        self._log.seek(0)
        lines = [ln.strip() for ln in self._log.read().decode(errors="replace").splitlines() if ln.strip()]
        return lines[-1][:300] if lines else ""

    def _send(self, job: Job) -> None:
        self._conn.send(job)

    def _recv(self, timeout: float):
        """The worker's next message; _Timeout if none within `timeout` s, EOFError or OSError if it died."""
        if not self._conn.poll(max(0.0, timeout)):
            raise _Timeout()
        return self._conn.recv()

    def _crash_result(self, phase: str) -> dict:
        """The worker died in `phase` ("compile" or "run"): a crash of the bindings or of the JIT code."""
        code = self._proc.wait()
        if code < 0:
            try:
                what = signal.Signals(-code).name
            except ValueError:
                what = f"signal {-code}"
        else:
            what = f"exit code {code}"
        tail = self._log_tail()
        self._forget()
        doing = "compiling" if phase == "compile" else "running"
        return {"status": "crash", "phase": phase,
                "message": f"worker died while {doing} ({what})" + (f": {tail}" if tail else "")}

    def run(self, job: Job, compile_timeout: float, run_timeout: float) -> dict:
        """Measure `job`. Always returns a dict with `status` (one of STATUSES) and `message`; never raises for
        anything the job does. A traceback the worker sends (a harness error) is logged, not returned. A timeout or
        crash while running keeps the compile's phase times (apply_ms, lower_ms, jit_ms)."""
        if self._proc is None or self._proc.poll() is not None:
            if self._proc is not None:
                self._forget()
            self._start()
        self._log.seek(0)
        self._log.truncate()
        phase, phases = "compile", {}
        try:
            self._send(job)
            kind, result = self._recv(compile_timeout)
            if kind == "compiled":
                phase, phases = "run", result
                kind, result = self._recv(run_timeout)
        except _Timeout:
            self._kill()
            self._forget()
            limit = compile_timeout if phase == "compile" else run_timeout
            return {"status": "timeout", "phase": phase, "message": f"{phase} exceeded {limit:.3g} s", **phases}
        except (EOFError, OSError):  # the worker died (a crash in JIT code or in the bindings)
            if self._proc.poll() is None:
                self._kill()
            return {**self._crash_result(phase), **phases}
        trace = result.pop("traceback", None)
        if trace:
            log.error("harness error in the measuring process: %s\n%s", result["message"], trace)
        return result

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
