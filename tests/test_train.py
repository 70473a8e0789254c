"""bin/train.py: a real short training with each encoder, SIGKILL then --resume, and bad configs."""

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
            cfg[section][leaf] = value
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
        assert m["episodes"] == 2 and m["measurements"] == 2 and m["speedup_geomean"] > 0
        assert set(m["failures"]) <= {"transform_error", "compile_error", "crash", "timeout", "wrong_output"}
    evals = _lines(run / "eval.jsonl")
    assert [e["iteration"] for e in evals] == [2] and evals[0]["rows"][0]["name"] == "add_1x128x768"
    assert (run / "mlflow.db").exists() and (run / "git_commit").read_text().strip()
    ckpt = load_checkpoint(latest_checkpoint(run))
    assert ckpt["iteration"] == 2 and ckpt["config"]["model"]["model_type"] == model_type
    policy = Policy(EnvConfig(), ModelConfig(**ckpt["config"]["model"]))
    policy.load_state_dict(ckpt["model"])
    assert all(torch.isfinite(p).all() for p in policy.parameters())


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
    with sqlite3.connect(tmp_path / "cache" / "results.sqlite") as db:
        cached_before = db.execute("SELECT COUNT(*) FROM measurements").fetchone()[0]
    out = _train("--resume", run)
    assert out.returncode == 0, out.stderr[-2000:]
    assert f"from ckpt_{killed_at:06d}.pt" in out.stderr
    iterations = [m["iteration"] for m in _lines(run / "metrics.jsonl")]
    assert iterations == [1, 2, 3, 4, 5]  # each once: lines past the checkpoint were dropped
    assert load_checkpoint(latest_checkpoint(run))["iteration"] == 5
    with sqlite3.connect(tmp_path / "cache" / "results.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM measurements").fetchone()[0] >= cached_before


@pytest.mark.parametrize("change,message", [
    ({"learning_rat": 0.1}, "unknown key"),
    ({"iterations": "many"}, "iterations"),
    ({"data.dataset": "/no/such/folder"}, "not found"),
    ({"data.eval": ["no_such_benchmark"]}, "no benchmark named no_such_benchmark"),
    ({"measure.threads": 2}, "must equal measure.threads"),
    ({"measure.timing": {"warmup": 1, "min_runs": 9, "max_runs": 3}}, "min_runs <= max_runs"),
    ({"measure.timing": {"warmupp": 1}}, "measure.timing.warmupp: unknown key"),
])
def test_bad_config_is_one_error_line(tmp_path, change, message):
    out = _train("--config", _config(tmp_path, **change), "--run-dir", tmp_path / "run")
    assert out.returncode == 2
    lines = [line for line in out.stderr.strip().splitlines() if not line.startswith("run directory")]
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], out.stderr


def test_missing_config_file_is_one_error_line(tmp_path):
    out = _train("--config", tmp_path / "nope.json")
    assert out.returncode == 2 and out.stderr.strip().startswith("error:") and "not found" in out.stderr


@pytest.mark.parametrize("name", ["quick.json", "config.json", "example.json"])
def test_shipped_configs_validate(name, monkeypatch):
    from rl_autoschedular.agent.trainer import split
    from rl_autoschedular.config import load_config

    monkeypatch.chdir(ROOT)
    cfg = load_config(ROOT / "config" / name)
    train, evals = split(cfg)
    assert train and evals and not {b.name for b in train} & {b.name for b in evals}
