"""The second executor: IREE llvm-cpu, which checks every benchmark's reference outputs once per seed.

Our reference is the unoptimized program run through our own lowering pipeline; a bug there would make every
schedule "verified" against a wrong answer. IREE shares none of that lowering (its own compiler, its own LLVM), so
a reference that matches IREE's outputs on the same seeded inputs is a fact, not an assumption.

- The IREE compiler's Python package cannot be imported in a process that imported `mlir` (a nanobind clash), so
  `compile_iree` runs the `iree-compile` executable of this environment; `iree.runtime` imports fine beside `mlir`.
- `verify_reference` runs IREE in a child process, `python -m rl_autoschedular.execution.reference MODULE OUT.npz
  --inputs SPECS --seed K`, under a timeout: a crash or hang in IREE costs the check, never the Measurer.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rl_autoschedular.execution.job import Job, random_inputs, reference_problem, verify_dtype, worst_error
from rl_autoschedular.execution.tools_path import mlir_opt

EXECUTOR = "IREE llvm-cpu"
# IREE demotes f64 to f32 by default, which would change the signature and the precision checked.
_COMPILE_FLAGS = ("--iree-hal-target-device=local", "--iree-hal-local-target-device-backends=llvm-cpu",
                  "--iree-llvmcpu-target-cpu=host", "--iree-input-demote-f64-to-f32=false")
_REPO_ROOT = str(Path(__file__).resolve().parents[2])


class IreeError(Exception):
    """IREE is missing, failed to compile the module, or failed to run it. The message is one line."""


def iree_compile_path() -> Path:
    """The `iree-compile` executable installed beside this Python (from iree-base-compiler); IreeError if absent."""
    exe = Path(sys.executable).parent / "iree-compile"
    if not exe.exists():
        raise IreeError(f"IREE is missing: {exe} not found (install iree-base-compiler from requirements.txt)")
    return exe


def compile_iree(text: str, vmfb: Path, timeout: float) -> None:
    """Compile a linalg-on-tensors module for IREE llvm-cpu (host CPU) into `vmfb`; raise IreeError if it fails.

    IREE's MLIR lacks some named ops of ours (`linalg.add`, for one). A module it rejects for an unknown op is
    retried in `linalg.generic` form, generalized by stock `mlir-opt`: an upstream rewrite, not our lowering."""
    try:
        _run_iree_compile(text, vmfb, timeout)
    except IreeError as exc:
        if "is unknown" not in str(exc):
            raise
        _run_iree_compile(_generalized(text, timeout), vmfb, timeout)


def _generalized(text: str, timeout: float) -> str:
    proc = subprocess.run([mlir_opt(), "--linalg-generalize-named-ops"], input=text, capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0:
        raise IreeError(f"mlir-opt could not generalize the module for IREE: {proc.stderr.strip()[:200]}")
    return proc.stdout


def _run_iree_compile(text: str, vmfb: Path, timeout: float) -> None:
    exe = iree_compile_path()
    src = vmfb.with_suffix(".mlir")
    src.write_text(text)
    try:
        proc = subprocess.run([str(exe), str(src), "-o", str(vmfb), *_COMPILE_FLAGS], capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise IreeError(f"iree-compile exceeded {timeout:.0f} s") from None
    if proc.returncode != 0:
        lines = [ln.strip() for ln in proc.stderr.splitlines() if "error" in ln] or proc.stderr.splitlines() or [""]
        raise IreeError(f"iree-compile failed: {lines[0][:200]}")


class IreeProgram:
    """A compiled module loaded in this process: with the local-sync driver for one thread, else local-task with
    `threads` workers (IREE reads the worker count when it first creates that driver, once per process)."""

    def __init__(self, vmfb: Path, threads: int = 1):
        import iree.runtime as rt

        self._rt = rt
        if threads > 1:
            rt.flags.parse_flags(f"--task_topology_group_count={threads}")
        self.config = rt.Config("local-sync" if threads == 1 else "local-task")
        ctx = rt.SystemContext(config=self.config)
        ctx.add_vm_module(rt.VmModule.copy_buffer(self.config.vm_instance, vmfb.read_bytes()))
        self.main = ctx.modules.module["main"]

    def device_arrays(self, inputs: list[np.ndarray]) -> list:
        """The inputs copied to the device once, for repeated (timed) calls of `main`."""
        return [self._rt.asdevicearray(self.config.device, x) for x in inputs]

    def run(self, inputs: list[np.ndarray]) -> list[np.ndarray]:
        """@main's results on `inputs`, as host arrays."""
        results = self.main(*self.device_arrays(inputs))
        results = results if isinstance(results, (tuple, list)) else [results]
        return [np.asarray(r.to_host()) for r in results]


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking a reference. `reason` is empty when it can be trusted; otherwise it completes the
    sentence "reference of <benchmark> ..."."""

    reason: str
    executor: str
    max_abs_error: float | None = None
    allowed: float | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the reference can be trusted."""
        return not self.reason

    def to_json(self) -> dict:
        """What the `.verified.json` marker beside the reference records."""
        return {"executor": self.executor, "max_abs_error": self.max_abs_error, "allowed": self.allowed,
                "seconds": round(self.seconds, 3)}


def iree_outputs(job: Job, timeout: float) -> list[np.ndarray]:
    """IREE's outputs of `job`'s module on its seeded inputs, computed in a child process; raise IreeError."""
    iree_compile_path()  # a missing IREE is said plainly here, not by a child process that would only fail
    with tempfile.TemporaryDirectory(prefix="mlir-rl-iree-") as tmp:
        module, out = Path(tmp) / "module.mlir", Path(tmp) / "outputs.npz"
        module.write_text(job.text)
        specs = json.dumps([[list(shape), dtype] for shape, dtype in job.inputs])
        env = dict(os.environ, PYTHONPATH=_REPO_ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
        cmd = [sys.executable, "-m", "rl_autoschedular.execution.reference", str(module), str(out),
               "--inputs", specs, "--seed", str(job.seed), "--compile-timeout", str(timeout)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            raise IreeError(f"IREE exceeded {timeout:.0f} s") from None
        if proc.returncode != 0:
            lines = proc.stderr.strip().splitlines()
            raise IreeError(lines[-1][:300] if lines else f"IREE's process exited with code {proc.returncode}")
        with np.load(out) as data:
            return [data[f"arr_{i}"] for i in range(len(data.files))]


def verify_reference(job: Job, check: str, timeout: float) -> Verdict:
    """Check the reference outputs that `job` (the baseline job) wrote: their values alone, then, with check
    "iree", against IREE llvm-cpu on the same inputs, with the tolerance that schedules get."""
    start = time.perf_counter()
    dtypes = [d for _, d in job.outputs]
    try:
        with np.load(job.reference_path) as data:
            reference = [data[f"arr_{i}"] for i in range(len(job.outputs))]
    except (OSError, ValueError, KeyError) as exc:  # e.g. deleted meanwhile by another process's refusal
        return Verdict(f"cannot be read ({type(exc).__name__}: {exc})", "values")
    problem = reference_problem(reference, dtypes)
    if problem:
        return Verdict(problem + "; our lowering of the unoptimized program left it so", "values")
    if check == "none":
        return Verdict("", "none (reference_check: none)", seconds=time.perf_counter() - start)
    try:
        theirs = iree_outputs(job, timeout)
    except IreeError as exc:
        return Verdict(f"cannot be checked by {EXECUTOR}: {exc}; refused, since nothing else vouches for it "
                       "(set measure.reference_check: none to trust our own lowering)", EXECUTOR)
    if len(theirs) != len(reference):
        return Verdict(f"has {len(reference)} outputs, {EXECUTOR} gives {len(theirs)}", EXECUTOR)
    worst = (-math.inf, 0.0, 0)  # (error, allowed, output) of the output furthest outside (or least inside) its tol
    for i, (t, r, d) in enumerate(zip(theirs, reference, dtypes)):
        if t.shape != r.shape:
            return Verdict(f"has shape {r.shape} in output {i}, {EXECUTOR} gives {t.shape}", EXECUTOR)
        err, allowed = worst_error(t, r, verify_dtype(d, job.compute_dtype), job.reduction_size)
        if err - allowed > worst[0] - worst[1]:
            worst = (err, allowed, i)
    err, allowed, i = worst
    seconds = time.perf_counter() - start
    if err > allowed:
        return Verdict(f"disagrees with {EXECUTOR}: max abs error {err:.3g} > tol {allowed:.3g} in output {i}; our "
                       "lowering of the unoptimized program (or IREE) is wrong, so no schedule of it can be verified",
                       EXECUTOR, err, allowed, seconds)
    return Verdict("", EXECUTOR, err, allowed, seconds)


def main(argv: list[str] | None = None) -> int:
    """Child-process entry: compile MODULE with IREE, run it on the seeded inputs, save the outputs to OUT."""
    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("module")
    ap.add_argument("out")
    ap.add_argument("--inputs", required=True, help='JSON list of [shape, dtype], e.g. [[[8, 4], "f32"]]')
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--compile-timeout", type=float, default=300.0)
    args = ap.parse_args(argv)
    specs = [(tuple(shape), dtype) for shape, dtype in json.loads(args.inputs)]
    vmfb = Path(args.out).with_suffix(".vmfb")
    try:
        compile_iree(Path(args.module).read_text(), vmfb, args.compile_timeout)
    except IreeError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        outputs = IreeProgram(vmfb).run(random_inputs(specs, args.seed))
    except Exception as exc:  # the runtime raises ValueError or RuntimeError with a multi-line diagnostic
        print(f"IREE failed to run the module: {' '.join(str(exc).split())[:300]}", file=sys.stderr)
        return 1
    tmp = Path(args.out + ".tmp.npz")
    np.savez(tmp, *outputs)
    os.replace(tmp, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
