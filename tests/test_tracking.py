"""Tracking: the JSONL log (flushed lines, resume truncation), the MLflow store (readable back, shared by the runs of
a results folder, reattached on resume, moved by MLFLOW_TRACKING_URI), files attached to a finished run, Neptune in
debug and offline modes, secrets never written or shown, and the plots drawn from a JSONL log."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from rl_autoschedular.tracking.base import summarize_eval
from rl_autoschedular.tracking.mlflow_tracker import _redact_uri
from rl_autoschedular.tracking.neptune_tracker import NeptuneTracker
from rl_autoschedular.tracking.trackers import log_artifacts, make_tracker, truncate_after

ROOT = Path(__file__).resolve().parent.parent
ROWS = [{"name": "matmul", "status": "ok", "speedup": 4.0, "time_ns": 10},
        {"name": "conv", "status": "ok", "speedup": 1.0, "time_ns": 20},
        {"name": "relu", "status": "wrong_output", "speedup": None, "time_ns": None}]


def metrics(i: int) -> dict:
    """A trainer-like metrics line for iteration `i`."""
    return {"reward_mean": 0.1 * i, "speedup_geomean": 1.0 + i, "policy_loss": -0.01 * i, "value_loss": 1.0 / (i + 1),
            "entropy": 2.0 - 0.1 * i, "approx_kl": 0.01, "clip_fraction": 0.1, "explained_variance": 0.05 * i,
            "failures": {"ok": 10, "timeout": i % 2, "compile_error": 1}, "measurements_per_s": 3.5,
            "cache_hit_rate": 0.2}


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def log_run(run: Path, iterations: int, eval_every: int) -> None:
    """A trainer-like JSONL log: a metrics line per iteration, an evaluation every `eval_every`."""
    with make_tracker(run, ["jsonl"]) as tracker:
        for i in range(iterations):
            tracker.log_metrics(i, metrics(i))
            if i % eval_every == 0:
                tracker.log_eval(i, ROWS)


def mlflow_client(store: Path):
    from mlflow.tracking import MlflowClient

    return MlflowClient(tracking_uri=f"sqlite:///{store}")


@pytest.fixture(autouse=True)
def default_mlflow_store(monkeypatch):
    """Every test starts with the default store, whatever the caller's environment says."""
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run from an empty folder, to catch a backend writing into the working directory."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd


def test_summarize_eval_counts_unverified_as_baseline():
    s = summarize_eval(ROWS)
    assert s["speedup_geomean"] == pytest.approx(4.0 ** (1 / 3))
    assert s["verified_fraction"] == pytest.approx(2 / 3)


def test_jsonl_lines_are_flushed_as_logged(tmp_path):
    run = tmp_path / "run"
    with make_tracker(run, ["jsonl"]) as tracker:
        tracker.log_params({"ppo": {"lr": 3e-4, "clip": 0.2}, "benchmarks": ["a", "b"]})
        tracker.log_metrics(0, metrics(0))
        tracker.log_metrics(1, {**metrics(1), "value_loss": float("nan")})
        # read while the tracker is still open: every line is already on disk
        got = lines(run / "metrics.jsonl")
        assert [m["iteration"] for m in got] == [0, 1]
        assert got[1]["failures"] == {"ok": 10, "timeout": 1, "compile_error": 1}
        assert got[1]["value_loss"] is None and isinstance(got[0]["time"], float)
        tracker.log_eval(1, ROWS)
        (ev,) = lines(run / "eval.jsonl")
        assert ev["iteration"] == 1 and ev["rows"] == ROWS
        assert ev["summary"]["verified_fraction"] == pytest.approx(2 / 3)
    assert json.loads((run / "params.json").read_text())["ppo"]["lr"] == 3e-4


def test_resume_drops_iterations_after_the_checkpoint(tmp_path):
    run = tmp_path / "run"
    log_run(run, 5, 2)
    with open(run / "metrics.jsonl", "a") as f:
        f.write('{"iteration": 5, "reward')  # killed mid-line
    with make_tracker(run, ["jsonl"], resume_iteration=2) as tracker:
        assert [m["iteration"] for m in lines(run / "metrics.jsonl")] == [0, 1, 2]
        assert [e["iteration"] for e in lines(run / "eval.jsonl")] == [0, 2]
        tracker.log_metrics(3, metrics(3))
    assert [m["iteration"] for m in lines(run / "metrics.jsonl")] == [0, 1, 2, 3]
    truncate_after(run, 0)
    assert [m["iteration"] for m in lines(run / "metrics.jsonl")] == [0]


def test_mlflow_store_reads_back_and_resume_reattaches(tmp_path, in_tmp):
    run = tmp_path / "run"
    with make_tracker(run, ["mlflow"], experiment="exp-test") as tracker:
        tracker.log_params({"ppo": {"lr": 3e-4}, "model_type": "lstm"})
        for i in range(3):
            tracker.log_metrics(i, metrics(i))
        tracker.log_eval(2, ROWS)
    assert not (run / "mlflow.db").exists()  # the store is the results folder's, beside the run
    client = mlflow_client(tmp_path / "mlflow.db")
    exp = client.get_experiment_by_name("exp-test")
    (first,) = client.search_runs([exp.experiment_id])
    assert first.info.status == "FINISHED"
    assert first.data.params == {"ppo.lr": "0.0003", "model_type": "lstm"}
    history = client.get_metric_history(first.info.run_id, "speedup_geomean")
    assert sorted((m.step, m.value) for m in history) == [(0, 1.0), (1, 2.0), (2, 3.0)]
    timeouts = client.get_metric_history(first.info.run_id, "failures.timeout")
    assert sorted((m.step, m.value) for m in timeouts) == [(0, 0.0), (1, 1.0), (2, 0.0)]
    assert client.get_metric_history(first.info.run_id, "eval/speedup/matmul")[0].step == 2

    with make_tracker(run, ["mlflow"], experiment="exp-test", resume_iteration=2) as tracker:
        tracker.log_params({"ppo": {"lr": 3e-4}, "model_type": "lstm"})
        tracker.log_metrics(3, metrics(3))
    (again,) = client.search_runs([exp.experiment_id])
    assert again.info.run_id == first.info.run_id
    steps = [m.step for m in client.get_metric_history(first.info.run_id, "speedup_geomean")]
    assert sorted(steps) == [0, 1, 2, 3]
    assert not list(in_tmp.iterdir())  # no mlruns/ or mlflow.db in the working directory


def test_runs_of_a_results_folder_share_one_store(tmp_path, in_tmp):
    results = tmp_path / "results"
    runs = [results / "run_a_1", results / "run_b_2"]
    for k, run in enumerate(runs):
        with make_tracker(run, ["jsonl", "mlflow"]) as tracker:
            tracker.log_metrics(0, {"reward_mean": float(k)})
    client = mlflow_client(results / "mlflow.db")
    found = client.search_runs([client.get_experiment_by_name("mlir-rl").experiment_id])
    by_dir = {r.data.tags["run_dir"]: r for r in found}
    assert sorted(by_dir) == [str(run) for run in runs]
    for k, run in enumerate(runs):
        mlflow_run = by_dir[str(run)]
        assert mlflow_run.info.run_name == run.name
        assert mlflow_run.info.run_id == (run / "mlflow_run_id").read_text().strip()
        assert mlflow_run.data.metrics["reward_mean"] == float(k)
        assert mlflow_run.info.artifact_uri.startswith((results / "mlartifacts").as_uri())

    with make_tracker(runs[0], ["jsonl", "mlflow"], resume_iteration=0) as tracker:
        tracker.log_metrics(1, {"reward_mean": 5.0})
    assert len(client.search_runs([found[0].info.experiment_id])) == 2  # reattached, not a third run
    history = client.get_metric_history(by_dir[str(runs[0])].info.run_id, "reward_mean")
    assert sorted((m.step, m.value) for m in history) == [(0, 0.0), (1, 5.0)]
    assert not list(in_tmp.iterdir())


def test_mlflow_tracking_uri_from_the_environment(tmp_path, in_tmp, monkeypatch, caplog):
    run = tmp_path / "results" / "run"
    with make_tracker(run, ["mlflow"]) as tracker:  # first in the default store
        tracker.log_metrics(0, {"reward_mean": 1.0})
    old_id = (run / "mlflow_run_id").read_text().strip()
    other = tmp_path / "elsewhere" / "other.db"
    other.parent.mkdir()
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{other}")
    # a run resumed against another store cannot reattach: it starts a new MLflow run there, and says so
    with make_tracker(run, ["mlflow"], resume_iteration=0) as tracker:
        tracker.log_metrics(1, {"reward_mean": 2.0})
    assert f"MLflow run {old_id}" in caplog.text and str(other) in caplog.text
    (moved,) = mlflow_client(other).search_runs([mlflow_client(other).get_experiment_by_name("mlir-rl").experiment_id])
    assert moved.info.run_id == (run / "mlflow_run_id").read_text().strip() != old_id
    assert moved.data.tags["run_dir"] == str(run) and moved.data.metrics == {"reward_mean": 2.0}
    assert moved.info.artifact_uri.startswith((other.parent / "mlartifacts").as_uri())
    assert len(mlflow_client(tmp_path / "results" / "mlflow.db").get_metric_history(old_id, "reward_mean")) == 1
    assert not list(in_tmp.iterdir())


def test_log_artifacts_attaches_files_to_a_finished_run(tmp_path, in_tmp):
    run = tmp_path / "run"
    with make_tracker(run, ["jsonl", "mlflow", "neptune"], neptune_mode="offline") as tracker:
        tracker.log_metrics(0, metrics(0))
    png = tmp_path / "training.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n-training")
    assert log_artifacts(run, [png]) == ["mlflow", "neptune"]
    client = mlflow_client(tmp_path / "mlflow.db")
    run_id = (run / "mlflow_run_id").read_text().strip()
    assert [a.path for a in client.list_artifacts(run_id, "plots")] == ["plots/training.png"]
    local = client.download_artifacts(run_id, "plots/training.png", str(tmp_path))
    assert Path(local).read_bytes() == png.read_bytes()
    # Neptune's offline data keeps a copy of the file, for the next `neptune sync`
    assert [p for p in (run / ".neptune" / "offline").rglob("*.png") if p.read_bytes() == png.read_bytes()]

    jsonl_only = tmp_path / "jsonl_only"
    log_run(jsonl_only, 1, 1)
    assert log_artifacts(jsonl_only, [png]) == []
    with pytest.raises(ValueError, match="no mlflow data"):
        log_artifacts(jsonl_only, [png], ["jsonl", "mlflow"])
    with pytest.raises(ValueError, match="no such file"):
        log_artifacts(run, [tmp_path / "missing.png"])
    assert not list(in_tmp.iterdir())


def test_tracking_uri_is_shown_without_credentials():
    assert _redact_uri("https://alice:s3cret@mlflow.example:5000/x?token=abc") == "https://***@mlflow.example:5000/x"
    assert _redact_uri("postgresql://u:p@ss@db/mlflow") == "postgresql://***@db/mlflow"
    assert _redact_uri("sqlite:////abs/results/mlflow.db") == "sqlite:////abs/results/mlflow.db"


def test_neptune_debug_mode(tmp_path, in_tmp):
    with make_tracker(tmp_path / "run", ["neptune"], neptune_mode="debug") as tracker:
        tracker.log_params({"ppo": {"lr": 3e-4}, "benchmarks": ["a", "b"]})
        for i in range(3):
            tracker.log_metrics(i, metrics(i))
        tracker.log_eval(2, ROWS)
        (neptune,) = [t for t in tracker.trackers if isinstance(t, NeptuneTracker)]
        assert neptune.run["train/speedup_geomean"].fetch_last() == 3.0
        assert neptune.run["eval/speedup/matmul"].fetch_last() == 4.0
    assert not list(in_tmp.iterdir())  # no .neptune/ in the working directory


def test_secrets_never_reach_the_run_dir(tmp_path, in_tmp, monkeypatch):
    secret = "SENTINEL-token-5f1c9e"
    monkeypatch.setenv("NEPTUNE_API_TOKEN", secret)
    monkeypatch.setenv("NEPTUNE_PROJECT", "workspace/project")
    run = tmp_path / "run"
    with make_tracker(run, ["jsonl", "mlflow", "neptune"], neptune_mode="offline") as tracker:
        # a config that carries the token by mistake must not leak it either
        tracker.log_params({"ppo": {"lr": 3e-4}, "note": f"token={secret}"})
        tracker.log_metrics(0, metrics(0))
        tracker.log_eval(0, ROWS)
    assert (run / ".neptune" / "offline").is_dir() and (tmp_path / "mlflow.db").is_file()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]  # the run directory and the store beside it
    assert files and not [p for p in files if secret.encode() in p.read_bytes()]
    assert not list(in_tmp.iterdir())


def test_bad_backend_or_mode_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="unknown tracking backend wandb"):
        make_tracker(tmp_path, ["jsonl", "wandb"])
    with pytest.raises(ValueError, match="neptune mode"):
        make_tracker(tmp_path, ["neptune"], neptune_mode="sync")


def _plot_main():
    spec = importlib.util.spec_from_file_location("plot_results", ROOT / "analysis" / "plot_results.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


def test_plot_results_from_a_tracker_log(tmp_path):
    run = tmp_path / "run"
    log_run(run, 6, 3)
    main = _plot_main()
    assert main([str(run)]) == 0
    for name in ("training.png", "failures.png", "ppo.png", "eval.png"):
        assert (run / "plots" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main([str(run), str(run), "--out", str(tmp_path / "both")]) == 0
    assert (tmp_path / "both" / "ppo.png").is_file()


def test_plot_results_missing_or_empty_file_is_one_error_line(tmp_path, capsys):
    main = _plot_main()
    assert main([str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and "metrics.jsonl" in err[0]
    (tmp_path / "metrics.jsonl").write_text("")
    assert main([str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("error:")
