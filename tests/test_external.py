"""PyTorch eager and IREE llvm-cpu as timed, verified baselines (rl_autoschedular/execution/external.py)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from rl_autoschedular.config import MeasureConfig
from rl_autoschedular.execution import external
from rl_autoschedular.execution.job import random_inputs
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.ir.benchmarks import load_dataset

DATA = Path(__file__).resolve().parents[1] / "data" / "test"


@pytest.fixture(scope="module")
def add(tmp_path_factory):
    """add_1x128x768 with its seeded inputs and its IREE-checked reference."""
    bench = next(b for b in load_dataset(DATA) if b.name == "add_1x128x768")
    with Measurer(tmp_path_factory.mktemp("cache"), MeasureConfig()) as m:
        reference = m.reference(bench)
    return bench, random_inputs([(s.shape, s.dtype) for s in bench.inputs], MeasureConfig().seed), reference


def test_pytorch_runs_the_manifest_description_and_checks_its_outputs(add):
    bench, inputs, reference = add
    (eager,) = external.pytorch(bench, inputs, reference)
    assert eager.executor == external.TORCH and eager.verified and eager.threads == 1
    assert 0 < eager.timing.min_ms <= eager.ms <= eager.timing.max_ms and eager.timing.runs >= 5


def test_a_description_computing_something_else_is_not_verified(add):
    bench, inputs, reference = add
    wrong = dataclasses.replace(bench, torch={**bench.torch, "fn": "relu", "shapes": bench.torch["shapes"][:1]})
    # relu takes one argument: the description no longer fits @main's two inputs
    (res,) = external.pytorch(wrong, inputs, reference)
    assert res.timing is None and not res.verified and "do not fit" in res.message
    doubled = dataclasses.replace(bench, torch={**bench.torch, "kwargs": {"alpha": 2}})
    (res,) = external.pytorch(doubled, inputs, reference)  # x + 2y
    assert res.timing is not None and not res.verified and "exceeds" in res.message


def test_a_benchmark_without_a_description_says_so(add):
    bench, inputs, reference = add
    (res,) = external.pytorch(dataclasses.replace(bench, torch=None), inputs, reference)
    assert res.timing is None and not res.verified and res.message.startswith("no PyTorch baseline")


@pytest.mark.parametrize("threads", [1, 2])
def test_iree_times_the_same_module_verified(add, threads):
    bench, inputs, reference = add
    res = external.iree(bench, inputs, reference, threads=threads)
    assert res.executor == external.IREE and res.verified, res.message
    assert res.ms > 0 and res.threads == threads


def test_iree_is_timed_by_its_own_benchmark_tool_which_fails_in_one_line(add, tmp_path):
    """The tool times the module's @main call after call: 10 repetitions of at least 0.05 s of calls each. Given
    inputs that do not fit @main, it fails with IREE's reason, not a traceback."""
    bench, inputs, _ = add
    vmfb = tmp_path / "add.vmfb"
    external.compile_iree(bench.text, vmfb, timeout=600)
    timing = external.iree_benchmark(vmfb, inputs, 1, tmp_path)
    assert timing.runs == 10 and 0 < timing.min_ms <= timing.median_ms <= timing.max_ms < 50
    with pytest.raises(external.IreeError, match="iree-benchmark-module failed: .*mismatch"):
        external.iree_benchmark(vmfb, [x[:, :64] for x in inputs], 1, tmp_path)


def test_iree_failure_is_told_not_raised(add):
    bench, inputs, reference = add
    broken = dataclasses.replace(bench, text=bench.text.replace("linalg.", "linalgx.", 1))
    res = external.iree(broken, inputs, reference)
    assert res.timing is None and not res.verified and res.message.startswith("IREE failed")
