"""data_generation/nn_to_mlir.py end to end on tiny models: real torch-mlir in a spawned child, real measurement."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest
from conftest import FAST

from data_generation import dataset_writer, nn_to_mlir
from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.observation import fits
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import load_benchmark

# Tiny user models, importable by the export child through --module (it gets this process's sys.path).
MODELS = textwrap.dedent('''
    import torch
    from torch import nn


    class ConvCat(nn.Module):
        def __init__(self):
            super().__init__()
            self.a, self.b = nn.Conv2d(3, 4, 3, padding=1), nn.Conv2d(3, 4, 1)

        def forward(self, x):
            return torch.relu(torch.cat([self.a(x), self.b(x)], 1))


    def mlp():
        return nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU())


    def conv_cat():
        return ConvCat()


    def norm():
        return nn.Sequential(nn.Linear(16, 16), nn.LayerNorm(16))


    class RMSNorm(nn.Module):  # LLaMA's: x.pow(2) is an fpowi, not the x * x of layer norm's variance
        def forward(self, x):
            return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6)


    def rms():
        return nn.Sequential(nn.Linear(16, 16), RMSNorm())


    class RootOfCube(nn.Module):  # an odd power keeps the sign: the sqrt stays unprovable
        def forward(self, x):
            return torch.sqrt(x.pow(3) + 0.5)


    def cube_root():
        return RootOfCube()


    class RootOfInput(nn.Module):
        def forward(self, x):
            return torch.sqrt(x) * 2.0


    def root():
        return RootOfInput()


    def broken():
        class Broken(nn.Module):
            def forward(self, x):
                if x.sum() > 0:  # data-dependent control flow: torch.export refuses it
                    return x
                return -x
        return Broken()
''')


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """One conversion of both tiny models and a broken one, shared by the tests below (exports take seconds)."""
    root = tmp_path_factory.mktemp("nn")
    (root / "tiny_nn_models.py").write_text(MODELS)
    sys.path.insert(0, str(root))
    out = root / "out"
    specs = [{"module": "tiny_nn_models:mlp", "input_shape": [1, 16]},
             {"module": "tiny_nn_models:broken", "input_shape": [1, 8]},
             {"module": "tiny_nn_models:conv_cat", "input_shape": [1, 3, 8, 8]}]
    writer = dataset_writer.Writer(out)
    rows = [nn_to_mlir.convert(name, result, writer, [3])
            for name, result in zip(["mlp", "broken", "convcat"], nn_to_mlir.export_all(specs))]
    writer.finish()
    sys.path.remove(str(root))
    return out, rows, json.loads((out / "manifest.json").read_text())["benchmarks"]


def test_every_kind_of_benchmark_is_written_with_its_manifest_fields(dataset):
    out, rows, entries = dataset
    by_family = {f: [e for e in entries if e["family"] == f] for f in ("model", "op", "block")}
    assert [e["name"] for e in by_family["model"]] == ["mlp", "convcat"]
    assert len(by_family["op"]) >= 3 and len(by_family["block"]) >= 2
    for entry in entries:
        assert (out / entry["file"]).is_file() and entry["ops"] and entry["flops"] >= 0
        assert entry["source"]["model"] in ("mlp", "convcat")
    computes = {e["name"]: [o for o in e["ops"] if o != "linalg.fill"] for e in entries}
    mm = next(e for e in by_family["op"] if computes[e["name"]] == ["linalg.matmul"])
    assert mm["source"]["torch"]["fn"] == "torch.mm" and mm["flops"] == 2 * 16 * 32  # first Linear: 1x16 @ 16x32
    conv = next(e for e in by_family["op"] if computes[e["name"]] == ["linalg.conv_2d_nchw_fchw"])
    assert conv["source"]["torch"]["kwargs"]["stride"] == [1, 1]
    # The whole model keeps its weights as @main arguments: input, then 2 weights and 2 biases.
    assert len(load_benchmark(out / "mlp.mlir").inputs) == 5
    assert "tensor.concat" in (out / "convcat.mlir").read_text()
    # Blocks are cut as 3 torch-mlir ops; the manifest lists the ops as loaded, where a bias add and the relu after it
    # merge into one generic.
    assert all(len(computes[e["name"]]) in (2, 3) for e in by_family["block"])
    assert any(len(computes[e["name"]]) == 2 for e in by_family["block"])
    # A block across torch.cat: both convolutions, the concat (decomposed at load) and the relu.
    assert any(computes[e["name"]].count("linalg.conv_2d_nchw_fchw") == 2 for e in by_family["block"])


def test_structural_duplicates_are_written_once(dataset):
    out, rows, entries = dataset
    mlp = next(r for r in rows if r["model"] == "mlp")
    # The bias adds and relus of the two 1x32 Linear outputs repeat: fewer unique files than ops.
    assert mlp["unique_ops"] < mlp["ops"]
    relus = [e for e in entries if e["source"]["model"] == "mlp" and e["family"] == "op"
             and any(a["layer"] != e["source"]["layer"] for a in e.get("also", []))]
    assert relus, "a repeated op must record its other occurrences"
    texts = [(out / e["file"]).read_text() for e in entries]
    hashes = {nn_to_mlir.nn_extract.structural_hash(t) for t in texts}
    assert len(hashes) == len(texts)


def test_a_model_that_fails_to_export_is_skipped_with_a_reason(dataset, capsys):
    _, rows, _ = dataset
    broken = next(r for r in rows if r["model"] == "broken")
    assert broken["ops"] == 0 and broken["skipped"] and broken["skipped"][0].startswith("export: ")
    assert [r["model"] for r in rows] == ["mlp", "broken", "convcat"]  # the run went on
    nn_to_mlir.print_table(rows)
    assert "skipped broken: export: " in capsys.readouterr().out


@pytest.mark.slow
def test_every_written_file_loads_and_measures_verified(dataset, tmp_path):
    out, _, entries = dataset
    assert dataset_writer.check(out, entries, tmp_path / "cache", FAST) == []


def test_a_rank5_generic_is_encoded(tmp_path):
    # Attention's fused QKV: (batch, tokens, 3, heads, head dim) -> (3, batch, heads, tokens, head dim).
    path = tmp_path / "rank5.mlir"
    path.write_text("""
func.func @main(%a: tensor<1x8x3x2x4xf32>) -> tensor<3x1x2x8x4xf32> {
  %e = tensor.empty() : tensor<3x1x2x8x4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d1, d3, d0, d2, d4)>,
                                        affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]}
      ins(%a : tensor<1x8x3x2x4xf32>) outs(%e : tensor<3x1x2x8x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %y = arith.mulf %x, %x : f32
    linalg.yield %y : f32
  } -> tensor<3x1x2x8x4xf32>
  return %r : tensor<3x1x2x8x4xf32>
}
""")
    (info,) = analyze(load_benchmark(path).text)
    assert fits(EnvConfig(), info) == ""


def test_cli_help_names_the_options(capsys):
    with pytest.raises(SystemExit):
        nn_to_mlir.main(["--help"])
    text = capsys.readouterr().out
    assert all(opt in text for opt in ("--models", "--module", "--input-shape", "--out", "--check"))


@pytest.fixture(scope="module")
def domain_dataset(tmp_path_factory):
    """Layer norm (its rsqrt is NaN alone on inputs in [-1, 1]) and sqrt of the model input (no producer helps)."""
    root = tmp_path_factory.mktemp("nn_domain")
    (root / "tiny_nn_models.py").write_text(MODELS)
    sys.path.insert(0, str(root))
    names = ["norm", "rms", "cube_root", "root"]
    specs = [{"module": f"tiny_nn_models:{name}", "input_shape": [2, 16]} for name in names]
    writer = dataset_writer.Writer(root / "out")
    rows = [nn_to_mlir.convert(name, result, writer, [2])
            for name, result in zip(names, nn_to_mlir.export_all(specs))]
    writer.finish()
    sys.path.remove(str(root))
    return root / "out", rows, writer.entries


def test_a_partial_math_op_is_extracted_with_the_producers_that_keep_it_in_its_domain(domain_dataset, tmp_path):
    out, rows, entries = domain_dataset
    rsqrt = [e for e in entries if "math.rsqrt" in (out / e["file"]).read_text()]
    assert {e["source"]["model"] for e in rsqrt} == {"norm", "rms"}
    for entry in rsqrt:  # the rsqrt comes with the variance or the mean square: a square, summed
        text = (out / entry["file"]).read_text()
        assert ("arith.mulf" in text or "math.fpowi" in text) and '"reduction"' in text, entry["file"]
    rms = next(r for r in rows if r["model"] == "rms")
    assert not rms["skipped"] and any(e["source"]["model"] == "rms" and e["family"] == "model" for e in entries)
    cube = next(r for r in rows if r["model"] == "cube_root")
    assert any(r.startswith("whole model: domain: math.sqrt") for r in cube["skipped"])
    # sqrt of the model input cannot be made valid: neither the op, its blocks nor the whole model is written.
    root = next(r for r in rows if r["model"] == "root")
    assert not [e for e in entries if e["source"]["model"] == "root" and "math.sqrt" in (out / e["file"]).read_text()]
    assert root["skipped"] and all("math.sqrt needs a non-negative operand" in r for r in root["skipped"])
    assert any(r.startswith("whole model: domain: ") for r in root["skipped"])
    # Every written file verifies against IREE (the rsqrt alone gave NaN: its reference was refused).
    assert dataset_writer.check(out, [e for e in entries if e in rsqrt], tmp_path / "cache", FAST) == []
