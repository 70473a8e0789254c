"""Identity of the measuring machine and toolchain, part of every cache key and baseline entry."""

from __future__ import annotations

import functools
import hashlib
import platform
from importlib import metadata


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
