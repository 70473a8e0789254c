"""Benchmark files in the original MLIR-RL's formats load as they are: the nanoTime harness is stripped, their tags
kept aside, and a memref-based @main rewritten on tensors (or refused in one line). Small hand-written files in
those formats, measured for real."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import numpy as np
import pytest
from conftest import FAST, ROOT

from rl_autoschedular.execution.job import random_inputs
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import BenchmarkError, load_benchmark

# The shape of the original suite's single-op files: f64, a timing harness around the op, its own tag.
HARNESS = """module {{
  func.func private @nanoTime() -> i64 attributes {{llvm.emit_c_interface}}
  func.func @main({args}) -> ({out}, i64) attributes {{llvm.emit_c_interface}} {{
    %0 = call @nanoTime() : () -> i64
    %1 = {op}
    %2 = call @nanoTime() : () -> i64
    %3 = arith.subi %2, %0 : i64
    return %1, %3 : {out}, i64
  }}
}}
"""
ADD = HARNESS.format(
    args="%arg0: tensor<4x3x5x5xf64>, %arg1: tensor<4x3x5x5xf64>, %arg2: tensor<4x3x5x5xf64>",
    out="tensor<4x3x5x5xf64>",
    op='linalg.add {tag = "operation_0"} ins(%arg0, %arg1 : tensor<4x3x5x5xf64>, tensor<4x3x5x5xf64>) '
       "outs(%arg2 : tensor<4x3x5x5xf64>) -> tensor<4x3x5x5xf64>")
MATMUL = HARNESS.format(
    args="%arg0: tensor<16x24xf64>, %arg1: tensor<24x8xf64>, %arg2: tensor<16x8xf64>",
    out="tensor<16x8xf64>",
    op='linalg.matmul {tag = "operation_0"} ins(%arg0, %arg1 : tensor<16x24xf64>, tensor<24x8xf64>) '
       "outs(%arg2 : tensor<16x8xf64>) -> tensor<16x8xf64>")
CONV = HARNESS.format(
    args="%arg0: tensor<2x3x9x9xf64>, %arg1: tensor<4x3x3x3xf64>, %arg2: tensor<2x4x7x7xf64>",
    out="tensor<2x4x7x7xf64>",
    op="linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>, "
       'tag = "operation_0"} ins(%arg0, %arg1 : tensor<2x3x9x9xf64>, tensor<4x3x3x3xf64>) '
       "outs(%arg2 : tensor<2x4x7x7xf64>) -> tensor<2x4x7x7xf64>")

# The shape of the original LQCD kernels: no module, memrefs, a zero-filled scratch buffer accumulated into and
# collapsed, then copied into the output argument. Here out = A @ B.
LQCD = """func.func private @nanoTime() -> i64 attributes { llvm.emit_c_interface }
func.func @main(%B: memref<8x6xf64>, %A: memref<5x8xf64>, %out: memref<5x6xf64>) -> i64 attributes { llvm.emit_c_interface } {
  %t0 = func.call @nanoTime() : () -> i64
  %acc = memref.alloc() : memref<5x6x1xf64>
  linalg.generic {indexing_maps = [affine_map<(i, j, c) -> (i, j, c)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%acc : memref<5x6x1xf64>) {
  ^bb0(%o: f64):
    %z = arith.constant 0.0 : f64
    linalg.yield %z : f64
  }
  linalg.generic {indexing_maps = [affine_map<(i, j, c, k) -> (i, k)>, affine_map<(i, j, c, k) -> (k, j)>, affine_map<(i, j, c, k) -> (i, j, c)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%A, %B : memref<5x8xf64>, memref<8x6xf64>) outs(%acc : memref<5x6x1xf64>) {
  ^bb0(%a: f64, %b: f64, %o: f64):
    %m = arith.mulf %a, %b : f64
    %s = arith.addf %o, %m : f64
    linalg.yield %s : f64
  }
  %flat = memref.collapse_shape %acc [[0], [1, 2]] : memref<5x6x1xf64> into memref<5x6xf64>
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%flat : memref<5x6xf64>) outs(%out : memref<5x6xf64>) {
  ^bb0(%x: f64, %y: f64):
    linalg.yield %x : f64
  }
  %t1 = func.call @nanoTime() : () -> (i64)
  %t2 = arith.subi %t1, %t0 : i64
  return %t2 : i64
}
"""
# %A accumulated in place: an update of an argument, which has no tensor form.
IN_PLACE = """func.func @main(%A: memref<4x4xf64>, %B: memref<4x4xf64>) {
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%B : memref<4x4xf64>) outs(%A : memref<4x4xf64>) {
  ^bb0(%b: f64, %a: f64):
    %s = arith.addf %a, %b : f64
    linalg.yield %s : f64
  }
  return
}
"""


def _load(tmp_path, name: str, text: str):
    path = tmp_path / f"{name}.mlir"
    path.write_text(text)
    return load_benchmark(path)


def test_harness_is_stripped_with_a_note_and_their_tags_kept_aside(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        bench = _load(tmp_path, "add", ADD)
    assert "nanoTime" not in bench.text and "i64" not in bench.text and "emit_c_interface" not in bench.text
    assert [(s.shape, s.dtype) for s in bench.outputs] == [((4, 3, 5, 5), "f64")]
    assert len(bench.inputs) == 3
    notes = [r.getMessage() for r in caplog.records]
    assert len(notes) == 1 and "note:" in notes[0] and "nanoTime" in notes[0] and "operation_0 -> op_0" in notes[0]
    # Ours is the tag schedules match; theirs stays on the op, out of its way.
    assert [info.tag for info in analyze(bench.text)] == ["op_0"]
    assert 'orig_tag = "operation_0"' in bench.text and 'tag = "op_0"' in bench.text


def test_a_benchmark_in_this_projects_format_is_left_alone(tmp_path, caplog):
    text = """func.func @main(%a: tensor<4x5xf64>, %b: tensor<4x5xf64>) -> tensor<4x5xf64> {
  %r = linalg.add {tag = "op_0"} ins(%a, %b : tensor<4x5xf64>, tensor<4x5xf64>) outs(%b : tensor<4x5xf64>) -> tensor<4x5xf64>
  return %r : tensor<4x5xf64>
}
"""
    with caplog.at_level(logging.WARNING):
        bench = _load(tmp_path, "plain", text)
    assert not caplog.records and "orig_tag" not in bench.text


def test_harness_add_baseline_is_verified(tmp_path):
    bench = _load(tmp_path, "add", ADD)
    with Measurer(tmp_path / "cache", FAST) as m:
        base = m.baseline(bench)
        assert base.status == "ok", base.message
        a, b, _ = random_inputs([(s.shape, s.dtype) for s in bench.inputs], FAST.seed)
        (out,) = m.reference(bench)
    assert out.dtype == np.float64
    np.testing.assert_allclose(out, a + b, rtol=1e-12)


@pytest.mark.parametrize("case", ["matmul", "conv"])
def test_harness_matmul_and_conv_measure_verified_in_f64(tmp_path, case):
    """The baseline checks against IREE; a tiled schedule then checks against it with the f64 tolerance."""
    text, tiles = {"matmul": (MATMUL, (4, 4, 0)), "conv": (CONV, (1, 2, 0, 0, 0, 0, 0))}[case]
    bench = _load(tmp_path, case, text)
    with Measurer(tmp_path / "cache", FAST) as m:
        base = m.baseline(bench)
        assert base.status == "ok", base.message
        tiled = m.measure(bench, Schedule((OpSchedule("op_0", (Action("tile", tiles),)),)))
    assert tiled.status == "ok", tiled.message


def test_memref_kernel_is_rewritten_on_tensors_and_computes_the_same(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        bench = _load(tmp_path, "lqcd", LQCD)
    assert "memref" not in bench.text and "nanoTime" not in bench.text
    # %out, written only, becomes the result; %B and %A stay the arguments, in their order.
    assert [(s.shape, s.dtype) for s in bench.inputs] == [((8, 6), "f64"), ((5, 8), "f64")]
    assert [(s.shape, s.dtype) for s in bench.outputs] == [((5, 6), "f64")]
    assert "argument %2 -> result 0" in caplog.records[0].getMessage()
    # The zero fill and the product; the copy into %out yields its input unchanged, and the load-time merge of
    # elementwise chains folds it away.
    assert [info.tag for info in analyze(bench.text)] == ["op_0", "op_1"]
    with Measurer(tmp_path / "cache", FAST) as m:
        b, a = random_inputs([(s.shape, s.dtype) for s in bench.inputs], FAST.seed)
        (out,) = m.reference(bench)
    np.testing.assert_allclose(out, a @ b, rtol=1e-12)


@pytest.mark.parametrize("case, needle", [
    ("in_place", "memref-based @main: argument %0 is both read and written"),
    ("odd_timer", "calls @nanoTime in a way"),
])
def test_unadaptable_legacy_file_is_refused_in_one_line(tmp_path, case, needle):
    text = {"in_place": IN_PLACE, "odd_timer": ADD.replace("arith.subi %2, %0", "arith.subi %0, %2")}[case]
    with pytest.raises(BenchmarkError) as err:
        _load(tmp_path, case, text)
    message = str(err.value)
    assert needle in message and "\n" not in message and message.startswith(str(tmp_path))


def test_measure_cli_on_a_harness_file(tmp_path):
    path = tmp_path / "add.mlir"
    path.write_text(ADD)
    proc = subprocess.run([sys.executable, str(ROOT / "bin" / "measure.py"), str(path), "--json", "--cache-dir",
                           str(tmp_path / "cache")], check=False, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert row["status"] == "ok" and row["verified"]
    assert "note:" in proc.stderr and "nanoTime" in proc.stderr
