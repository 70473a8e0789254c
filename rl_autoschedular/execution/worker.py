"""The isolated measurement process: `python -m rl_autoschedular.execution.worker`, driven by `runner.IsolatedRunner`.

It receives `execution.Job`s on a `multiprocessing.connection.Connection` (a socket inherited from the runner) and
answers on it; its stdout and stderr are the runner's log, so anything JIT code prints cannot corrupt the protocol.
For each job it sends ("compiled", phase_ms) or ("failed", result), then ("done", result).
The thread count and OpenMP wait policy come from the environment the runner sets before the process starts.
"""

from __future__ import annotations

import ctypes
import os
import signal
from multiprocessing.connection import Connection

_PR_SET_PDEATHSIG = 1
# The runner passes the worker's end of the channel as this file descriptor.
CHANNEL_ENV = "MLIR_RL_CHANNEL_FD"


def die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies: a measuring process whose caller was killed (a lost Dask
    worker) must not go on timing code on a core that a new caller is using."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the runner's timeouts still bound the orphan's life
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def main() -> None:
    """Serve jobs until the runner closes the channel."""
    die_with_parent(int(os.environ.get("MLIR_RL_PARENT_PID", os.getppid())))
    conn = Connection(int(os.environ[CHANNEL_ENV]))

    from rl_autoschedular.execution.job import compile_job, harness_error, keep_freed_memory, run_job
    from rl_autoschedular.execution.lowering import LoweringError, ScheduleError

    keep_freed_memory()

    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        try:
            engine, _ctx, phases = compile_job(job)
        except ScheduleError as exc:
            conn.send(("failed", {"status": "transform_error", "message": str(exc)}))
            continue
        except LoweringError as exc:
            conn.send(("failed", {"status": "compile_error", "message": str(exc)}))
            continue
        except Exception as exc:
            message = f"{type(exc).__name__}: {exc}".strip().splitlines()[0]
            conn.send(("failed", {"status": "compile_error", "message": message}))
            continue
        conn.send(("compiled", phases))
        try:
            result = run_job(engine, job)
        except Exception as exc:  # a crash of the JIT code kills this process; an exception is our own fault
            result = harness_error(exc)
        result.update(phases)
        conn.send(("done", result))
        del engine


if __name__ == "__main__":
    main()
