"""evaluation/evaluate.py and analysis/plot_results.py end to end on a checkpoint of the quick start's config: every
baseline measured and verified, a summary whose figures are those of the JSON, and plots of both directories."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys

import pytest
from conftest import ROOT

BENCHES = ["add_1x128x768", "relu_1x256x28x28"]


def _run(*args):
    return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def evaluation(quick_run, tmp_path_factory):
    out = quick_run.parent / "eval_quick"  # beside the run: both log to the one MLflow store of that folder
    ckpt = next((quick_run / "checkpoints").glob("ckpt_*.pt"))
    done = _run(ROOT / "evaluation" / "evaluate.py", "--checkpoint", ckpt, "--data", ROOT / "data" / "test",
                "--only", ",".join(BENCHES), "--samples", 2, "--out", out,
                "--cache-dir", quick_run.parent / "cache")
    assert done.returncode == 0, done.stderr[-3000:]
    return out, json.loads((out / "results.json").read_text()), (out / "summary.md").read_text()


@pytest.mark.slow
def test_every_baseline_is_measured_and_verified(evaluation):
    _, results, _ = evaluation
    assert [r["name"] for r in results["benchmarks"]] == BENCHES
    assert results["meta"]["complete"] and results["meta"]["benchmarks"] == len(BENCHES)
    for rec in results["benchmarks"]:
        assert rec["threads"] == 1
        for key in ("unoptimized", "agent_greedy", "agent_best", "random_best", "greedy_search", "prior", "iree"):
            assert rec[key]["verified"] and rec[key]["ms"] > 0, (rec["name"], key, rec[key])
        assert rec["agent_best"]["measurements"] <= 2 and rec["random_best"]["measurements"] == 2
        assert rec["agent_best"]["ms"] <= rec["agent_greedy"]["ms"]  # the greedy schedule is one of the N
        (eager,) = rec["pytorch"]  # bundled benchmarks describe their PyTorch computation in the manifest
        assert eager["executor"] == "PyTorch eager" and eager["verified"] and eager["ms"] > 0


@pytest.mark.slow
def test_summary_figures_are_those_of_the_json(evaluation):
    _, results, summary = evaluation
    recs = results["benchmarks"]
    for label, baseline in (("unoptimized MLIR", "unoptimized"), ("IREE llvm-cpu", "iree")):
        ratios = [r[baseline]["ms"] / r["agent_greedy"]["ms"] for r in recs]
        want = math.exp(sum(map(math.log, ratios)) / len(ratios))
        greedy_section = summary.split("## agent best-of-N")[0]
        row = re.search(rf"^\| {re.escape(label)} \| ([0-9.]+)x \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|", greedy_section,
                        re.M)
        assert row, f"no row for {label} in:\n{summary}"
        assert float(row[1]) == pytest.approx(want, abs=0.006)
        wins = sum(x > 1.05 for x in ratios)
        losses = sum(x < 0.95 for x in ratios)
        assert [int(g) for g in row.groups()[1:]] == [2, wins, 2 - wins - losses, losses]
    pytorch = [r["pytorch"][0]["ms"] / r["agent_greedy"]["ms"] for r in recs]
    assert results["summary"]["agent_greedy"]["overall"]["pytorch"]["geomean"] == pytest.approx(
        math.exp(sum(map(math.log, pytorch)) / 2))


@pytest.mark.slow
def test_plots_of_the_run_and_the_evaluation(evaluation, quick_run, tmp_path):
    out, _, _ = evaluation
    done = _run(ROOT / "analysis" / "plot_results.py", quick_run, out, "--out", tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    names = {"training.png", "failures.png", "ppo.png", "eval.png", "by_op_type.png", "vs_baselines.png",
             "per_benchmark.png"}
    assert {p.name for p in tmp_path.glob("*.png")} == names
    for name in names:
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and (tmp_path / name).stat().st_size > 5000


@pytest.mark.slow
def test_the_run_and_its_evaluation_share_one_dashboard_with_their_plots(evaluation, quick_run, tmp_path):
    from mlflow.tracking import MlflowClient

    out, results, _ = evaluation
    assert _run(ROOT / "analysis" / "plot_results.py", out).returncode == 0
    assert _run(ROOT / "analysis" / "plot_results.py", quick_run).returncode == 0
    client = MlflowClient(tracking_uri=f"sqlite:///{quick_run.parent / 'mlflow.db'}")
    runs = {r.data.tags["run_dir"]: r for e in client.search_experiments()
            for r in client.search_runs([e.experiment_id])}
    assert set(runs) == {str(quick_run.resolve()), str(out.resolve())}
    evaluation_run = runs[str(out.resolve())]
    geomean = results["summary"]["agent_greedy"]["overall"]["unoptimized"]["geomean"]
    assert evaluation_run.data.metrics["agent_greedy/vs_unoptimized"] == pytest.approx(geomean)
    artifacts = {a.path for a in client.list_artifacts(evaluation_run.info.run_id, "evaluation")}
    assert artifacts == {"evaluation/results.json", "evaluation/summary.md"}
    for run, png in ((evaluation_run, "plots/vs_baselines.png"), (runs[str(quick_run.resolve())],
                                                                  "plots/training.png")):
        assert png in {a.path for a in client.list_artifacts(run.info.run_id, "plots")}


def test_a_missing_checkpoint_is_one_line(tmp_path):
    done = _run(ROOT / "evaluation" / "evaluate.py", "--checkpoint", tmp_path / "none.pt", "--data",
                ROOT / "data" / "test", "--out", tmp_path / "out")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "none.pt" in done.stderr
