"""Shared fixtures: the bundled benchmarks and a fast measurement configuration (few runs, real execution)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rl_autoschedular.execution import TimingConfig  # noqa: E402
from rl_autoschedular.measure import MeasureConfig  # noqa: E402

DATA = ROOT / "data" / "test"
# A tiny matmul with its zero fill, shared by the analysis and loader tests.
MATMUL = """
func.func @main(%a: tensor<16x4xf32>, %b: tensor<4x8xf32>) -> tensor<16x8xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16x8xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<16x8xf32>) -> tensor<16x8xf32>
  %r = linalg.matmul ins(%a, %b : tensor<16x4xf32>, tensor<4x8xf32>) outs(%f : tensor<16x8xf32>) -> tensor<16x8xf32>
  return %r : tensor<16x8xf32>
}
"""

FAST = MeasureConfig(timing=TimingConfig(warmup=1, min_runs=3, max_runs=10, target_seconds=0.05))


@pytest.fixture
def fast_config() -> MeasureConfig:
    return FAST
