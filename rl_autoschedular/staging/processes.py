"""The service processes of a staging run: started (each in a process and session of its own, so the two never share
an interpreter, a JIT or an OpenMP runtime), waited for until they answer, and always stopped.

The harness binds each listening socket to 127.0.0.1:0 itself and hands it to the service as an inherited file
descriptor: the port is known before the service starts and no other process can take it in between.
"""

from __future__ import annotations

import os
import pickle
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from rl_autoschedular.execution.job import Job
from rl_autoschedular.staging import StageError

_REPO_ROOT = str(Path(__file__).resolve().parents[2])
# How long a service may take to stop after SIGTERM before it is killed.
_STOP_GRACE_S = 5.0


class ServiceProcess:
    """One service (`python -m rl_autoschedular.staging.service`) serving `job` on 127.0.0.1; a context manager
    that stops it on every path."""

    def __init__(self, role: str, job: Job, threads: int, workdir: str | Path):
        self.role = role
        self.health: dict = {}
        job_path = Path(workdir) / f"{role}.job.pkl"
        job_path.write_bytes(pickle.dumps(job))
        self._log = tempfile.TemporaryFile()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind(("127.0.0.1", 0))
            sock.listen(16)
            self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
            env = {**os.environ, "OMP_NUM_THREADS": str(threads), "KMP_BLOCKTIME": "0",
                   "MLIR_RL_PARENT_PID": str(os.getpid()),
                   "PYTHONPATH": _REPO_ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")}
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "rl_autoschedular.staging.service", "--job", str(job_path),
                 "--fd", str(sock.fileno()), "--role", role],
                stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log, pass_fds=(sock.fileno(),), env=env,
                start_new_session=True)
        except BaseException:
            self._log.close()
            raise
        finally:
            sock.close()  # the service holds its own copy

    def _log_tail(self) -> str:
        self._log.seek(0)
        lines = [ln.strip() for ln in self._log.read().decode(errors="replace").splitlines() if ln.strip()]
        errors = [ln for ln in lines if ln.startswith("error: ")]
        return (errors or lines or [""])[-1].removeprefix("error: ")[:400]

    def check_alive(self) -> None:
        """StageError with the service's last words if its process has ended."""
        code = self._proc.poll()
        if code is not None:
            what = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
            tail = self._log_tail()
            raise StageError(f"the {self.role} service stopped ({what})" + (f": {tail}" if tail else ""))

    def wait_ready(self, deadline: float) -> None:
        """Poll GET /health until it answers (the program is compiled and verified), the process ends, or the
        monotonic `deadline` passes; StageError in the last two cases."""
        with httpx.Client(base_url=self.url, trust_env=False, timeout=1.0) as client:
            while True:
                self.check_alive()
                try:
                    response = client.get("/health")
                    if response.status_code == 200:
                        self.health = response.json()
                        return
                except httpx.TransportError:  # not serving yet: still compiling
                    pass
                if time.monotonic() > deadline:
                    raise StageError(f"the {self.role} service did not start in time (compiling took too long)")
                time.sleep(0.2)

    def _signal(self, sig: int) -> None:
        try:
            os.killpg(self._proc.pid, sig)
        except ProcessLookupError:  # already gone
            pass

    def close(self) -> None:
        """SIGTERM (uvicorn shuts down gracefully), then SIGKILL to its whole session if it lingers."""
        if self._proc.poll() is None:
            self._signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout=_STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
        self._proc.wait()
        self._log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
