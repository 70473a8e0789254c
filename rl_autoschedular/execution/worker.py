"""The isolated measurement process: `python -m rl_autoschedular.execution.worker`, driven by `runner.IsolatedRunner`.

It reads pickled `execution.Job`s on stdin and answers on a private copy of stdout, so that anything JIT code prints
cannot corrupt the protocol. For each job it sends ("compiled", phase_ms) or a compile failure, then the result.
The thread count and OpenMP wait policy come from the environment the runner sets before the process starts.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import signal
import struct
import sys
import traceback

_PR_SET_PDEATHSIG = 1


def write_frame(stream, obj) -> None:
    """Send one length-prefixed pickle frame."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("<Q", len(data)) + data)
    stream.flush()


def read_frame(stream):
    """Receive one frame; None at end of stream."""
    header = stream.read(8)
    if len(header) < 8:
        return None
    (size,) = struct.unpack("<Q", header)
    return pickle.loads(stream.read(size))


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies: a measuring process whose caller was killed (a lost Dask
    worker) must not go on timing code on a core that a new caller is using."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the runner's timeouts still bound the orphan's life
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def main() -> None:
    """Serve jobs until stdin closes."""
    _die_with_parent(int(os.environ.get("MLIR_RL_PARENT_PID", os.getppid())))
    proto_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # JIT code's printf goes to the log, not into the protocol stream
    proto_in = sys.stdin.buffer

    from rl_autoschedular.execution.job import compile_job, run_job
    from rl_autoschedular.execution.lowering import LoweringError, ScheduleError

    while True:
        job = read_frame(proto_in)
        if job is None:
            return
        try:
            engine, _ctx, phases = compile_job(job)
        except ScheduleError as exc:
            write_frame(proto_out, ("failed", {"status": "transform_error", "message": str(exc)}))
            continue
        except LoweringError as exc:
            write_frame(proto_out, ("failed", {"status": "compile_error", "message": str(exc)}))
            continue
        except Exception as exc:
            message = f"{type(exc).__name__}: {exc}".strip().splitlines()[0]
            write_frame(proto_out, ("failed", {"status": "compile_error", "message": message}))
            continue
        write_frame(proto_out, ("compiled", phases))
        try:
            result = run_job(engine, job)
        except Exception:
            result = {"status": "crash", "message": traceback.format_exc().strip().splitlines()[-1]}
        result.update(phases)
        write_frame(proto_out, ("done", result))
        del engine


if __name__ == "__main__":
    main()
