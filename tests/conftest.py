"""Shared fixtures: the bundled benchmarks and a fast measurement configuration (few runs, real execution)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rl_autoschedular.config import MeasureConfig, TimingConfig

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "test"

def matmul_mlir(m: int, k: int, n: int) -> str:
    """An m x k by k x n f32 matmul with its zero fill, as a benchmark."""
    a, b, c = f"tensor<{m}x{k}xf32>", f"tensor<{k}x{n}xf32>", f"tensor<{m}x{n}xf32>"
    return f"""
func.func @main(%a: {a}, %b: {b}) -> {c} {{
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : {c}
  %f = linalg.fill ins(%cst : f32) outs(%e : {c}) -> {c}
  %r = linalg.matmul ins(%a, %b : {a}, {b}) outs(%f : {c}) -> {c}
  return %r : {c}
}}
"""


# A tiny matmul, shared by the analysis and loader tests.
MATMUL = matmul_mlir(16, 4, 8)

FAST = MeasureConfig(timing=TimingConfig(warmup=1, min_runs=3, max_runs=10, target_seconds=0.05))


@pytest.fixture
def fast_config() -> MeasureConfig:
    return FAST


@pytest.fixture(scope="session")
def bundled_cache(tmp_path_factory) -> Path:
    """A results cache shared by the tests that measure every bundled benchmark with FAST: each benchmark's
    baseline and the IREE check of its reference are paid once a session, not once a test."""
    return tmp_path_factory.mktemp("bundled_cache")


@pytest.fixture(scope="session")
def quick_run(tmp_path_factory) -> Path:
    """A real run of the quick start's config (config/quick.json), cut to one iteration: its run directory, with
    a checkpoint and its metrics. Shared by the tests of everything that consumes a trained checkpoint."""
    run = tmp_path_factory.mktemp("quick") / "run"
    env = {**os.environ, "MLIR_RL_CACHE": str(run.parent / "cache")}
    command = [sys.executable, str(ROOT / "bin" / "train.py"), "--config", str(ROOT / "config" / "quick.json"),
               "--iterations", "1", "--run-dir", str(run)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return run


def _slurm_local(command: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(ROOT / "scripts" / "slurm_local.sh"), command], capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="session")
def slurm():
    """The project's single-node Slurm (scripts/slurm_local.sh installs and starts it unless it already runs; it is
    stopped at the end only if this fixture started it). Exports SLURM_CONF meanwhile."""
    was_running = "slurmctld: running" in _slurm_local("status").stdout
    started = _slurm_local("start")
    assert started.returncode == 0, started.stderr
    export = [line for line in started.stdout.splitlines() if line.startswith("export SLURM_CONF=")][-1]
    old = os.environ.get("SLURM_CONF")
    os.environ["SLURM_CONF"] = export.split("=", 1)[1]
    yield os.environ["SLURM_CONF"]
    if not was_running:
        _slurm_local("stop")
    if old is None:
        os.environ.pop("SLURM_CONF", None)
    else:
        os.environ["SLURM_CONF"] = old


def squeue() -> list[str]:
    """The jobs in the queue, one "<id> <state>" line each."""
    return subprocess.run(["squeue", "-h", "-o", "%i %T"], capture_output=True, text=True,
                          check=True).stdout.split("\n")[:-1]


def mlir_opt_replay(tmp_path: Path, payload: str, script: str) -> tuple[str, str]:
    """(stock `mlir-opt --transform-interpreter` on the saved files, in-process application), both printed in one
    context so that equal IR prints equal."""
    from mlir import ir

    from rl_autoschedular.execution.lowering import apply_schedule
    from rl_autoschedular.execution.tools_path import mlir_opt

    (tmp_path / "payload.mlir").write_text(payload)
    (tmp_path / "schedule.mlir").write_text(script)
    replay = subprocess.run(
        [mlir_opt(), str(tmp_path / "payload.mlir"),
         f"--transform-preload-library=transform-library-paths={tmp_path / 'schedule.mlir'}",
         "--transform-interpreter"], capture_output=True, text=True, check=True).stdout
    ctx = ir.Context()
    in_process = ir.Module.parse(payload, ctx)
    apply_schedule(in_process, script)
    return str(ir.Module.parse(replay, ctx)), str(in_process)
