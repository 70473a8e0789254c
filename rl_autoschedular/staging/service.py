"""One staging service: `python -m rl_autoschedular.staging.service --job JOB.pkl --fd FD --role ROLE`.

It compiles the job's program once (`execution.program.CompiledProgram`, i.e. the execution core's `compile_job`),
verifies its outputs against the reference, and then serves on the listening socket it inherits as FD (bound to
127.0.0.1 by the harness, which so knows the port before this process starts):
  GET  /health  -> {"role", "threads", "apply_ms", "lower_ms", "jit_ms"}, once the program is compiled and verified;
  POST /run     -> {"time_ns"}: the program run once on its bound inputs, timed inside this process.
A program that does not compile or verify ends the process with one `error:` line on stderr and exit code 3.
The harness starts it with OMP_NUM_THREADS and KMP_BLOCKTIME set, as the measurement worker is started.
"""

from __future__ import annotations

import argparse
import os
import pickle
import socket
import sys

EXIT_BAD_PROGRAM = 3


def make_app(program, role: str):
    """The Starlette app that serves `program` (a CompiledProgram, or anything with `invoke() -> ns` and
    `phases`)."""
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    threads = int(os.environ.get("OMP_NUM_THREADS", "1"))

    async def health(request):
        return JSONResponse({"role": role, "threads": threads, **program.phases})

    async def run(request):
        # Runs on the event loop on purpose: one request at a time, with no thread pool hop in the measured
        # latency. The load generator never sends two requests at once.
        return JSONResponse({"time_ns": program.invoke()})

    return Starlette(routes=[Route("/health", health), Route("/run", run, methods=["POST"])])


def main(argv=None) -> int:
    """Compile, verify, then serve until SIGTERM or SIGINT (uvicorn's graceful shutdown)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--job", required=True, help="a pickled execution.job.Job written by the harness")
    ap.add_argument("--fd", type=int, required=True, help="inherited listening socket (TCP, 127.0.0.1)")
    ap.add_argument("--role", required=True, help="baseline or candidate (reported by /health)")
    args = ap.parse_args(argv)

    from rl_autoschedular.execution.worker import die_with_parent

    # A harness killed with SIGKILL cannot stop its services: they go with it.
    die_with_parent(int(os.environ.get("MLIR_RL_PARENT_PID", os.getppid())))
    import uvicorn

    from rl_autoschedular.execution.lowering import LoweringError, ScheduleError
    from rl_autoschedular.execution.program import CompiledProgram

    with open(args.job, "rb") as f:
        job = pickle.load(f)
    try:
        program = CompiledProgram(job)
    except (ScheduleError, LoweringError) as exc:
        print(f"error: {args.role} program does not compile: {' '.join(str(exc).split())[:300]}", file=sys.stderr)
        return EXIT_BAD_PROGRAM
    problem = program.verify()
    if problem:
        print(f"error: {args.role} program computes wrong outputs: {problem}", file=sys.stderr)
        return EXIT_BAD_PROGRAM
    sock = socket.socket(fileno=args.fd)
    config = uvicorn.Config(make_app(program, args.role), log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
