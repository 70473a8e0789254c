"""The same computation in other executors, timed and verified: PyTorch eager (from the benchmark's manifest
description) and IREE llvm-cpu (the same MLIR, compiled for the host CPU).

Every timing is a median after warm-up at a fixed thread count, with its spread, and comes with the check of its
outputs against our IREE-confirmed reference under the tolerance schedules get. A baseline that cannot run says why
in `message`; it is never silently missing.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from rl_autoschedular.execution.job import compare, keep_freed_memory, verify_dtype
from rl_autoschedular.execution.measure import compute_dtype, reduction_size
from rl_autoschedular.execution.reference import IreeError, IreeProgram, compile_iree
from rl_autoschedular.execution.torch_fns import NCHW_WINDOWED, torch_callable, torch_dtype
from rl_autoschedular.ir.benchmarks import Benchmark

IREE = "IREE llvm-cpu"
TORCH = "PyTorch eager"
TORCH_CL = "PyTorch eager channels_last"


@dataclass(frozen=True)
class Timing:
    """Wall times of repeated calls: median after warm-up, min and max, in ms."""

    median_ms: float
    min_ms: float
    max_ms: float
    runs: int


def time_calls(fn: Callable[[], object], warmup: int = 3, runs: int = 30) -> Timing:
    """Time `runs` calls of fn() after `warmup` untimed ones, with the malloc settings our own code is timed
    with."""
    keep_freed_memory()
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter_ns()
        fn()
        times.append((time.perf_counter_ns() - t) / 1e6)
    return Timing(statistics.median(times), min(times), max(times), runs)


@dataclass(frozen=True)
class External:
    """One executor's run of a benchmark: its timing (None if it could not run), whether its outputs matched our
    reference, and a one-line message (the max error, or why it did not run or did not match)."""

    executor: str
    threads: int
    timing: Timing | None
    verified: bool
    message: str

    @property
    def ms(self) -> float | None:
        return self.timing.median_ms if self.timing else None

    def to_json(self) -> dict:
        return asdict(self)


def check_outputs(bench: Benchmark, outputs: list[np.ndarray], reference: list[np.ndarray]) -> tuple[bool, str]:
    """(matched, message): `outputs` against the reference, with the tolerance and precision schedules get."""
    dtypes = [verify_dtype(s.dtype, compute_dtype(bench.text)) for s in bench.outputs]
    if len(outputs) != len(reference):
        return False, f"{len(outputs)} outputs, the reference has {len(reference)}"
    reason = compare([np.asarray(o) for o in outputs], reference, dtypes, reduction_size(bench))
    return (True, "outputs match the reference") if reason is None else (False, reason)


def _numpy_outputs(result) -> list[np.ndarray]:
    results = result if isinstance(result, tuple) else (result,)
    return [np.ascontiguousarray(r.numpy()) for r in results]


def pytorch(bench: Benchmark, inputs: list[np.ndarray], reference: list[np.ndarray],
            threads: int = 1) -> list[External]:
    """PyTorch eager on the benchmark's manifest description, in the benchmark's own layout and, for NCHW
    convolutions and poolings and for whole models with 4-D tensors (a CNN's input and conv weights), also with
    channels_last tensors, the layout a performance engineer would pick. Sets torch's intra-op thread count for the
    process. A benchmark without a description gets one entry saying so."""
    if not bench.torch or not bench.torch.get("fn") or "shapes" not in bench.torch:
        return [External(TORCH, threads, None, False, "no PyTorch baseline: the manifest has no runnable PyTorch "
                                                      "description of this benchmark")]
    import torch

    desc = bench.torch
    try:
        fn = torch_callable(desc)
        tensors = [torch.from_numpy(x) for x in inputs]
        if [list(t.shape) for t in tensors] != desc["shapes"] or any(t.dtype != torch_dtype(desc["dtype"])
                                                                        for t in tensors):
            raise ValueError(f"@main's inputs {[tuple(t.shape) for t in tensors]} do not fit the description "
                             f"{desc['shapes']} {desc['dtype']}")
    except (ValueError, KeyError) as exc:
        return [External(TORCH, threads, None, False, f"no PyTorch baseline: {exc}")]
    variants = {TORCH: tensors}
    if desc["fn"] in NCHW_WINDOWED or (desc["fn"] == "model" and any(t.dim() == 4 for t in tensors)):
        variants[TORCH_CL] = [t.to(memory_format=torch.channels_last) if t.dim() == 4 else t for t in tensors]
    torch.set_num_threads(threads)
    out = []
    with torch.no_grad():
        for label, args in variants.items():
            verified, message = check_outputs(bench, _numpy_outputs(fn(*args)), reference)
            out.append(External(label, threads, time_calls(lambda: fn(*args)), verified, message))
    return out


_TIME_UNITS_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


def iree_benchmark(vmfb: Path, inputs: list[np.ndarray], threads: int, folder: Path, repetitions: int = 10,
                   timeout: float = 600) -> Timing:
    """IREE's own benchmark tool (iree-benchmark-module, beside this Python) on `vmfb`'s @main: the median, min and
    max of `repetitions` per-call means, each over at least 0.05 s of calls after 0.05 s of warm-up. Called
    through IREE's Python runtime, every call cost 3 us more (10.2 against 7.1 us on an 8x768 row sum), as our
    own engine's invoke() did; a program called from C pays neither."""
    exe = Path(sys.executable).parent / "iree-benchmark-module"
    inputs_args = []
    for i, x in enumerate(inputs):
        np.save(folder / f"input{i}.npy", x)
        inputs_args.append(f"--input=@{folder / f'input{i}.npy'}")
    # The caching allocator, as the Python runtime has: without it every call allocated its transient buffers
    # afresh, and a 3x3 conv over 64x56x56 read 3.44 ms instead of 2.67.
    device = ["--device=local-sync"] if threads == 1 else ["--device=local-task",
                                                           f"--task_topology_group_count={threads}"]
    device.append("--device_allocator=caching")
    cmd = [str(exe), f"--module={vmfb}", "--function=main", *device, *inputs_args, "--benchmark_format=json",
           f"--benchmark_repetitions={repetitions}", "--benchmark_min_time=0.05s",
           "--benchmark_min_warmup_time=0.05"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        records = json.loads(proc.stdout)["benchmarks"] if proc.stdout.strip() else []
    except (OSError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
        raise IreeError(f"iree-benchmark-module did not time @main: {exc}") from None
    failed = any(r.get("error_occurred") for r in records)
    runs = [r["real_time"] * _TIME_UNITS_MS[r["time_unit"]] for r in records
            if r.get("run_type") == "iteration" and not r.get("error_occurred")]
    if proc.returncode != 0 or failed or not runs:
        # IREE's status line (e.g. "INVALID_ARGUMENT; input0 shape dimension 1 mismatch; ...") comes first.
        reason = (proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[0]
        raise IreeError(f"iree-benchmark-module failed: {reason[:300]}")
    return Timing(statistics.median(runs), min(runs), max(runs), len(runs))


def iree(bench: Benchmark, inputs: list[np.ndarray], reference: list[np.ndarray], threads: int = 1,
         compile_timeout: float = 600) -> External:
    """IREE llvm-cpu on the same module: `local-sync` for one thread, `local-task` with `threads` workers else;
    its outputs checked through IREE's Python runtime, its time taken by IREE's benchmark tool."""
    try:
        with tempfile.TemporaryDirectory() as tmp:
            vmfb = Path(tmp) / "bench.vmfb"
            compile_iree(bench.text, vmfb, timeout=compile_timeout)
            program = IreeProgram(vmfb, threads)
            verified, message = check_outputs(bench, program.run(inputs), reference)
            timing = iree_benchmark(vmfb, inputs, threads, Path(tmp))
        return External(IREE, threads, timing, verified, message)
    except IreeError as exc:
        return External(IREE, threads, None, False, f"IREE failed: {exc}")
