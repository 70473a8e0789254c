"""The LQCD kernel generator: every kind compiles, runs and matches numpy's formulation; the check can fail; loop
depths fit the encoding; the CLI writes files and manifest, and refuses bad input with one line."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from conftest import FAST, ROOT

from data_generation import lqcd_gen
from data_generation.lqcd_gen import KINDS, build, encoding_problems, mismatch
from rl_autoschedular.execution.job import random_inputs
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import load_benchmark

LATTICE = (2, 2, 2, 2)


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("lqcd_cache")


@pytest.fixture(scope="module")
def measurer(cache):
    with Measurer(cache, FAST) as m:
        yield m


def _compiled_and_inputs(measurer, kernel, tmp_path):
    """The compiled program's verified outputs and the seeded inputs it ran on."""
    path = tmp_path / f"{kernel.name}.mlir"
    path.write_text(kernel.text)
    bench = load_benchmark(path)
    assert measurer.baseline(bench).verified
    inputs = random_inputs([(s.shape, s.dtype) for s in bench.inputs], FAST.seed)
    return measurer.reference(bench), inputs


@pytest.mark.parametrize("dtype", ["f32", "f64"])
@pytest.mark.parametrize("kind", KINDS)
def test_kind_matches_numpy(measurer, tmp_path, kind, dtype):
    kernel = build(kind, LATTICE, dtype)
    got, inputs = _compiled_and_inputs(measurer, kernel, tmp_path)
    want = kernel.numpy(inputs)
    assert got[0].dtype == np.dtype({"f32": np.float32, "f64": np.float64}[dtype])
    assert np.max(np.abs(want[0])) > 0.1  # not a trivially zero result
    assert mismatch(got, want, dtype) == ""


def test_wrong_formulations_are_caught(measurer, tmp_path):
    def c(x):
        return x[..., 0] + 1j * x[..., 1]

    def r(z):
        return [np.stack([z.real, z.imag], -1)]

    matmul = build("su3_matmul", LATTICE, "f64")
    got, (a, b) = _compiled_and_inputs(measurer, matmul, tmp_path)
    assert mismatch(got, r(np.einsum("vab,vbc->vac", c(a), c(b))), "f64") == ""
    swapped = r(np.einsum("vba,vbc->vac", c(a), c(b)))  # A transposed
    assert "relative error" in mismatch(got, swapped, "f64")

    dslash = build("dslash", LATTICE, "f64")
    got, (u, fwd, u_back, back) = _compiled_and_inputs(measurer, dslash, tmp_path)
    no_conj = np.einsum("mvab,mvsb->vsa", c(u), c(fwd)) + np.einsum("mvba,mvsb->vsa", c(u_back), c(back))
    assert "relative error" in mismatch(got, r(no_conj), "f64")


def test_loop_depths_and_encoding():
    for kind in KINDS:
        text = build(kind, LATTICE).text
        assert encoding_problems(text) == [], kind
        generics = [i for i in analyze(text) if i.name == "linalg.generic"]
        depths = [len(i.loops) for i in generics]
        reductions = max(sum(lp.kind == "reduction" for lp in i.loops) for i in generics)
        assert max(depths) <= 7 and reductions >= 2, (kind, depths)
        if kind in ("baryon", "dibaryon"):
            assert min(depths) >= 4 and max(depths) == 7 and reductions >= 3, (kind, depths)
    # The dibaryon is the deeper one: more 7-loop ops, and its projection has 3 reductions over 7 loops.
    deep = {k: sum(len(i.loops) == 7 for i in analyze(build(k, LATTICE).text)) for k in ("baryon", "dibaryon")}
    assert deep["dibaryon"] > deep["baryon"]


def test_cli_writes_files_and_manifest(cache, tmp_path, capsys):
    out = tmp_path / "out"
    argv = ["--kinds", "su3_matvec,baryon", "--lattice", "2,2,2,2", "--dtype", "f32", "--out", str(out),
            "--cache-dir", str(cache)]
    assert lqcd_gen.main(argv) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    names = [e["name"] for e in manifest["benchmarks"]]
    assert names == ["lqcd_su3_matvec_2x2x2x2_f32", "lqcd_baryon_2x2x2x2_f32"]
    source = manifest["benchmarks"][1]["source"]
    assert source == {"generator": "lqcd", "kind": "baryon", "lattice": [2, 2, 2, 2], "dtype": "f32", "colors": 3,
                      "spin": 4}
    assert all(e["family"] == "lqcd" and e["flops"] > 0 for e in manifest["benchmarks"])
    for name in names:
        load_benchmark(out / f"{name}.mlir")
    table = capsys.readouterr().out
    assert "baryon      2x2x2x2    f32   6/7/7/6 " in table and "2 written" in table


def test_cli_help_runs_as_script():
    done = subprocess.run([sys.executable, "data_generation/lqcd_gen.py", "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "--lattice" in done.stdout and "--kinds" in done.stdout


@pytest.mark.parametrize("argv, message", [
    (["--kinds", "meson"], "unknown kind 'meson'"),
    (["--lattice", "4,4,x,8"], "malformed lattice '4,4,x,8'"),
    (["--lattice", "4,4,4"], "malformed lattice '4,4,4'"),
    (["--dtype", "f16"], "invalid choice: 'f16'"),
    (["--colors", "2", "--kinds", "baryon"], "need --colors 3"),
])
def test_cli_bad_input_one_line(tmp_path, capsys, argv, message):
    with pytest.raises(SystemExit) as exc:
        lqcd_gen.main([*argv, "--out", str(tmp_path / "o")])
    assert exc.value.code != 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert not (tmp_path / "o").exists()
