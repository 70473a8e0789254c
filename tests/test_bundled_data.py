"""Checks of the bundled benchmark suites data/test and data/families (made by data_generation/bundled.py), and of
their PyTorch descriptions (rl_autoschedular/execution/torch_fns.py).

Parses every file with the xtc MLIR bindings; torch_mlir runs only in a spawned child (the two LLVMs clash in one
process).
"""

import json
import multiprocessing
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import pytest
import torch
from conftest import FAST
from mlir import ir

from data_generation import bundled, families
from data_generation.bundled import walk
from rl_autoschedular.execution.job import compare, random_inputs
from rl_autoschedular.execution.measure import Measurer, reduction_size
from rl_autoschedular.execution.torch_fns import describe, functions, torch_callable
from rl_autoschedular.ir.benchmarks import load_benchmark, load_dataset

DATA = Path(__file__).resolve().parents[1] / "data" / "test"
MANIFEST = json.loads((DATA / "manifest.json").read_text())
ENTRIES = MANIFEST["benchmarks"]
FAMILIES_DATA = DATA.parent / "families"
FAMILIES_ENTRIES = json.loads((FAMILIES_DATA / "manifest.json").read_text())["benchmarks"]
FAMILIES = {"matmul", "conv2d", "add", "pooling", "relu"}
ALLOWED_OPS = {
    "builtin.module", "func.func", "func.return", "tensor.empty", "tensor.pad", "tensor.yield",
    "tensor.expand_shape", "tensor.collapse_shape",
}


@cache
def parsed(file: str, folder: Path = DATA) -> tuple[ir.Context, ir.Module]:
    """Parse a benchmark once; the context is returned too so that it outlives the module."""
    ctx = ir.Context()
    return ctx, ir.Module.parse((folder / file).read_text(), ctx)


def main_types(file: str, folder: Path = DATA) -> tuple[list[ir.RankedTensorType], list[ir.RankedTensorType]]:
    """Types of @main's arguments and results."""
    _, module = parsed(file, folder)
    (func,) = [op for op in module.body.operations if op.operation.name == "func.func"]
    func_type = func.attributes["function_type"].value
    return list(func_type.inputs), list(func_type.results)


def main_signature(file: str) -> tuple[list[list[int]], list[list[int]]]:
    """Shapes of @main's arguments and results."""
    inputs, results = main_types(file)
    return [t.shape for t in inputs], [t.shape for t in results]


def test_manifest_layout():
    assert MANIFEST["version"] == 1
    assert len({e["name"] for e in ENTRIES}) == len(ENTRIES)
    for entry in ENTRIES:
        assert set(entry) == {"name", "file", "family", "ops", "flops", "source", "baselines", "torch"}
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
        if name.startswith("linalg.") and name not in ("linalg.yield", "linalg.index"):
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


def test_families_manifest():
    assert [e["family"] for e in FAMILIES_ENTRIES] == list(families.FAMILIES)
    assert len({e["name"] for e in FAMILIES_ENTRIES}) == len(FAMILIES_ENTRIES)
    for entry in FAMILIES_ENTRIES:
        assert set(entry) == {"name", "file", "family", "ops", "flops", "source", "baselines", "torch"}
        assert entry["source"] == "torch-mlir"
        assert isinstance(entry["flops"], int) and entry["flops"] > 0


BOTH = [(DATA, e) for e in ENTRIES] + [(FAMILIES_DATA, e) for e in FAMILIES_ENTRIES]


@pytest.mark.parametrize("folder, entry", BOTH, ids=[f"{folder.name}/{e['name']}" for folder, e in BOTH])
def test_torch_description_fits_main(folder, entry):
    """The description names a known function and gives @main's argument shapes and element type."""
    desc = entry["torch"]
    assert set(desc) == {"fn", "shapes", "kwargs", "dtype"} and desc["fn"] in functions()
    inputs, results = main_types(entry["file"], folder)
    assert desc["shapes"] == [t.shape for t in inputs]
    assert {str(t.element_type) for t in [*inputs, *results]} == {desc["dtype"]}


def test_families_load_with_their_descriptions():
    benches = load_dataset(FAMILIES_DATA)
    assert [b.name for b in benches] == [e["name"] for e in FAMILIES_ENTRIES]
    assert [b.torch for b in benches] == [e["torch"] for e in FAMILIES_ENTRIES]


# Tiny versions of the suites' computations: templates as bundled.py writes them, the rest exported with torch-mlir
# from their description, exactly as bundled.py does.
TINY = [
    bundled.conv2d_nhwc(4, 6, 6, 8, 3, pad=1),
    bundled.conv2d_nhwc(4, 7, 7, 4, 3, stride=2, pad=1, prepadded=True),
    bundled.maxpool_nhwc(4, 7, 7, 3, 2, pad=1),
    bundled.Benchmark("dw", "", 0, describe("conv2d", ((1, 4, 6, 6), (4, 1, 3, 3)), {"padding": 1, "groups": 4})),
    bundled.Benchmark("gelu", "", 0, describe("linear_gelu", ((4, 8), (8, 16), (16,)))),
    bundled.Benchmark("ln", "", 0, describe("layer_norm", ((4, 16), (16,), (16,)), {"eps": 1e-5})),
    bundled.Benchmark("softmax", "", 0, describe("softmax", ((2, 4, 8),))),
    bundled.maxpool_nchw(4, 6, 6, 2, 2, n=2),
    bundled.elementwise("relu", (2, 3, 4), dtype="f64"),
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """TINY loaded, and a Measurer for their reference outputs (our executor on the unscheduled program)."""
    folder = tmp_path_factory.mktemp("tiny")
    exported = [b for b in TINY if not b.text]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        texts = dict(zip([b.name for b in exported], pool.submit(bundled._export_torch, [b.torch for b in exported])
                         .result()))
    benches = []
    for b in TINY:
        (folder / f"{b.name}.mlir").write_text(texts.get(b.name, b.text))
        benches.append(load_benchmark(folder / f"{b.name}.mlir", torch=b.torch))
    # Our reference executor alone: the IREE check of references is tested elsewhere and would take far longer here.
    with Measurer(folder / "cache", FAST.model_copy(update={"reference_check": "none"})) as m:
        yield benches, m


def torch_mismatch(bench, desc, m) -> str | None:
    """Why `desc` computed in PyTorch on the seeded inputs does not match our reference of `bench`, or None."""
    inputs = random_inputs([(s.shape, s.dtype) for s in bench.inputs], m.config.seed)
    with torch.no_grad():
        result = torch_callable(desc)(*[torch.from_numpy(x) for x in inputs])
    outputs = [r.numpy() for r in (result if isinstance(result, tuple) else (result,))]
    return compare(outputs, m.reference(bench), [s.dtype for s in bench.outputs], reduction_size(bench))


def test_torch_descriptions_compute_the_benchmarks(tiny):
    benches, m = tiny
    for bench in benches:
        assert torch_mismatch(bench, bench.torch, m) is None, bench.name
    # A description that is off in one detail fails: the template's padding, GELU's approximation.
    conv, gelu = benches[0], benches[4]
    assert torch_mismatch(conv, {**conv.torch, "kwargs": {"padding": 0}}, m) is not None
    assert torch_mismatch(gelu, {**gelu.torch, "fn": "linear_relu"}, m) is not None
