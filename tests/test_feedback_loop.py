"""`bin/feedback_loop.py`: three cycles of propose, stage, reward, store and update on a real matmul, served by real
services on loopback; production-file samples enter the store, inconclusive ones do not; bad input is one line."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import torch
from conftest import ROOT
from test_stage import MATMUL

from rl_autoschedular.agent.checkpoint import load_checkpoint
from rl_autoschedular.cli import DEFAULT_CHECKPOINT
from rl_autoschedular.env.replay import ReplayStore

pytestmark = pytest.mark.slow


def _loop(*args):
    return subprocess.run([sys.executable, str(ROOT / "bin" / "feedback_loop.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def looped(tmp_path_factory):
    """Three cycles of the shipped policy on the matmul."""
    tmp = tmp_path_factory.mktemp("loop")
    (tmp / "matmul.mlir").write_text(MATMUL)
    done = _loop(tmp / "matmul.mlir", "--cycles", 3, "--requests", 40, "--time-limit", 60, "--checkpoint",
                 DEFAULT_CHECKPOINT, "--store", tmp / "replay.sqlite", "--out", tmp / "out", "--cache-dir",
                 tmp / "cache")
    assert done.returncode == 0, done.stderr[-3000:]
    return tmp, done.stdout


def test_three_cycles_store_their_rewards_and_change_the_policy(looped):
    tmp, stdout = looped
    cycles = [json.loads((tmp / "out" / f"cycle_{k}.json").read_text()) for k in (1, 2, 3)]
    for k, c in enumerate(cycles, 1):
        assert f"== cycle {k} ==" in stdout
        reward = c["report"]["reward"]
        # The matmul's schedules from the policy tile and vectorize it: each one is clearly faster.
        assert reward["verdict"] == "improvement" and reward["reward"] > 0, reward["reason"]
        assert c["stored"] is not None and c["update"]["awr_steps"] > 0
        assert c["report"]["execution_core"]["speedup"] > 1
    assert stdout.count("stored as episode") == 3
    with ReplayStore(tmp / "replay.sqlite") as store:
        assert store.counts() == {"staging": 3}
        episodes = store.episodes()
    assert [e.extra["cycle"] for e in episodes] == [1, 2, 3]
    assert all(e.episode_return == pytest.approx(c["report"]["reward"]["reward"]) for e, c in zip(episodes, cycles))
    old, new = load_checkpoint(DEFAULT_CHECKPOINT)["model"], load_checkpoint(tmp / "out" / "policy.pt")["model"]
    assert any(not torch.equal(old[k], new[k]) for k in old)


def _samples(path, baseline_ms, candidate_ms, seed=0):
    rng = np.random.default_rng(seed)
    path.write_text(json.dumps({"unit": "ms", "baseline": list(rng.normal(baseline_ms, 0.3, 300)),
                                "candidate": list(rng.normal(candidate_ms, 0.3, 300))}))
    return path


def test_production_samples_enter_the_store_and_inconclusive_ones_do_not(looped):
    tmp, _ = looped
    proposal = tmp / "out" / "cycle_1.proposal.json"
    same = _loop("--production-file", _samples(tmp / "same.json", 10, 10), "--proposal", proposal, "--store",
                 tmp / "replay.sqlite", "--out", tmp / "out")
    assert same.returncode == 0, same.stderr[-2000:]
    assert "inconclusive: nothing stored" in same.stdout
    with ReplayStore(tmp / "replay.sqlite") as store:
        assert "production-file" not in store.counts()
    before = load_checkpoint(tmp / "out" / "policy.pt")["model"]
    faster = _loop("--production-file", _samples(tmp / "faster.json", 10, 6), "--proposal", proposal, "--store",
                   tmp / "replay.sqlite", "--out", tmp / "out")
    assert faster.returncode == 0, faster.stderr[-2000:]
    assert "verdict improvement" in faster.stdout
    with ReplayStore(tmp / "replay.sqlite") as store:
        assert store.counts()["production-file"] == 1
        (e,) = store.episodes(sources=("production-file",))
    assert e.episode_return == pytest.approx(np.log(10 / 6), abs=0.05)
    after = load_checkpoint(tmp / "out" / "policy.pt")["model"]
    assert any(not torch.equal(before[k], after[k]) for k in before)


def test_bad_input_is_one_error_line(tmp_path):
    for args, message in ((("--production-file", tmp_path / "x.json"), "needs --proposal"),
                          ((), "give the benchmark"),
                          ((tmp_path / "missing.mlir", "--checkpoint", DEFAULT_CHECKPOINT, "--out", tmp_path / "o"),
                           "missing.mlir")):
        done = _loop(*args)
        assert done.returncode == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], lines
