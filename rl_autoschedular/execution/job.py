"""Compile, verify and time one scheduled benchmark, in the current process.

Only the isolated worker (`rl_autoschedular.execution.worker`) calls this: a crash in JIT code or an abort in the
bindings must cost one sample, never the caller. Everything else goes through `runner.IsolatedRunner`.
"""

from __future__ import annotations

import ctypes
import math
import os
import resource
import statistics
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rl_autoschedular.config import TimingConfig

_NP_DTYPES = {"f32": np.float32, "f64": np.float64, "f16": np.float16, "i32": np.int32, "i64": np.int64,
              "i8": np.int8, "i1": np.bool_}


@dataclass(frozen=True)
class Job:
    """Everything the worker needs to measure one (benchmark, schedule) pair."""

    text: str
    script: str | None
    inputs: tuple[tuple[tuple[int, ...], str], ...]
    outputs: tuple[tuple[tuple[int, ...], str], ...]
    seed: int
    reference_path: str
    reduction_size: int
    timing: TimingConfig
    # The baseline job writes the reference outputs; scheduled jobs compare against them.
    write_reference: bool = False
    # The least precise float type of the ops' results: an f64 output computed through f32 ops carries f32 error.
    compute_dtype: str = ""


# glibc's mallopt parameters (malloc.h): the size above which malloc maps fresh pages, and the free memory at the top
# of the heap above which free() returns it to the kernel (-1: never).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD_MAX = 32 * 2 ** 20  # glibc's upper bound on 64-bit hosts


def keep_freed_memory() -> bool:
    """Make glibc's malloc keep freed memory for the next call, in the process that times code. A compiled program
    mallocs its intermediate buffers and frees them on every call; with glibc's defaults the large ones are mapped
    afresh (or the heap is trimmed) each time, and every first touch of a page faults: 1,600 faults a call, 3 of a
    ConvNeXt block's 5 ms. A deployment keeps such memory (PyTorch and IREE, which allocate their own way, timed the
    same with and without this). Returns False where malloc is not glibc's (nothing changes then)."""
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD_MAX) and mallopt(_M_TRIM_THRESHOLD, -1))


def runtime_libraries() -> list[str]:
    """Shared libraries the JIT needs: memrefCopy (tensor.pad lowers to it) and the OpenMP runtime."""
    import mlir

    mlir_dir = Path(list(mlir.__path__)[0])
    venv_lib = Path(sys.prefix) / "lib"
    libs = [mlir_dir / "lib" / "libmlir_c_runner_utils.so", venv_lib / "libiomp5.so"]
    missing = [str(p) for p in libs if not p.exists()]
    if missing:
        raise FileNotFoundError(f"runtime libraries missing: {', '.join(missing)}; reinstall requirements.txt")
    return [str(p) for p in libs]


def random_inputs(specs, seed: int) -> list[np.ndarray]:
    """Seeded random inputs: floats uniform in [-1, 1], integers in [-8, 8]."""
    rng = np.random.default_rng(seed)
    out = []
    for shape, dtype in specs:
        np_dtype = _NP_DTYPES[dtype]
        if np.issubdtype(np_dtype, np.floating):
            out.append(rng.uniform(-1.0, 1.0, shape).astype(np_dtype))
        elif np_dtype is np.bool_:
            out.append(rng.integers(0, 2, shape).astype(np_dtype))
        else:
            out.append(rng.integers(-8, 9, shape).astype(np_dtype))
    return out


def unwritten_fill(dtype: str):
    """What an output buffer holds before the program runs: NaN for floats, the type's minimum for integers (far
    outside what inputs in [-8, 8] produce), so an element that no one writes stands out. Booleans have no spare
    value: False."""
    np_dtype = _NP_DTYPES[dtype]
    if np.issubdtype(np_dtype, np.floating):
        return np.nan
    if np_dtype is np.bool_:
        return False
    return np.iinfo(np_dtype).min


def fresh_outputs(specs) -> list[np.ndarray]:
    """Output buffers filled with the dtype's "unwritten" value."""
    # A schedule (or a baseline) that forgets to write an element cannot match, nor pass reference_problem.
    return [np.full(shape, unwritten_fill(dtype), dtype=_NP_DTYPES[dtype]) for shape, dtype in specs]


def reference_problem(outputs, dtypes) -> str | None:
    """None when reference outputs can be trusted as far as their values alone tell, else a one-line reason: a
    NaN float (an unwritten element, or a program whose answer is not a number) or an integer that still holds the
    fill (an unwritten element). Infinities are answers: attention's causal mask fills scores with -inf."""
    for i, (out, dtype) in enumerate(zip(outputs, dtypes)):
        if np.issubdtype(out.dtype, np.floating):
            bad = int(np.count_nonzero(np.isnan(out)))
            if bad:
                return f"has {bad} of {out.size} NaN values in output {i} (unwritten, or not a number)"
        elif out.dtype != np.bool_:
            bad = int(np.count_nonzero(out == unwritten_fill(dtype)))
            if bad:
                return f"has {bad} of {out.size} elements of output {i} never written (still {unwritten_fill(dtype)})"
    return None


def verify_dtype(dtype: str, compute_dtype: str) -> str:
    """The type whose precision verifies an output of `dtype`: `compute_dtype` when it is the less precise float.
    GPT's layer norm computes its variance in f64 from f32 matmuls; its f64 output checked at f64 precision failed
    every schedule that reordered an f32 sum."""
    floats = [d for d in (dtype, compute_dtype) if d in _NP_DTYPES and np.issubdtype(_NP_DTYPES[d], np.floating)]
    if len(floats) < 2:
        return dtype
    return max(floats, key=lambda d: np.finfo(_NP_DTYPES[d]).eps)


def tolerance(dtype: str, reduction_size: int) -> float:
    """Relative tolerance for reordered floating-point sums: grows with sqrt of the reduction size."""
    np_dtype = _NP_DTYPES[dtype]
    if not np.issubdtype(np_dtype, np.floating):
        return 0.0
    eps = float(np.finfo(np_dtype).eps)
    return 50.0 * eps * math.sqrt(max(1, reduction_size))


def worst_error(out: np.ndarray, ref: np.ndarray, dtype: str, reduction_size: int) -> tuple[float, float]:
    """(max abs error over every position, the error allowed: tolerance * max(1, max finite |ref|)). Where the
    reference (NaN-free, checked by reference_problem) is infinite, `out` must hold the same infinity; elsewhere
    the error is inf where `out` is not finite."""
    ref64, out64 = ref.astype(np.float64), out.astype(np.float64)
    finite = np.isfinite(ref64)
    allowed = tolerance(dtype, reduction_size) * max(1.0, float(np.max(np.abs(ref64[finite]), initial=0.0)))
    if np.any(out64[~finite] != ref64[~finite]) or not np.all(np.isfinite(out64[finite])):
        return math.inf, allowed
    return float(np.max(np.abs(out64[finite] - ref64[finite]), initial=0.0)), allowed


def compare(outputs, reference, dtypes, reduction_size: int) -> str | None:
    """None when every output matches the (finite) reference within tolerance at every position, else a one-line
    reason."""
    for i, (out, ref, dtype) in enumerate(zip(outputs, reference, dtypes)):
        if out.shape != ref.shape:
            return f"output {i} has shape {out.shape}, reference {ref.shape}"
        err, allowed = worst_error(out, ref, dtype, reduction_size)
        if err <= allowed:
            continue
        if tolerance(dtype, reduction_size) == 0.0:
            return f"output {i}: {int(np.count_nonzero(out != ref))} of {out.size} elements differ from the reference"
        if math.isinf(err):
            return f"output {i}: non-finite values where the reference has none, or a different infinity"
        return f"output {i}: max abs error {err:.3g} exceeds {allowed:.3g} (relative tolerance " \
               f"{tolerance(dtype, reduction_size):.2g})"
    return None


def descriptor_pointers(arrays):
    """The ExecutionEngine's arguments for `arrays`: a pointer to a pointer to each one's memref descriptor."""
    from mlir.runtime import get_ranked_memref_descriptor

    return [ctypes.pointer(ctypes.pointer(get_ranked_memref_descriptor(a))) for a in arrays]


class EntryPoint:
    """A call of the program's `main` on `args` (`descriptor_pointers`, kept alive here), with the symbol looked up
    and the pointers packed once. The engine's own invoke() does both on every call: 5 us of Python that timing
    counted as the program's (an 8x768 row sum read 10 us where its code takes 5)."""

    def __init__(self, engine, args: list):
        self._func = engine.lookup("main")
        self._args = args
        self._packed = (ctypes.c_void_p * len(args))(*[ctypes.cast(a, ctypes.c_void_p) for a in args])

    def __call__(self) -> None:
        self._func(self._packed)


def compile_job(job: Job):
    """Apply the schedule, lower and JIT. Returns (engine, its context, phase timings in ms); the context must
    outlive the engine. Raises ScheduleError, LoweringError or another exception (a compile error)."""
    from mlir import ir
    from mlir.execution_engine import ExecutionEngine

    from rl_autoschedular.execution.lowering import apply_schedule, lower_to_llvm, mark_c_interface

    t0 = time.perf_counter()
    ctx = ir.Context()
    module = ir.Module.parse(job.text, ctx)
    apply_schedule(module, job.script)
    t1 = time.perf_counter()
    mark_c_interface(module)
    lower_to_llvm(module)
    t2 = time.perf_counter()
    engine = ExecutionEngine(module, opt_level=3, shared_libs=runtime_libraries())
    engine.initialize()
    # The JIT generates machine code lazily, at the first call: look the entry up now so that code generation is
    # timed, and bounded, as compilation (a wide vector cast took 41 s there, and showed as a run timeout).
    engine.raw_lookup("_mlir_ciface_main")
    t3 = time.perf_counter()
    return engine, ctx, {"apply_ms": (t1 - t0) * 1e3, "lower_ms": (t2 - t1) * 1e3, "jit_ms": (t3 - t2) * 1e3}


def harness_error(exc: BaseException) -> dict:
    """The result of an exception in our own code (not in the JIT-compiled program): status harness_error, a
    one-line message, and the traceback, which the runner logs and strips."""
    message = f"{type(exc).__name__}: {exc}".strip().splitlines()[0][:300]
    return {"status": "harness_error", "message": message, "traceback": traceback.format_exc()}


def run_job(engine, job: Job) -> dict:
    """Verify once on fresh inputs, then time. Returns the result fields (status ok or wrong_output, or
    harness_error when the reference cannot be read)."""
    inputs = random_inputs(job.inputs, job.seed)
    outputs = fresh_outputs(job.outputs)
    call = EntryPoint(engine, descriptor_pointers(inputs + outputs))
    call()
    if job.write_reference:
        tmp = Path(job.reference_path + f".{os.getpid()}.tmp.npz")
        np.savez(tmp, *outputs)
        os.replace(tmp, job.reference_path)
    else:
        try:
            with np.load(job.reference_path) as ref:
                reference = [ref[f"arr_{i}"] for i in range(len(job.outputs))]
        except Exception as exc:  # a missing or unreadable reference is our fault, never the schedule's
            return harness_error(exc)
        reason = compare(outputs, reference, [verify_dtype(d, job.compute_dtype) for _, d in job.outputs],
                         job.reduction_size)
        if reason:
            return {"status": "wrong_output", "message": reason}
    for _ in range(job.timing.warmup):
        call()
    times: list[int] = []
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    while len(times) < job.timing.max_runs:
        start = time.perf_counter_ns()
        call()
        times.append(time.perf_counter_ns() - start)
        if len(times) >= job.timing.min_runs and sum(times) >= job.timing.target_seconds * 1e9:
            break
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
    mean = statistics.fmean(times)
    return {
        "status": "ok",
        "message": "",
        "time_ns": int(statistics.median(times)),
        "min_ns": min(times),
        "max_ns": max(times),
        "cv": statistics.pstdev(times) / mean if mean else 0.0,
        "runs": len(times),
        "page_faults": faults / len(times),
    }
