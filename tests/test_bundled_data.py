"""Checks of the bundled benchmark suite in data/test (made by data_generation/bundled.py).

Parses every file with the xtc MLIR bindings; never imports torch_mlir (the two LLVMs clash in one process).
"""

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from mlir import ir

from data_generation.bundled import walk

DATA = Path(__file__).resolve().parents[1] / "data" / "test"
MANIFEST = json.loads((DATA / "manifest.json").read_text())
ENTRIES = MANIFEST["benchmarks"]
FAMILIES = {"matmul", "conv2d", "add", "pooling", "relu"}
ALLOWED_OPS = {
    "builtin.module", "func.func", "func.return", "tensor.empty", "tensor.pad", "tensor.yield",
    "tensor.expand_shape", "tensor.collapse_shape",
}


@cache
def parsed(file: str) -> tuple[ir.Context, ir.Module]:
    """Parse a benchmark once; the context is returned too so that it outlives the module."""
    ctx = ir.Context()
    return ctx, ir.Module.parse((DATA / file).read_text(), ctx)


def main_signature(file: str) -> tuple[list[list[int]], list[list[int]]]:
    """Shapes of @main's arguments and results."""
    _, module = parsed(file)
    (func,) = [op for op in module.body.operations if op.operation.name == "func.func"]
    func_type = func.attributes["function_type"].value
    return [t.shape for t in func_type.inputs], [t.shape for t in func_type.results]


def test_manifest_layout():
    assert MANIFEST["version"] == 1
    assert len({e["name"] for e in ENTRIES}) == len(ENTRIES)
    for entry in ENTRIES:
        assert set(entry) == {"name", "file", "family", "ops", "flops", "source", "baselines"}
        assert entry["family"] in FAMILIES | {"multi"}
        assert entry["source"] in {"torch-mlir", "template"}
        assert isinstance(entry["flops"], int) and entry["flops"] > 0
        assert isinstance(entry["baselines"], dict)


def test_suite_coverage():
    single = Counter(e["family"] for e in ENTRIES if e["family"] != "multi")
    assert sum(single.values()) >= 17
    assert set(single) == FAMILIES
    assert sum(e["family"] == "multi" for e in ENTRIES) >= 3


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["name"] for e in ENTRIES])
def test_benchmark_file(entry):
    assert (DATA / entry["file"]).is_file()
    _, module = parsed(entry["file"])
    funcs = [op for op in module.body.operations if op.operation.name == "func.func"]
    assert len(funcs) == 1
    func = funcs[0]
    assert func.attributes["sym_name"].value == "main"
    assert "sym_visibility" not in func.attributes or func.attributes["sym_visibility"].value == "public"
    func_type = func.attributes["function_type"].value
    for t in [*func_type.inputs, *func_type.results]:
        assert isinstance(t, ir.RankedTensorType) and t.has_static_shape and str(t.element_type) == "f32", t

    linalg_ops = []
    for op in walk(module.operation):
        name = op.operation.name
        assert name in ALLOWED_OPS or name.startswith(("linalg.", "arith.", "math.")), name
        assert "tag" not in op.attributes, name
        if name == "arith.constant":  # weights are arguments, not embedded constants
            assert not isinstance(op.results[0].type, ir.ShapedType)
        if name.startswith("linalg.") and name != "linalg.yield":
            linalg_ops.append(name)
    assert linalg_ops == entry["ops"]
    assert (len([op for op in linalg_ops if op != "linalg.fill"]) > 1) == (entry["family"] == "multi")


@pytest.mark.parametrize("name, args, results, op", [
    ("matmul_512x512x512", [[512, 512], [512, 512]], [[512, 512]], "linalg.matmul"),
    ("conv2d_nchw_64x56x56_k3", [[1, 64, 56, 56], [64, 64, 3, 3]], [[1, 64, 56, 56]], "linalg.conv_2d_nchw_fchw"),
    ("conv2d_nhwc_64x56x56_k3", [[1, 58, 58, 64], [3, 3, 64, 64]], [[1, 56, 56, 64]], "linalg.conv_2d_nhwc_hwcf"),
])
def test_reference_benchmarks(name, args, results, op):
    """Benchmarks that other code and the design notes refer to by name."""
    (entry,) = [e for e in ENTRIES if e["name"] == name]
    assert main_signature(entry["file"]) == (args, results)
    assert entry["ops"] == ["linalg.fill", op]
