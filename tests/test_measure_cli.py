"""bin/measure.py as a user runs it: JSON per benchmark, and one clear error line with a non-zero exit on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT

from rl_autoschedular.execution.machine import cpu_fingerprint
from rl_autoschedular.execution.measure import op_facts
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule, build_script
from rl_autoschedular.ir.benchmarks import load_benchmark

GOOD = """func.func @main(%a: tensor<64x32xf32>, %b: tensor<64x32xf32>) -> tensor<64x32xf32> {
  %e = tensor.empty() : tensor<64x32xf32>
  %r = linalg.add ins(%a, %b : tensor<64x32xf32>, tensor<64x32xf32>) outs(%e : tensor<64x32xf32>) -> tensor<64x32xf32>
  return %r : tensor<64x32xf32>
}
"""

BAD = {
    "malformed": ("func.func @main(%a: tensor<4xf32> {", "does not parse"),
    "dynamic": (GOOD.replace("64x32", "?x32"), "dynamic"),
    "unsupported": (GOOD.replace("return %r", "%x = scf.execute_region -> tensor<64x32xf32> {\n scf.yield %r : "
                                 "tensor<64x32xf32>\n }\n  return %x"), "unsupported op scf.execute_region"),
    "no_main": (GOOD.replace("@main", "@other"), "@main"),
}


def _run(*args, cache):
    return subprocess.run([sys.executable, str(ROOT / "bin" / "measure.py"), *args, "--cache-dir", str(cache)],
                          capture_output=True, text=True, timeout=300)


def test_installed_command_is_the_same_tool(tmp_path):
    """`pip install -e .` gives `mlir-rl-measure`, which runs from any directory (no sys.path edits)."""
    path = tmp_path / "add.mlir"
    path.write_text(GOOD)
    exe = Path(sys.executable).parent / "mlir-rl-measure"
    proc = subprocess.run([str(exe), str(path), "--json", "--cache-dir", str(tmp_path / "cache")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert row["name"] == "add" and row["status"] == "ok" and row["speedup"] == 1.0


def test_json_output_with_schedule(tmp_path):
    path = tmp_path / "add.mlir"
    path.write_text(GOOD)
    bench = load_benchmark(path)
    script = build_script(Schedule((OpSchedule("op_0", (Action("tile", (16, 0)),)),)), op_facts(bench.text))
    (tmp_path / "s.mlir").write_text(script)
    proc = _run(str(path), "--schedule", str(tmp_path / "s.mlir"), "--json", cache=tmp_path / "cache")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 1
    row = rows[0]
    for key in ("name", "status", "verified", "baseline_ns", "time_ns", "speedup", "threads"):
        assert key in row
    assert row["status"] == "ok" and row["verified"] and row["threads"] == 1
    assert row["speedup"] == pytest.approx(row["baseline_ns"] / row["time_ns"])


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_gives_one_error_line(tmp_path, case):
    text, needle = BAD[case]
    path = tmp_path / f"{case}.mlir"
    path.write_text(text)
    proc = _run(str(path), cache=tmp_path / "cache")
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0] and needle in lines[0]
    assert proc.stdout == ""


def test_missing_file_and_missing_schedule(tmp_path):
    proc = _run(str(tmp_path / "nope.mlir"), cache=tmp_path / "cache")
    assert proc.returncode != 0 and "nope.mlir" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = _run(str(DATA / "add_256x1024.mlir"), "--schedule", str(tmp_path / "none.mlir"), cache=tmp_path / "c")
    assert proc.returncode != 0 and "none.mlir" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_update_baselines_writes_manifest(tmp_path):
    import shutil

    folder = tmp_path / "ds"
    folder.mkdir()
    shutil.copy(DATA / "add_256x1024.mlir", folder)
    (folder / "manifest.json").write_text(json.dumps({"version": 1, "benchmarks": [
        {"name": "add_256x1024", "file": "add_256x1024.mlir", "family": "add", "ops": ["linalg.generic"],
         "flops": 262144, "source": "torch-mlir", "baselines": {}}]}))
    proc = _run(str(folder), "--update-baselines", "--json", cache=tmp_path / "cache")
    assert proc.returncode == 0, proc.stderr
    (row,) = [json.loads(line) for line in proc.stdout.splitlines()]
    baselines = json.loads((folder / "manifest.json").read_text())["benchmarks"][0]["baselines"]
    # The time just measured, under this machine's fingerprint and the thread count it ran with.
    assert baselines == {cpu_fingerprint(): {"1": row["baseline_ns"]}} and isinstance(row["baseline_ns"], int)
