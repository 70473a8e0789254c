"""Tests for rl_autoschedular.ir.benchmarks and the tools/ast_dumper.py CLI."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import FAST, MATMUL

from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import (
    Benchmark,
    BenchmarkError,
    TensorSpec,
    load_benchmark,
    load_dataset,
    load_path,
)

REPO = Path(__file__).resolve().parent.parent


ADD_I64 = """
#id = affine_map<(d0) -> (d0)>
func.func @main(%a: tensor<8xi64>) -> tensor<8xi64> {
  %e = tensor.empty() : tensor<8xi64>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : tensor<8xi64>) outs(%e : tensor<8xi64>) {
  ^bb0(%x: i64, %o: i64):
    %s = arith.addi %x, %x : i64
    linalg.yield %s : i64
  } -> tensor<8xi64>
  return %r : tensor<8xi64>
}
"""

# What torch-mlir emits for torch.softmax (attention has one per head): an op with no loop nest of its own.
SOFTMAX = """
func.func @main(%a: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %e = tensor.empty() : tensor<8x32xf32>
  %r = linalg.softmax dimension(1) ins(%a : tensor<8x32xf32>) outs(%e : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %r : tensor<8x32xf32>
}
"""
# Layout ops without a decomposition into ops that have a loop nest.
PACK = """
func.func @main(%a: tensor<16x8xf32>) -> tensor<2x8x8x1xf32> {
  %e = tensor.empty() : tensor<2x8x8x1xf32>
  %r = linalg.pack %a inner_dims_pos = [0, 1] inner_tiles = [8, 1] into %e : tensor<16x8xf32> -> tensor<2x8x8x1xf32>
  return %r : tensor<2x8x8x1xf32>
}
"""
UNPACK = """
func.func @main(%a: tensor<2x8x8x1xf32>) -> tensor<16x8xf32> {
  %e = tensor.empty() : tensor<16x8xf32>
  %r = linalg.unpack %a inner_dims_pos = [0, 1] inner_tiles = [8, 1] into %e : tensor<2x8x8x1xf32> -> tensor<16x8xf32>
  return %r : tensor<16x8xf32>
}
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def load_error(path) -> str:
    with pytest.raises(BenchmarkError) as err:
        load_benchmark(path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return message


def test_load_good_benchmark(tmp_path):
    bench = load_benchmark(write(tmp_path, "mm.mlir", MATMUL))
    assert isinstance(bench, Benchmark)
    assert bench.name == "mm"
    assert bench.inputs == (TensorSpec((16, 4), "f32"), TensorSpec((4, 8), "f32"))
    assert bench.outputs == (TensorSpec((16, 8), "f32"),)
    assert 'linalg.matmul {tag = "op_1"}' in bench.text
    assert bench.ir_hash == hashlib.sha256(bench.text.encode()).hexdigest()
    assert (bench.flops, bench.family) == (None, None)
    assert load_benchmark(bench.path, name="other").ir_hash == bench.ir_hash


def test_malformed_mlir(tmp_path, capfd):
    path = write(tmp_path, "bad.mlir", MATMUL.replace("linalg.matmul", "linalg.matmull"))
    message = load_error(path)
    assert "does not parse" in message and "custom op 'linalg.matmull' is unknown" in message
    assert "line 6:" in message
    assert capfd.readouterr().err == ""  # the bindings print nothing


def test_dynamic_shape(tmp_path):
    text = MATMUL.replace("%a: tensor<16x4xf32>", "%a: tensor<?x4xf32>").replace(
        "ins(%a, %b : tensor<16x4xf32>", "ins(%a, %b : tensor<?x4xf32>")
    message = load_error(write(tmp_path, "dyn.mlir", text))
    assert "argument 0 has a dynamic dimension (tensor<?x4xf32>)" in message


def test_memref_argument_updated_in_place(tmp_path):
    """A memref @main that is a pure function is rewritten on tensors (tests/test_legacy.py); one that updates an
    argument in place has no tensor form."""
    text = """
    func.func @main(%a: memref<4xf32>, %b: memref<4xf32>) {
      linalg.add ins(%a, %b : memref<4xf32>, memref<4xf32>) outs(%a : memref<4xf32>)
      return
    }
    """
    assert "memref-based @main: argument %0 is both read and written" in load_error(write(tmp_path, "mem.mlir", text))


@pytest.mark.parametrize("op, body", [
    ("torch.foo", '%t = "torch.foo"(%a) : (tensor<8xi64>) -> tensor<8xi64>'),
    ("func.call", "%t = func.call @helper(%a) : (tensor<8xi64>) -> tensor<8xi64>"),
])
def test_unsupported_op(tmp_path, op, body):
    text = ADD_I64.replace("%e = tensor.empty()", body + "\n  %e = tensor.empty()") + """
    func.func private @helper(tensor<8xi64>) -> tensor<8xi64>
    """
    message = load_error(write(tmp_path, "unsup.mlir", text))
    assert f"unsupported op {op};" in message


def test_missing_main(tmp_path):
    message = load_error(write(tmp_path, "nomain.mlir", MATMUL.replace("@main", "@forward")))
    assert "no public func.func @main" in message


def test_private_main(tmp_path):
    message = load_error(write(tmp_path, "priv.mlir", MATMUL.replace("func.func @main", "func.func private @main")))
    assert "no public func.func @main" in message


def test_missing_file(tmp_path):
    assert "file not found" in load_error(tmp_path / "absent.mlir")


def test_no_linalg_op(tmp_path):
    text = "func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {\n  return %a : tensor<4xf32>\n}"
    assert "no linalg op" in load_error(write(tmp_path, "empty.mlir", text))


def test_softmax_is_decomposed_at_load_and_measures_verified(tmp_path):
    from rl_autoschedular.execution.job import random_inputs
    from rl_autoschedular.execution.measure import Measurer
    from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule

    bench = load_benchmark(write(tmp_path, "softmax.mlir", SOFTMAX))
    assert "linalg.softmax" not in bench.text
    ops = analyze(bench.text)
    # max, exp(x - max), sum, divide: each a generic with a loop nest over the 8x32 input, reductions zero-filled.
    assert [o.name for o in ops] == ["linalg.fill", "linalg.generic", "linalg.generic", "linalg.fill",
                                     "linalg.generic", "linalg.generic"]
    assert [[l.bound for l in o.loops] for o in ops if o.name == "linalg.generic"] == [[8, 32]] * 4
    with Measurer(tmp_path / "cache", FAST) as m:
        base = m.baseline(bench)
        assert base.status == "ok", base.message
        (x,) = random_inputs([(s.shape, s.dtype) for s in bench.inputs], FAST.seed)
        expected = np.exp(x - x.max(axis=1, keepdims=True))
        expected /= expected.sum(axis=1, keepdims=True)
        with np.load(m._reference_path(bench)) as ref:  # what the baseline computed, and schedules must match
            np.testing.assert_allclose(ref["arr_0"], expected, rtol=1e-5, atol=1e-6)
        tiled = m.measure(bench, Schedule((OpSchedule("op_2", (Action("tile", (4, 8)),)),)))
        assert tiled.status == "ok", tiled.message


@pytest.mark.parametrize("op, text", [("linalg.pack", PACK), ("linalg.unpack", UNPACK)])
def test_op_without_loop_nest_that_does_not_decompose_is_refused(tmp_path, capfd, op, text):
    message = load_error(write(tmp_path, "layout.mlir", text))
    assert f": {op} has no loop nest to schedule and does not decompose" in message
    assert message.endswith("; rewrite it as linalg.generic ops before loading")
    assert capfd.readouterr().err == ""  # the failed decomposition prints nothing


def test_dataset_with_manifest(tmp_path):
    write(tmp_path, "mm.mlir", MATMUL)
    write(tmp_path, "add.mlir", ADD_I64)
    write(tmp_path, "ignored.mlir", MATMUL)
    manifest = {"version": 1, "benchmarks": [
        {"name": "matmul_16x8x4", "file": "mm.mlir", "family": "matmul", "ops": ["linalg.matmul"],
         "flops": 1024, "source": "inline", "baselines": {"host-avx512": {"1": 1500}}},
        {"name": "add_i64", "file": "add.mlir", "family": "elementwise", "ops": ["linalg.generic"],
         "flops": 8, "source": "inline", "baselines": {}},
    ]}
    write(tmp_path, "manifest.json", json.dumps(manifest))
    benches = load_dataset(tmp_path)
    assert [(b.name, b.family, b.flops) for b in benches] == [
        ("matmul_16x8x4", "matmul", 1024), ("add_i64", "elementwise", 8)]
    assert benches[0].baselines == {"host-avx512": {"1": 1500}}
    assert benches[1].inputs == (TensorSpec((8,), "i64"),)
    assert [b.name for b in load_path(tmp_path)] == ["matmul_16x8x4", "add_i64"]


def test_dataset_without_manifest_is_sorted(tmp_path):
    write(tmp_path, "b.mlir", MATMUL)
    write(tmp_path, "a.mlir", ADD_I64)
    assert [b.name for b in load_dataset(tmp_path)] == ["a", "b"]


def test_manifest_entry_with_missing_file(tmp_path):
    write(tmp_path, "manifest.json", json.dumps({"version": 1, "benchmarks": [{"name": "x", "file": "x.mlir"}]}))
    with pytest.raises(BenchmarkError, match=r"x\.mlir: listed in .*manifest\.json but missing"):
        load_dataset(tmp_path)


def test_manifest_bad_json(tmp_path):
    write(tmp_path, "manifest.json", "{not json")
    with pytest.raises(BenchmarkError, match=r"manifest\.json: not valid JSON"):
        load_dataset(tmp_path)


def test_missing_dataset_folder(tmp_path):
    with pytest.raises(BenchmarkError, match="dataset folder not found"):
        load_dataset(tmp_path / "nowhere")


def test_load_path_file(tmp_path):
    assert [b.name for b in load_path(write(tmp_path, "mm.mlir", MATMUL))] == ["mm"]


def run_dumper(path):
    return subprocess.run([sys.executable, "tools/ast_dumper.py", str(path)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_cli_good_file(tmp_path):
    result = run_dumper(write(tmp_path, "mm.mlir", MATMUL))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"file", "ops"}
    assert [op["name"] for op in data["ops"]] == ["linalg.fill", "linalg.matmul"]
    assert {"tag", "name", "loops", "accesses", "arith_counts", "producers", "consumers"} <= set(data["ops"][1])


def test_cli_bad_file(tmp_path):
    path = write(tmp_path, "bad.mlir", "func.func @main( {")
    result = run_dumper(path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: does not parse")
    assert result.stdout == ""


# What torch-mlir emits for torch.cat: an op with no bufferization of its own.
CONCAT = """
func.func @main(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>) -> tensor<2x8xf32> {
  %c = tensor.concat dim(1) %a, %b : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  %e = tensor.empty() : tensor<2x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]} ins(%c : tensor<2x8xf32>) outs(%e : tensor<2x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %y = arith.addf %x, %x : f32
    linalg.yield %y : f32
  } -> tensor<2x8xf32>
  return %r : tensor<2x8xf32>
}
"""


def test_concat_is_decomposed_at_load_and_measures(tmp_path):
    from rl_autoschedular.execution.measure import Measurer

    path = tmp_path / "concat.mlir"
    path.write_text(CONCAT)
    bench = load_benchmark(path)
    assert "tensor.concat" not in bench.text and bench.text.count("tensor.insert_slice") == 2
    with Measurer(tmp_path / "cache", FAST) as m:
        assert m.baseline(bench).verified
