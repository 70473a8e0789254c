"""Compile once, invoke many times: one scheduled benchmark held by a long-lived process (a staging service).

It adds no second JIT path: the program is compiled by `job.compile_job` (apply the schedule, lower, JIT), the same
function the measurement worker calls, on the same seeded inputs and NaN-filled output buffers as `job.run_job`,
and verified the same way (`job.compare` against the reference outputs, at the verification precision).

Like `job.run_job`, only a process that may die with the program uses this: a crash in JIT code kills the process
that holds it. The staging harness runs each service in a subprocess of its own for that reason.
"""

from __future__ import annotations

import time

import numpy as np

from rl_autoschedular.execution.job import (
    EntryPoint,
    Job,
    compare,
    compile_job,
    descriptor_pointers,
    fresh_outputs,
    random_inputs,
    verify_dtype,
)


class CompiledProgram:
    """A Job's program, compiled (`compile_job`) with its inputs and output buffers bound once."""

    def __init__(self, job: Job):
        self.job = job
        # The context must outlive the engine: both are kept for the life of the program.
        self._engine, self._ctx, self.phases = compile_job(job)
        self.inputs = random_inputs(job.inputs, job.seed)
        self.outputs = fresh_outputs(job.outputs)
        self._call = EntryPoint(self._engine, descriptor_pointers(self.inputs + self.outputs))
        self._ran = False

    def verify(self) -> str | None:
        """Run once on the untouched (NaN-filled) outputs and compare them with the reference at
        `job.reference_path`: None when they match, else a one-line reason. Call it before any `invoke`: once
        the buffers hold an answer, an element the program skips can no longer be seen."""
        if self._ran:
            raise RuntimeError("verify() must come before the first invoke()")
        self.invoke()
        with np.load(self.job.reference_path) as ref:
            reference = [ref[f"arr_{i}"] for i in range(len(self.job.outputs))]
        dtypes = [verify_dtype(d, self.job.compute_dtype) for _, d in self.job.outputs]
        return compare(self.outputs, reference, dtypes, self.job.reduction_size)

    def invoke(self) -> int:
        """Run the program once on the bound buffers; returns its wall time in nanoseconds."""
        self._ran = True
        start = time.perf_counter_ns()
        self._call()
        return time.perf_counter_ns() - start
