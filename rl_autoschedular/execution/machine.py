"""Identity of the measuring machine, toolchain and measuring code, part of every cache key and baseline entry."""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import platform
from importlib import metadata
from pathlib import Path

from rl_autoschedular.config import MeasureConfig

# The modules whose text decides what a measured result is: the schedule builder, the layout rewrite the builder's
# payload goes through, the lowering and its math rewrites, and the job (verification tolerance, timing loop).
_CODE_MODULES = ("rl_autoschedular.execution.schedule", "rl_autoschedular.ir.layout",
                 "rl_autoschedular.execution.lowering", "rl_autoschedular.execution.math_rewrites",
                 "rl_autoschedular.execution.job")


@functools.lru_cache(maxsize=1)
def cpu_fingerprint() -> str:
    """CPU model plus a hash of its ISA flags, e.g. 'Intel Xeon ... | isa:3f2a9c01'. Timings from machines with
    another model or other vector extensions are never mixed."""
    model, flags = platform.processor() or platform.machine(), ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                key = key.strip()
                if key == "model name" and model in ("", platform.machine(), platform.processor()):
                    model = value.strip()
                elif key in ("flags", "Features") and not flags:
                    flags = " ".join(sorted(value.split()))
    except OSError:
        pass
    digest = hashlib.sha256(flags.encode()).hexdigest()[:8]
    return f"{model} | isa:{digest}"


@functools.lru_cache(maxsize=1)
def mlir_version() -> str:
    """Version of the MLIR Python bindings package (the compiler that produced the timed code)."""
    try:
        return metadata.version("xtc-mlir-python-bindings")
    except metadata.PackageNotFoundError:
        return "unknown"


def code_hash() -> str:
    """Hash of the code that turns a schedule into a verified timing: the source of `_CODE_MODULES`, plus the
    pipelines and transform script the lowering runs as they are in this process. An edit to any of them changes
    every cache key, so an old result is never served and no version needs bumping by hand. Not memoised: it is
    computed once per Measurer (a few file reads)."""
    digest = hashlib.sha256()
    for name in _CODE_MODULES:
        digest.update(Path(importlib.import_module(name).__file__).read_bytes())
    lowering = importlib.import_module("rl_autoschedular.execution.lowering")
    for text in (lowering._BUFFERIZE, lowering._SEQUENTIAL_FORALLS, lowering._TO_LLVM):
        digest.update(b"\0" + text.encode())
    return digest.hexdigest()


def measurement_identity(config: MeasureConfig) -> str:
    """Hash of everything besides the benchmark, schedule, machine, MLIR version and threads that a cached result
    depends on: `code_hash()`, the input seed, the timing settings and the reference-check mode. Timeouts are left
    out: results that depend on them (timeout, crash) are never cached."""
    settings = {"code": code_hash(), "seed": config.seed, "timing": config.timing.model_dump(),
                "reference_check": config.reference_check}
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()
