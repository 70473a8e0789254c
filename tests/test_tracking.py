"""Tracking: the JSONL log (flushed lines, resume truncation), the MLflow store (readable back, reattached on resume),
Neptune in debug and offline modes, the API token never written, and the plots drawn from a JSONL log."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from rl_autoschedular.tracking.trackers import NeptuneTracker, make_tracker, summarize_eval, truncate_after

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
    from mlflow.tracking import MlflowClient

    run = tmp_path / "run"
    with make_tracker(run, ["mlflow"], experiment="exp-test") as tracker:
        tracker.log_params({"ppo": {"lr": 3e-4}, "model_type": "lstm"})
        for i in range(3):
            tracker.log_metrics(i, metrics(i))
        tracker.log_eval(2, ROWS)
    client = MlflowClient(tracking_uri=f"sqlite:///{run / 'mlflow.db'}")
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
    assert (run / ".neptune" / "offline").is_dir() and (run / "mlflow.db").is_file()
    files = [p for p in run.rglob("*") if p.is_file()]
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
