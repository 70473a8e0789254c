"""The random benchmark generator: 50 programs that load and measure verified, reproducible by seed; every kind
appears and chains really chain (checked on the IR); duplicates are counted, not written; a sample that fails the
verifier, its baseline or a limit is rejected by reason and never written; an unreachable count exits non-zero."""

from __future__ import annotations

import json

import pytest
from conftest import FAST, MATMUL
from mlir import ir

from data_generation import nn_extract, random_mlir_gen
from data_generation.dataset_writer import check
from data_generation.random_mlir_gen import Sample, generate, parse_kinds
from data_generation.random_ops import OPS, SHAPES
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import load_dataset

# The IREE cross-check of each reference costs about 2 s a program, too slow for 50 here; the tests that measure
# few programs keep it (FAST), the 50-program run checks the outputs with our own lowering only.
LOCAL = FAST.model_copy(update={"reference_check": "none"})
SMALL = ["--max-flops", "2e6", "--max-baseline-ms", "200"]


def _run(capsys, tmp, *args, config=LOCAL, cache=None):
    """main() into `tmp`: (exit code, stdout, stderr, {file name: text} of the written .mlir files)."""
    argv = ["--out", str(tmp), "--cache-dir", str(cache or tmp.parent / "cache"), *args]
    rc = random_mlir_gen.main(argv, config)
    out, err = capsys.readouterr()
    return rc, out, err, {p.name: p.read_text() for p in sorted(tmp.glob("*.mlir"))}


def _core_ops(text: str):
    """The linalg ops of a program other than the accumulator fills, in program order."""
    return [info for info in analyze(text) if info.name != "linalg.fill"]


def _linalg_name(kind: str) -> str:
    return "linalg." + (kind if kind in ("matmul", "batch_matmul") or "conv" in kind or "pool" in kind
                        else "transpose" if kind == "transpose" else "generic")


def _assert_chains(text: str, chain) -> None:
    """The ops are the chain's, in order, and each consumes the one before it (through a pad at most)."""
    ops = _core_ops(text)
    assert [o.name for o in ops] == [_linalg_name(k) for k in chain]
    for before, after in zip(ops, ops[1:]):
        assert before.tag in after.producers, (chain, before.tag, after.producers)
        assert after.tag in before.consumers


@pytest.fixture(scope="module")
def fifty(tmp_path_factory):
    root = tmp_path_factory.mktemp("random")
    out, cache = root / "s1", root / "cache"
    rc = random_mlir_gen.main(["--count", "50", "--seed", "1", "--out", str(out), "--cache-dir", str(cache), *SMALL],
                              LOCAL)
    return rc, out, cache


def test_fifty_programs_load_and_measure_verified(fifty):
    rc, out, cache = fifty
    assert rc == 0
    files = sorted(p.name for p in out.glob("*.mlir"))
    assert len(files) == 50
    manifest = json.loads((out / "manifest.json").read_text())["benchmarks"]
    assert sorted(e["file"] for e in manifest) == files
    benches = load_dataset(out)
    assert len(benches) == 50
    assert check(out, manifest, cache, LOCAL) == []  # every baseline verified (served from the generation's cache)
    assert len({nn_extract.structural_hash((out / f).read_text()) for f in files}) == 50
    for entry, bench in zip(manifest, benches):
        source = entry["source"]
        assert entry["family"] == "random" and entry["flops"] <= 2e6
        assert source["generator"] == "random" and source["seed"] == 1 and 2 <= len(source["chain"]) <= 5
        assert entry["name"] == f"random_s1_{source['index']:04d}_{source['chain'][0]}_{len(source['chain'])}ops"
        _assert_chains((out / entry["file"]).read_text(), source["chain"])  # as written: loading merges chains
        # the manifest's source regenerates the program, as printed
        regenerated = generate(1, source["index"], list(OPS), 2, 5, SHAPES)
        assert str(ir.Module.parse(regenerated.text, ir.Context())) == (out / entry["file"]).read_text()


def test_same_seed_same_files_other_seed_differs(fifty, tmp_path, capsys):
    _, out, cache = fifty
    rc, _, _, again = _run(capsys, tmp_path / "again", "--count", "50", "--seed", "1", *SMALL, cache=cache)
    assert rc == 0
    assert again == {p.name: p.read_text() for p in sorted(out.glob("*.mlir"))}
    assert (tmp_path / "again" / "manifest.json").read_text() == (out / "manifest.json").read_text()
    rc, _, _, other = _run(capsys, tmp_path / "other", "--count", "5", "--seed", "2", *SMALL, cache=cache)
    assert rc == 0 and len(other) == 5
    assert not set(other.values()) & set(again.values())


def test_every_kind_appears_and_chains_chain():
    kinds = list(OPS)
    seen = set()
    for index in range(120):
        sample = generate(7, index, kinds, 2, 5, SHAPES, f64_share=0.2)
        seen.update(sample.chain)
        _assert_chains(sample.text, sample.chain)
    assert seen == set(kinds)


def test_families_restrict_the_kinds():
    kinds = parse_kinds("conv,relu,transpose")
    assert set(kinds) == {"conv_2d_nchw_fchw", "conv_2d_nhwc_hwcf", "depthwise_conv_2d_nchw_chw", "relu", "transpose"}
    seen = set()
    for index in range(60):
        sample = generate(3, index, kinds, 1, 4, SHAPES)
        assert set(sample.chain) <= set(kinds)
        seen.update(sample.chain)
        _assert_chains(sample.text, sample.chain)
    assert seen == set(kinds)
    with pytest.raises(ValueError, match="unknown family 'softmax'"):
        parse_kinds("relu,softmax")


def test_duplicates_are_counted_not_written_and_short_count_fails(tmp_path, capsys):
    # a 2x2 shape space of single matmuls: 4 distinct programs, every later one a duplicate
    rc, out, err, files = _run(capsys, tmp_path / "d", "--count", "5", "--families", "matmul", "--min-ops", "1",
                               "--max-ops", "1", "--shapes", "tokens=8;hidden=8,16", "--max-attempts", "30",
                               config=FAST)
    assert rc == 1
    assert len(files) == 4
    assert "duplicates: 26" in out and "rejected: 0" in out
    assert err.strip().splitlines()[-1] == (  # the last line after the progress bar's
        "error: only 4 of 5 programs were valid and distinct after 30 attempts (--max-attempts 30); "
        "loosen the limits or the shapes")
    manifest = json.loads((tmp_path / "d" / "manifest.json").read_text())["benchmarks"]
    assert sum(len(e.get("also", [])) for e in manifest) == 26
    assert len({nn_extract.structural_hash(t) for t in files.values()}) == 4


_INVALID = MATMUL.replace("tensor<4x8xf32>) outs", "tensor<4x9xf32>) outs")  # matmul operands that do not agree
_NAN = """
func.func @main(%a: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %e = tensor.empty() : tensor<16x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<16x8xf32>) outs(%e : tensor<16x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %l = math.log %x : f32
    linalg.yield %l : f32
  } -> tensor<16x8xf32>
  return %r : tensor<16x8xf32>
}
"""


def test_failing_samples_are_rejected_by_reason_and_never_written(tmp_path, capsys, monkeypatch):
    samples = [Sample(_INVALID, ("matmul",), "f32"), Sample(_NAN, ("gelu",), "f32"), Sample(MATMUL, ("matmul",), "f32")]
    monkeypatch.setattr(random_mlir_gen, "generate", lambda seed, index, *a: samples[index])
    rc, out, _, files = _run(capsys, tmp_path / "f", "--count", "1", "--min-ops", "1", config=FAST)
    assert rc == 0
    assert list(files) == ["random_s0_0002_matmul_1ops.mlir"]
    assert "rejected: 2" in out
    assert "  verifier: 1 (e.g. random_s0_0000_matmul_1ops:" in out
    assert "  baseline harness_error: 1 (e.g. random_s0_0001_gelu_1ops:" in out  # log of negative inputs is NaN


def test_slow_baselines_are_rejected_and_the_count_fails(tmp_path, capsys):
    rc, out, err, files = _run(capsys, tmp_path / "slow", "--count", "2", "--seed", "4", "--max-flops", "2e6",
                               "--max-baseline-ms", "1e-6", "--max-attempts", "3")
    assert rc == 1 and files == {}
    assert json.loads((tmp_path / "slow" / "manifest.json").read_text())["benchmarks"] == []
    rejected = dict(line.strip().split(": ", 1) for line in out.splitlines() if line.startswith("  "))
    assert sum(int(v.split()[0]) for v in rejected.values()) == 3
    assert "over --max-baseline-ms" in rejected
    assert err.strip().splitlines()[-1].startswith("error: only 0 of 2 programs")


def test_bad_arguments_exit_with_one_line(tmp_path, capsys):
    for args in (["--families", "softmax"], ["--shapes", "width=3"], ["--min-ops", "3", "--max-ops", "2"]):
        with pytest.raises(SystemExit) as exc:
            random_mlir_gen.main(["--out", str(tmp_path), *args])
        assert exc.value.code == 2
        assert "error:" in capsys.readouterr().err.strip().splitlines()[-1]


def test_single_ops_with_min_ops_one():
    lengths = {len(generate(5, i, list(OPS), 1, 1, SHAPES).chain) for i in range(20)}
    assert lengths == {1}
