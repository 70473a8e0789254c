"""Reference outputs are checked, once per benchmark and seed, against IREE llvm-cpu (real IREE, real MLIR): a correct
benchmark passes; one whose baseline our (deliberately broken) lowering computes wrongly is refused; and a reference
holding NaN or an unwritten integer is rejected on its values alone."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import FAST, MATMUL

from rl_autoschedular.config import MeasureConfig
from rl_autoschedular.execution import reference
from rl_autoschedular.execution.job import compare, fresh_outputs, random_inputs, reference_problem
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.benchmarks import load_benchmark

TILE = Schedule((OpSchedule("op_1", (Action("tile", (8, 4, 0)),)),))

# Put on PYTHONPATH, this sitecustomize reaches the isolated worker (a separate process, where a monkeypatch cannot)
# and breaks our lowering for real: every linalg.fill writes 1 instead of its value, the wrong reduction init.
# It patches the module only when something imports it, so IREE's child process is left alone.
BROKEN_FILL = '''
import importlib.abc, importlib.util, sys

def _break(lowering):
    from mlir import ir
    original = lowering.lower_to_llvm

    def lower_to_llvm(module):
        def visit(op):
            if op.name == "linalg.fill":
                const = op.operands[0].owner
                const.attributes["value"] = ir.FloatAttr.get(ir.FloatAttr(const.attributes["value"]).type, 1.0)
            return ir.WalkResult.ADVANCE
        with module.context, ir.Location.unknown():
            module.operation.walk(visit)
        original(module)

    lowering.lower_to_llvm = lower_to_llvm


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "rl_autoschedular.execution.lowering":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            _break(module)
        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _Finder())
'''


def _matmul(tmp_path, dtype: str = "f32"):
    text = MATMUL if dtype == "f32" else MATMUL.replace("f32", dtype).replace("0.0 :", "0 :")
    path = tmp_path / f"tiny_matmul_{dtype}.mlir"
    path.write_text(text)
    return load_benchmark(path)


def test_reference_with_nan_or_unwritten_integers_is_rejected():
    good = [np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4), np.arange(-6, 6, dtype=np.int32)]
    assert reference_problem(good, ["f32", "i32"]) is None

    floats = good[0].copy()
    floats[1, 2] = np.nan
    assert "1 of 12 NaN values in output 0" in reference_problem([floats, good[1]], ["f32", "i32"])
    floats[1, 2] = -np.inf  # an answer, not a fault: attention's causal mask fills scores with -inf
    assert reference_problem([floats, good[1]], ["f32", "i32"]) is None

    # An integer output starts at the sentinel; the one element the program did not write keeps it.
    ints = fresh_outputs([((12,), "i32")])[0]
    ints[:11] = good[1][:11]
    assert "1 of 12 elements of output 1 never written" in reference_problem([good[0], ints], ["f32", "i32"])


def test_compare_checks_every_position():
    ref = np.ones(8, dtype=np.float32)
    out = ref.copy()
    assert compare([out], [ref], ["f32"], 1) is None
    out[3] = np.nan  # an element the schedule never wrote
    assert "non-finite" in compare([out], [ref], ["f32"], 1)
    # An infinity in the reference must be matched exactly, and does not widen the tolerance.
    ref[3], out[3] = -np.inf, -np.inf
    assert compare([out], [ref], ["f32"], 1) is None
    out[3] = np.inf
    assert "different infinity" in compare([out], [ref], ["f32"], 1)
    out[3] = np.nan
    # A NaN in the reference is no longer a position to skip: NaN there and in the output does not match.
    ref[3] = np.nan
    assert compare([out], [ref], ["f32"], 1) is not None
    ints = fresh_outputs([((4,), "i64")])[0]
    ints[:3] = 5
    assert "1 of 4 elements differ" in compare([ints], [np.full(4, 5, np.int64)], ["i64"], 1)


@pytest.mark.parametrize("dtype", ["f32", "i32"])
def test_correct_benchmark_passes_the_check_once(tmp_path, monkeypatch, dtype):
    bench = _matmul(tmp_path, dtype)
    with Measurer(tmp_path / "cache", FAST) as m:
        base = m.baseline(bench)
        assert base.status == "ok", base.message
        marker = json.loads(m._verified_path(bench).read_text())
        assert marker["executor"] == reference.EXECUTOR
        assert marker["max_abs_error"] <= marker["allowed"]
        assert m.measure(bench, TILE).verified

    def no_second_check(*args):
        raise AssertionError("the reference was checked again")

    monkeypatch.setattr(reference, "iree_outputs", no_second_check)
    with Measurer(tmp_path / "cache", FAST) as m:  # a new process would start the same way, from disk
        assert m.baseline(bench).cached
        assert m.measure(bench, TILE).verified


def test_broken_lowering_is_refused(tmp_path, monkeypatch):
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(BROKEN_FILL)
    monkeypatch.setenv("PYTHONPATH", str(shim))
    bench = _matmul(tmp_path)

    # Without the check, the broken baseline is its own reference: a schedule "verifies" against a wrong answer.
    with Measurer(tmp_path / "unchecked", MeasureConfig(timing=FAST.timing, reference_check="none")) as m:
        unchecked = m.baseline(bench)
        assert unchecked.status == "ok", unchecked.message
        assert m.measure(bench, TILE).verified
        ours = m.reference(bench)[0]
    a, b = [x.astype(np.float64) for x in random_inputs([((16, 4), "f32"), ((4, 8), "f32")], FAST.seed)]
    assert np.allclose(ours, a @ b + 1.0, atol=1e-5)  # the shim really broke the init, nothing else

    with Measurer(tmp_path / "checked", FAST) as m:
        base = m.baseline(bench)
        assert base.status == "harness_error" and not base.verified
        assert base.message.startswith(
            f"reference of {bench.name} disagrees with IREE llvm-cpu: max abs error 1 > tol")
        measured = m.measure(bench, TILE)
        assert measured.status == "harness_error" and measured.speedup is None
        assert "disagrees with IREE" in measured.message
        assert len(m.cache) == 0  # neither a baseline nor anything measured against it
        assert not m._reference_path(bench).exists() and not m._verified_path(bench).exists()


def test_missing_iree_is_named(tmp_path, monkeypatch):
    bench = _matmul(tmp_path)
    with Measurer(tmp_path / "cache", FAST) as m:  # starts no worker: only the job's description is needed
        job = m._job(bench, None, write_reference=True)
    np.savez(job.reference_path, np.ones((16, 8), np.float32))
    monkeypatch.setattr(reference.sys, "executable", str(tmp_path / "elsewhere" / "python"))
    verdict = reference.verify_reference(job, "iree", timeout=60)
    assert not verdict.ok
    assert verdict.reason.startswith("cannot be checked by IREE llvm-cpu: IREE is missing: ")
    assert "iree-compile not found" in verdict.reason and "\n" not in verdict.reason


ADD = """
func.func @main(%a: tensor<16x8xf32>, %b: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %e = tensor.empty() : tensor<16x8xf32>
  %r = linalg.add ins(%a, %b : tensor<16x8xf32>, tensor<16x8xf32>) outs(%e : tensor<16x8xf32>) -> tensor<16x8xf32>
  return %r : tensor<16x8xf32>
}
"""


def test_trainer_never_trains_on_a_refused_benchmark(tmp_path, monkeypatch):
    """With the broken lowering, the matmul (which needs its zero fill) is refused and the add (no fill) is not:
    the trainer drops the matmul from training and evaluation, says so, and records why."""
    from rl_autoschedular.agent.trainer import Trainer
    from rl_autoschedular.config import RunConfig

    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(BROKEN_FILL)
    monkeypatch.setenv("PYTHONPATH", str(shim))
    matmul = _matmul(tmp_path)
    (tmp_path / "tiny_add.mlir").write_text(ADD)
    add = load_benchmark(tmp_path / "tiny_add.mlir")
    cfg = RunConfig.model_validate({"ppo": {"episodes_per_iteration": 2}, "tracking": {"backends": ["jsonl"]},
                                    "measure": FAST.model_dump()})
    with Measurer(tmp_path / "cache", FAST) as m:
        trainer = Trainer(cfg, tmp_path / "run", m, benchmarks=([matmul, add], [matmul]))
    assert trainer.train_names == ["tiny_add"]
    assert trainer.eval_env is None
    assert list(trainer.refused) == ["tiny_matmul_f32"]
    assert "disagrees with IREE llvm-cpu" in trainer.refused["tiny_matmul_f32"]
    params = json.loads((tmp_path / "run" / "params.json").read_text())
    assert params["refused_benchmarks"] == trainer.refused
