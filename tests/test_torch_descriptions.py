"""PyTorch descriptions of model ops, whole models and LQCD kernels (rl_autoschedular/execution/torch_fns.py), as the
generators record them and data_generation/add_torch.py verifies them: real torch-mlir exports, real references
(checked against IREE), real PyTorch runs."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import FAST, ROOT
from mlir import ir

from data_generation import add_torch, dataset_writer, lqcd_gen, nn_to_mlir, torch_describe
from rl_autoschedular.execution import external
from rl_autoschedular.execution.job import random_inputs
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.ir.benchmarks import load_dataset

# A tiny model whose torch-mlir export holds one op of each kind the descriptions map: a convolution with its bias
# broadcast, ReLU6's two clamps, a depthwise convolution, average pooling (a sum pooling and a division), a Linear
# (transpose, matmul, bias add), a batch matmul, a softmax written out (its max also computes a dead argmax, which
# has no description), tanh, negation, maximum and a product.
MODEL = textwrap.dedent('''
    import torch
    import torch.nn.functional as F
    from torch import nn


    class Tiny(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 4, 3, stride=2, padding=1)
            self.dw = nn.Conv2d(4, 4, 3, padding=1, groups=4)
            self.fc = nn.Linear(8, 6)

        def forward(self, x):
            y = F.avg_pool2d(self.dw(F.relu6(self.conv(x))), 2)
            t = self.fc(y.reshape(1, 2, 8))
            s = torch.bmm(t, t.transpose(1, 2))
            e = torch.exp(s - s.amax(-1, keepdim=True))
            return torch.tanh(e / e.sum(-1, keepdim=True)) * torch.maximum(s, -s)


    def tiny():
        return Tiny()
''')
SPEC = {"module": "tiny_described_models:tiny", "input_shape": [1, 3, 8, 8]}
EXPECTED = {"model", "broadcast", "conv2d_acc", "relu", "clamp_max", "depthwise_conv2d", "sum_pool2d", "div",
            "permute", "mm", "add", "bmm", "sub", "exp", "sum", "tanh", "neg", "maximum", "mul"}

# x / y with the operands swapped in the body: y / x.
SWAPPED_DIV = """
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @main(%x: tensor<4x8xf32>, %y: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%x, %y : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %q = arith.divf %b, %a : f32
    linalg.yield %q : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}
"""


@pytest.fixture(scope="module")
def measurer(tmp_path_factory):
    """Our executor's references, each checked against IREE before it is used."""
    with Measurer(tmp_path_factory.mktemp("cache"), FAST) as m:
        yield m


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The tiny model converted by nn_to_mlir (whole model and single ops), with the descriptions it records; its
    factory stays importable meanwhile, as the model's description needs it."""
    root = tmp_path_factory.mktemp("described")
    (root / "tiny_described_models.py").write_text(MODEL)
    sys.path.insert(0, str(root))
    writer = dataset_writer.Writer(root / "out")
    (result,) = nn_to_mlir.export_all([SPEC])
    nn_to_mlir.convert("tiny", result, writer, [], SPEC)
    writer.finish()
    yield root / "out"
    sys.path.remove(str(root))


def _entries(folder: Path) -> dict[str, dict]:
    return {e["name"]: e for e in json.loads((folder / "manifest.json").read_text())["benchmarks"]}


def test_generated_descriptions_verify_against_the_reference(generated, measurer):
    entries = _entries(generated)
    recorded = {e["torch"]["fn"] for e in entries.values() if "torch" in e}
    assert recorded == EXPECTED
    model = entries["tiny"]["torch"]
    assert model["module"] == SPEC["module"] and model["shapes"][0] == SPEC["input_shape"]
    assert len(model["params"]) == len(model["shapes"]) - 1 == 6  # conv, depthwise, linear: weight and bias each
    # The max with its dead argmax (two results) has none, and a wrong existing description is checked too.
    argmax = next(e for e in entries.values() if e["family"] == "op" and "torch" not in e)
    manifest = json.loads((generated / "manifest.json").read_text())
    next(e for e in manifest["benchmarks"] if e["name"] == argmax["name"])["torch"] = {
        "fn": "relu", "shapes": [[1, 2, 2]], "kwargs": {}, "dtype": "f32"}
    (generated / "manifest.json").write_text(json.dumps(manifest))

    rows = add_torch.backfill(generated, measurer)
    outcomes = {name: (outcome, reason) for _, outcome, name, reason in rows}
    assert outcomes.pop(argmax["name"]) == ("failed", "PyTorch eager: 1 outputs, the reference has 2")
    assert all(outcome == "described" for outcome, _ in outcomes.values()), outcomes
    after = _entries(generated)
    assert "torch" not in after[argmax["name"]]
    assert all(after[name]["torch"] == entries[name]["torch"] for name in outcomes)


def test_a_cnn_model_is_timed_in_its_own_layout_and_channels_last(generated, measurer):
    """A user compares a CNN with PyTorch at its best: channels_last (input and conv weights) as well as NCHW, both
    checked against the reference. On ResNet-18 at 64x64 one thread, NCHW eager ran its last convs 6x slower."""
    (bench,) = [b for b in load_dataset(generated) if b.name == "tiny"]
    inputs = random_inputs([(s.shape, s.dtype) for s in bench.inputs], FAST.seed)
    runs = external.pytorch(bench, inputs, measurer.reference(bench))
    assert [r.executor for r in runs] == [external.TORCH, external.TORCH_CL]
    assert all(r.verified and r.ms > 0 for r in runs), [r.message for r in runs]


def test_wrong_descriptions_fail_verification(generated, measurer, tmp_path):
    entries = _entries(generated)
    conv = next(e for e in entries.values() if e.get("torch", {}).get("fn") == "conv2d_acc")
    assert conv["torch"]["kwargs"]["stride"] == [2, 2]
    wrong = {**conv["torch"], "kwargs": {**conv["torch"]["kwargs"], "stride": [1, 1]}}
    # torch's output is larger than the bias it adds (the reference's shape): the call fails, and is reported.
    assert "must match the size" in add_torch.verify(generated, conv, wrong, measurer)
    # A body with swapped operands has no description; the plain one computes something else.
    (tmp_path / "div.mlir").write_text(SWAPPED_DIV)
    desc, why = torch_describe.describe_op(SWAPPED_DIV)
    assert desc is None and "[1, 0]" in why
    entry = {"name": "div", "file": "div.mlir"}
    plain = {"fn": "div", "shapes": [[4, 8], [4, 8]], "kwargs": {}, "dtype": "f32"}
    assert "exceeds" in add_torch.verify(tmp_path, entry, plain, measurer)


@pytest.mark.parametrize("kind", ["su3_matvec", "dslash", "baryon", "dibaryon"])
def test_lqcd_descriptions_verify(kind, measurer, tmp_path):
    kernel = lqcd_gen.build(kind, (2, 2, 2, 2), "f64")
    (tmp_path / "k.mlir").write_text(kernel.text)
    entry = {"name": kernel.name, "file": "k.mlir"}
    assert add_torch.verify(tmp_path, entry, kernel.torch, measurer) == ""
    if kind == "dslash":  # the forward and backward hops swapped: the conjugate on the wrong link
        kw = kernel.torch["kwargs"]
        wrong = {**kernel.torch, "kwargs": {"forward": kw["backward"], "backward": kw["forward"]}}
        assert "exceeds" in add_torch.verify(tmp_path, entry, wrong, measurer)


def _input_shapes(path: Path) -> list[list[int]]:
    module = ir.Module.parse(path.read_text(), ir.Context())
    (main,) = [op for op in module.body.operations if op.operation.name == "func.func"]
    return [list(ir.ShapedType(t).shape) for t in main.type.inputs]


def test_eval_manifest_describes_its_whole_models_and_lqcd_kernels():
    folder = ROOT / "data" / "eval"
    entries = json.loads((folder / "manifest.json").read_text())["benchmarks"]
    described = [e for e in entries if e["family"] in ("model", "lqcd")]
    assert {e["family"] for e in described} == {"model", "lqcd"}
    for entry in described:
        desc = entry["torch"]
        assert desc["shapes"] == _input_shapes(folder / entry["file"]), entry["name"]
        assert desc["dtype"] == entry["source"].get("dtype", "f32")
        if entry["family"] == "model":
            assert desc["fn"] == "model" and desc["model"] == entry["source"]["model"]
            assert desc["params"] == [name for name, _ in entry["source"]["torch"]["params"]]
        else:
            assert desc["fn"] in ("complex_einsum", "lqcd_dslash", "lqcd_baryon", "lqcd_dibaryon")
