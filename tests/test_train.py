"""bin/train.py: a real short training with each encoder, SIGKILL then --resume, a run without a held-out set, bad
configs and benchmarks refused before a run directory exists, and the split."""

from __future__ import annotations

import json
import math
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
import torch
from conftest import ROOT

from rl_autoschedular.agent.checkpoint import latest_checkpoint, load_checkpoint
from rl_autoschedular.agent.models import Policy
from rl_autoschedular.config import EnvConfig, ModelConfig

TINY = {
    "name": "tiny", "seed": 0, "iterations": 2, "eval_every": 2, "checkpoint_every": 1,
    "data": {"dataset": str(ROOT / "data" / "test"),
             "train": ["matmul_128x768x768", "relu_1x256x28x28"], "eval": ["add_1x128x768"]},
    "measure": {"timing": {"warmup": 1, "min_runs": 3, "max_runs": 10, "target_seconds": 0.02}},
    "ppo": {"episodes_per_iteration": 2, "minibatch_size": 8, "update_epochs": 2},
    "model": {"hidden": 32, "bert_dim": 32, "bert_layers": 1, "bert_heads": 2, "bert_ffn": 64},
    "tracking": {"backends": ["jsonl", "mlflow"]},
}


def _config(tmp_path, **changes):
    cfg = json.loads(json.dumps(TINY))
    cfg["cache_dir"] = str(tmp_path / "cache")
    for key, value in changes.items():
        section, _, leaf = key.partition(".")
        if leaf:
            cfg.setdefault(section, {})[leaf] = value
        else:
            cfg[key] = value
    path = tmp_path / "config.json"
    path.write_text(json.dumps(cfg))
    return path


def _train(*args, **kw):
    return subprocess.run([sys.executable, str(ROOT / "bin" / "train.py"), *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, **kw)


def _lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.mark.slow
@pytest.mark.parametrize("model_type", ["lstm", "distilbert"])
def test_two_iterations_train_log_and_checkpoint(tmp_path, model_type):
    run = tmp_path / "run"
    out = _train("--config", _config(tmp_path, **{"model.model_type": model_type}), "--run-dir", run)
    assert out.returncode == 0, out.stderr[-2000:]
    metrics = _lines(run / "metrics.jsonl")
    assert [m["iteration"] for m in metrics] == [1, 2]
    for m in metrics:
        for key in ("policy_loss", "value_loss", "entropy", "approx_kl", "clip_fraction"):
            assert m[key] is not None and math.isfinite(m[key]), (key, m)
        assert m["episodes"] == 2 and m["measurements"] == 2
        assert set(m["failures"]) <= {"transform_error", "compile_error", "crash", "timeout", "wrong_output"}
        assert sum(m["failures"].values()) <= m["episodes"]
    evals = _lines(run / "eval.jsonl")
    assert [e["iteration"] for e in evals] == [2]
    (row,) = evals[0]["rows"]
    assert row["name"] == "add_1x128x768"  # the held-out benchmark, never one trained on
    if row["status"] == "ok":  # a verified speedup is the measured ratio; a failure keeps the baseline (1.0x)
        assert row["speedup"] == pytest.approx(row["baseline_ns"] / row["time_ns"])
        assert evals[0]["summary"]["speedup_geomean"] == pytest.approx(row["speedup"])
    else:
        assert row["speedup"] is None and evals[0]["summary"]["speedup_geomean"] == 1.0
    # the MLflow store is shared by the runs of the run directory's parent folder
    assert (tmp_path / "mlflow.db").exists() and (run / "mlflow_run_id").exists()
    assert (run / "git_commit").read_text().strip()
    ckpt = load_checkpoint(latest_checkpoint(run))
    assert ckpt["iteration"] == 2 and ckpt["config"]["model"]["model_type"] == model_type
    policy = Policy(EnvConfig(), ModelConfig(**ckpt["config"]["model"]))
    policy.load_state_dict(ckpt["model"])
    assert all(torch.isfinite(p).all() for p in policy.parameters())
    if model_type == "lstm":  # the same seed again, every measurement now served by the cache: the same run
        again = _train("--config", _config(tmp_path, **{"model.model_type": model_type}), "--run-dir",
                       tmp_path / "again")
        assert again.returncode == 0, again.stderr[-2000:]
        clock = {"time", "rollout_s", "update_s", "measurements_per_s", "cache_hit_rate"}
        assert [{k: v for k, v in m.items() if k not in clock} for m in _lines(tmp_path / "again" / "metrics.jsonl")] \
            == [{k: v for k, v in m.items() if k not in clock} for m in metrics]
        assert [e["rows"] for e in _lines(tmp_path / "again" / "eval.jsonl")] == [e["rows"] for e in evals]
        assert all(m["cache_hit_rate"] == 1.0 for m in _lines(tmp_path / "again" / "metrics.jsonl"))


@pytest.mark.slow
def test_sigkill_then_resume_reaches_the_same_final_iteration(tmp_path):
    config = _config(tmp_path, iterations=5, eval_every=5)
    run = tmp_path / "run"
    proc = subprocess.Popen([sys.executable, str(ROOT / "bin" / "train.py"), "--config", str(config),
                             "--run-dir", str(run)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline and not (run / "checkpoints" / "ckpt_000002.pt").exists():
        time.sleep(0.2)
    time.sleep(1.0)  # into iteration 3
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = load_checkpoint(latest_checkpoint(run))["iteration"]
    assert 2 <= killed_at < 5
    kept = [m for m in _lines(run / "metrics.jsonl") if m["iteration"] <= killed_at]
    cached_before = _cache_rows(tmp_path / "cache" / "results.sqlite")
    assert cached_before
    out = _train("--resume", run)
    assert out.returncode == 0, out.stderr[-2000:]
    assert f"from ckpt_{killed_at:06d}.pt" in out.stderr
    metrics = _lines(run / "metrics.jsonl")
    assert [m["iteration"] for m in metrics] == [1, 2, 3, 4, 5]  # each once: lines past the checkpoint were dropped
    assert metrics[:killed_at] == kept  # the checkpointed iterations' lines are untouched
    assert load_checkpoint(latest_checkpoint(run))["iteration"] == 5
    # Every measurement finished before the kill is still in the cache, unchanged.
    assert cached_before <= _cache_rows(tmp_path / "cache" / "results.sqlite")


def _cache_rows(path) -> set[tuple]:
    """Every row of every table of the results cache."""
    with sqlite3.connect(path) as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {(t, *row) for t in tables for row in db.execute(f"SELECT * FROM {t}")}


@pytest.mark.slow
def test_empty_eval_list_evaluates_nothing_and_says_so(tmp_path):
    run = tmp_path / "run"
    out = _train("--config", _config(tmp_path, iterations=1, eval_every=1, **{"data.eval": []}), "--run-dir", run)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "no held-out benchmark (data.eval is empty, or each one was refused): nothing is evaluated" in out.stderr
    assert [m["iteration"] for m in _lines(run / "metrics.jsonl")] == [1]
    assert (run / "eval.jsonl").read_text() == ""  # the training benchmarks are not reported as held out


@pytest.mark.parametrize("change,message", [
    ({"learning_rat": 0.1}, "learning_rat: unknown key"),
    ({"iterations": "10"}, "iterations: Input should be a valid integer"),
    ({"data.dataset": "/no/such/folder"}, "not found"),
    ({"data.eval": ["no_such_benchmark"]}, "data.eval: no benchmark named no_such_benchmark"),
    ({"data.eval": ["relu_1x256x28x28"]}, "data.eval: relu_1x256x28x28 also in data.train"),
    ({"env.max_loops": 2}, "data.train: no benchmark has an op the encoding can hold"),
    ({"measure.threads": 2}, "must equal measure.threads"),
    ({"measure.timing": {"warmup": 1, "min_runs": 9, "max_runs": 3}}, "min_runs <= max_runs"),
    ({"measure.timing": {"warmupp": 1}}, "measure.timing.warmupp: unknown key"),
])
def test_bad_config_is_one_error_line_and_no_run_dir(tmp_path, change, message):
    config = _config(tmp_path, **change)
    out = _train("--config", config, "--run-dir", tmp_path / "run")
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {config}: ") and message in lines[0], out.stderr
    assert not (tmp_path / "run").exists()


def test_every_config_problem_is_reported_at_once(tmp_path):
    config = _config(tmp_path, iterations="10", learning_rat=0.1, **{"ppo.anneal_lr": "yes"})
    out = _train("--config", config, "--run-dir", tmp_path / "run")
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"error: {config}: 3 problems",
        "  iterations: Input should be a valid integer (got '10')",
        "  ppo.anneal_lr: Input should be a valid boolean (got 'yes')",
        "  learning_rat: unknown key",
    ]
    assert not (tmp_path / "run").exists()


def test_bad_benchmark_is_one_error_line_and_no_run_dir(tmp_path):
    dataset = tmp_path / "data"
    dataset.mkdir()
    (dataset / "a_ok.mlir").write_text((ROOT / "data" / "test" / "add_256x1024.mlir").read_text())
    (dataset / "b_pack.mlir").write_text("""
func.func @main(%a: tensor<16x8xf32>) -> tensor<2x8x8x1xf32> {
  %e = tensor.empty() : tensor<2x8x8x1xf32>
  %r = linalg.pack %a inner_dims_pos = [0, 1] inner_tiles = [8, 1] into %e : tensor<16x8xf32> -> tensor<2x8x8x1xf32>
  return %r : tensor<2x8x8x1xf32>
}
""")
    config = _config(tmp_path, data={"dataset": str(dataset), "train": [], "eval": ["a_ok"]})
    out = _train("--config", config, "--run-dir", tmp_path / "run")
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        (f"error: {dataset / 'b_pack.mlir'}: linalg.pack has no loop nest to schedule and does not decompose into "
         "ops that have one; rewrite it as linalg.generic ops before loading")]
    assert not (tmp_path / "run").exists()


def test_bug_in_our_code_shows_its_traceback(tmp_path):
    """A ValueError from the trainer is a fault of ours, not the user's: not turned into an `error:` line."""
    boom = ("import runpy, sys\n"
            "from rl_autoschedular.agent import trainer\n"
            "def init(self, *args, **kwargs):\n"
            "    raise ValueError('a bug in the trainer')\n"
            "trainer.Trainer.__init__ = init\n"
            "sys.argv = ['train.py', *sys.argv[1:]]\n"
            f"runpy.run_path({str(ROOT / 'bin' / 'train.py')!r}, run_name='__main__')\n")
    out = subprocess.run([sys.executable, "-c", boom, "--config", str(_config(tmp_path)), "--run-dir",
                          str(tmp_path / "run")], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1
    assert "Traceback (most recent call last)" in out.stderr
    assert out.stderr.strip().splitlines()[-1] == "ValueError: a bug in the trainer"
    assert "error:" not in out.stderr


def test_missing_config_file_is_one_error_line(tmp_path):
    out = _train("--config", tmp_path / "nope.json")
    assert out.returncode == 2 and out.stderr.strip().startswith("error:") and "not found" in out.stderr


@pytest.mark.parametrize("name", ["quick.json", "config.json", "example.json", "pretrain.json", "learning.json"])
def test_shipped_configs_validate(name, monkeypatch):
    from rl_autoschedular.agent.trainer import split
    from rl_autoschedular.config import load_config

    monkeypatch.chdir(ROOT)
    cfg = load_config(ROOT / "config" / name)
    train, evals = split(cfg)
    assert [b.name for b in evals] == cfg.data.eval and train
    assert not {b.name for b in train} & {b.name for b in evals}


def _run_config(**data):
    from rl_autoschedular.config import RunConfig

    return RunConfig.model_validate({"data": {"dataset": str(ROOT / "data" / "test"), **data}})


def test_split_with_an_empty_eval_list_has_no_held_out_set():
    from rl_autoschedular.agent.trainer import split

    train, evals = split(_run_config(train=["add_256x1024"]))
    assert [b.name for b in train] == ["add_256x1024"] and evals == []
    train, evals = split(_run_config())  # empty train: every benchmark not held out
    assert len(train) == len(json.loads((ROOT / "data" / "test" / "manifest.json").read_text())["benchmarks"])
    assert evals == []


def test_split_refuses_overlap_and_an_empty_training_set():
    from rl_autoschedular.agent.trainer import split
    from rl_autoschedular.config import ConfigError

    with pytest.raises(ConfigError, match="data.eval: add_256x1024 also in data.train"):
        split(_run_config(train=["add_256x1024", "relu_128x3072"], eval=["add_256x1024"]))
    names = [e["name"] for e in json.loads((ROOT / "data" / "test" / "manifest.json").read_text())["benchmarks"]]
    with pytest.raises(ConfigError, match="leaving none to train on"):
        split(_run_config(eval=names))
