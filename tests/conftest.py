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
FAST = MeasureConfig(timing=TimingConfig(warmup=1, min_runs=3, max_runs=10, target_seconds=0.05))


@pytest.fixture
def fast_config() -> MeasureConfig:
    return FAST
