"""The replay store and the offline update: training and searches record their episodes; `bin/train_offline.py`
updates a policy from them, reports how it moved, and refuses bad input in one line; self-imitation runs inside
training."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import torch
from conftest import FAST, ROOT, matmul_mlir

from rl_autoschedular.agent.checkpoint import load_checkpoint
from rl_autoschedular.agent.trainer import Trainer
from rl_autoschedular.config import EnvConfig, RunConfig
from rl_autoschedular.env.replay import ReplayStore, encoding_key
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.env.search import greedy_search, random_search
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.ir.benchmarks import load_benchmark

# Big enough that schedules differ by several times (a 16x4x8 one times within noise), so that one episode is best.
MATMUL = matmul_mlir(64, 64, 64)


def _config(**replay) -> RunConfig:
    """Two iterations of four measured episodes: the prior plays the first, the policy the second."""
    return RunConfig.model_validate({
        "name": "tiny", "iterations": 2, "device": "cpu",
        "measure": FAST.model_dump(), "model": {"hidden": 16}, "tracking": {"backends": ["jsonl"]},
        "replay": replay,
        "ppo": {"episodes_per_iteration": 4, "minibatch_size": 8, "update_epochs": 1, "prior_episodes": 1.0,
                "prior_decay_iterations": 1}})


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """A store with a tiny matmul's measured random and greedy search episodes and a training run's episodes, and
    that run's checkpoint."""
    tmp = tmp_path_factory.mktemp("replay")
    (tmp / "mm.mlir").write_text(MATMUL)
    bench = load_benchmark(tmp / "mm.mlir")
    store = ReplayStore(tmp / "replay.sqlite")
    with Measurer(tmp / "cache", FAST) as m:
        env = MlirSchedulingEnv([bench], m, EnvConfig())
        searched = {"random": random_search(env, bench.name, 4, store=store),
                    "greedy": greedy_search(env, bench.name, 3, store=store)}
        Trainer(_config(), tmp / "run", m, benchmarks=([bench], []), store=store).train()
    store.close()
    return tmp, bench, searched


def test_training_and_searches_record_their_episodes(filled):
    tmp, bench, searched = filled
    with ReplayStore(tmp / "replay.sqlite") as store:
        assert store.counts() == {"random": searched["random"].measurements, "greedy": searched["greedy"].measurements,
                                  "prior": 4, "agent": 4}
        episodes = store.episodes()
    key = encoding_key(EnvConfig())
    assert all(e.encoding == key and e.benchmark == bench.name and e.ir_hash == bench.ir_hash for e in episodes)
    assert all(e.status is not None for e in episodes)  # every one was measured
    for e in episodes:
        assert len(e.obs) == len(e.actions) == len(e.rewards) == len(e.logps) > 0
        assert isinstance(json.loads(e.schedule), list)  # the canonical schedule of the episode
    assert any(json.loads(e.schedule) for e in episodes)
    trained = [e for e in episodes if e.source in ("agent", "prior")]
    # The policy's own log-probabilities are logged (prior-led ones too: PPO learns from them); searches have none.
    assert all(np.isfinite(e.logps).all() and (e.logps <= 0).all() for e in trained)
    assert all(np.isnan(e.logps).all() for e in episodes if e.source in ("random", "greedy"))
    measured = [e for e in episodes if e.source == "random"]
    assert all(e.status == "ok" for e in measured)
    best = max(e.speedup for e in measured if e.speedup is not None)
    assert best == pytest.approx(searched["random"].speedup)


def test_the_encoding_key_changes_with_the_observation_layout(monkeypatch):
    """Rows written under another observation layout (an older version of the code, same env settings) are not
    read: the layout itself is part of the key."""
    import rl_autoschedular.env.replay as replay
    from rl_autoschedular.env.observation import observation_layout

    cfg = EnvConfig()
    key = encoding_key(cfg)
    assert encoding_key(cfg) == key
    monkeypatch.setattr(replay, "observation_layout", lambda c: {**observation_layout(c), "extra": slice(0, 1)})
    assert encoding_key(cfg) != key


def test_best_per_benchmark_keeps_the_highest_returns(filled):
    tmp, _, _ = filled
    with ReplayStore(tmp / "replay.sqlite") as store:
        every = store.episodes()
        top = store.episodes(best_per_benchmark=2)
    assert len(top) == 2
    assert sorted(e.episode_return for e in top) == sorted(e.episode_return for e in every)[-2:]


def _offline(*args):
    return subprocess.run([sys.executable, str(ROOT / "bin" / "train_offline.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_train_offline_changes_the_policy_towards_the_best_episode(filled):
    tmp, bench, searched = filled
    ckpt = tmp / "run" / "checkpoints" / "ckpt_000002.pt"
    out = tmp / "offline.pt"
    done = _offline("--store", tmp / "replay.sqlite", "--checkpoint", ckpt, "--out", out, "--epochs", 30)
    assert done.returncode == 0, done.stderr
    assert "greedy replays the best verified episode of" in done.stdout
    report = json.loads(out.with_suffix(".report.json").read_text())
    assert report["episodes_by_source"] == {"random": searched["random"].measurements,
                                            "greedy": searched["greedy"].measurements, "prior": 4, "agent": 4}
    old, new = load_checkpoint(ckpt)["model"], load_checkpoint(out)["model"]
    assert any(not torch.equal(old[k], new[k]) for k in old)
    best = report["best_episodes"][bench.name]
    with ReplayStore(tmp / "replay.sqlite") as store:
        assert best["best_speedup"] == max(e.speedup for e in store.episodes() if e.speedup is not None)
    # The update fits the stored actions, and the best verified episode, which has the largest weight, most.
    assert report["mean_logp_after"] > report["mean_logp_before"]
    assert best["logp_after"] > best["logp_before"]


def test_train_offline_bad_input_is_one_error_line(filled, tmp_path):
    tmp, _, _ = filled
    ckpt = tmp / "run" / "checkpoints" / "ckpt_000002.pt"
    for args, message in (
            (("--store", tmp_path / "none.sqlite", "--checkpoint", ckpt), "replay store not found"),
            (("--store", tmp / "replay.sqlite", "--checkpoint", tmp_path / "x.pt"), "no such file"),
            (("--store", tmp / "replay.sqlite", "--checkpoint", ckpt, "--sources", "staging"),
             "no stored episode fits"),
            (("--store", tmp / "replay.sqlite", "--checkpoint", ckpt, "--sources", "oracle"), "unknown oracle")):
        done = _offline(*args)
        assert done.returncode == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], lines


def test_self_imitation_runs_inside_training(filled, tmp_path):
    tmp, bench, _ = filled
    store = ReplayStore(tmp_path / "copy.sqlite")
    with ReplayStore(tmp / "replay.sqlite") as source:
        for e in source.episodes(sources=("random", "greedy")):
            store.add(e)
    # The proxy reward records nothing, so the store holds the copied search episodes only.
    cfg = _config(self_imitation_epochs=2, self_imitation_top_k=2).model_copy(
        update={"env": EnvConfig(reward_mode="proxy")})
    Trainer(cfg, tmp_path / "run", None, benchmarks=([bench], []), store=store).train()
    lines = [json.loads(line) for line in (tmp_path / "run" / "metrics.jsonl").read_text().splitlines()]
    trained = [m for m in lines if "policy_loss" in m]
    assert len(trained) == 2 and all(m["awr_episodes"] == 2 and m["awr_steps"] > 0 for m in trained)
    store.close()
