"""Checkpoints: model, optimizer, iteration, config and RNG states round-trip under weights_only=True, so training
continues identically; writes are atomic and latest_checkpoint ignores temporary and damaged files."""

from __future__ import annotations

import random

import numpy as np
import pytest
import torch

from rl_autoschedular.agent.checkpoint import (
    checkpoint_path,
    latest_checkpoint,
    load_checkpoint,
    restore_rng,
    save_checkpoint,
)

CONFIG = {"model_type": "lstm", "ppo": {"lr": 1e-3, "clip": 0.2}, "benchmarks": ["matmul", "conv"]}


def make_model() -> tuple[torch.nn.Module, torch.optim.Optimizer]:
    model = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.Tanh(), torch.nn.Linear(16, 3))
    return model, torch.optim.Adam(model.parameters(), lr=1e-3)


def train_step(model: torch.nn.Module, optimizer: torch.optim.Optimizer) -> None:
    """One step whose data come from the global generators, so their states matter."""
    x = torch.rand(8, 6) + float(np.random.random()) + random.random()
    optimizer.zero_grad()
    model(x).pow(2).mean().backward()
    optimizer.step()


def draws() -> tuple:
    return torch.rand(4).tolist(), np.random.random(4).tolist(), [random.random() for _ in range(4)]


def test_round_trip_continues_identically(tmp_path):
    torch.manual_seed(1)
    np.random.seed(2)
    random.seed(3)
    model, optimizer = make_model()
    for _ in range(3):
        train_step(model, optimizer)
    env_rng = np.random.default_rng(7)
    path = save_checkpoint(checkpoint_path(tmp_path, 3), model_state=model.state_dict(),
                           optimizer_state=optimizer.state_dict(), iteration=3, config=CONFIG,
                           extra={"best_speedup": 1.5, "env_rng": env_rng.bit_generator.state})
    expected_draws = draws()
    train_step(model, optimizer)
    expected_weights = [p.detach().clone() for p in model.parameters()]

    torch.manual_seed(99)  # a fresh process would start from other states
    np.random.seed(99)
    random.seed(99)
    torch.load(path, weights_only=True)  # the safe loader accepts every part
    ckpt = load_checkpoint(path)
    assert ckpt["iteration"] == 3 and ckpt["config"] == CONFIG and ckpt["extra"]["best_speedup"] == 1.5
    restored_env = np.random.default_rng()
    restored_env.bit_generator.state = ckpt["extra"]["env_rng"]
    assert restored_env.random() == env_rng.random()
    model2, optimizer2 = make_model()
    model2.load_state_dict(ckpt["model"])
    optimizer2.load_state_dict(ckpt["optimizer"])
    restore_rng(ckpt)
    assert draws() == expected_draws
    train_step(model2, optimizer2)
    for got, want in zip(model2.parameters(), expected_weights):
        assert torch.equal(got, want)


def test_latest_checkpoint_ignores_temporary_and_damaged_files(tmp_path):
    assert latest_checkpoint(tmp_path) is None
    model, optimizer = make_model()
    for it in (1, 2, 10):
        save_checkpoint(checkpoint_path(tmp_path, it), model_state=model.state_dict(),
                        optimizer_state=optimizer.state_dict(), iteration=it, config=CONFIG)
    assert latest_checkpoint(tmp_path) == checkpoint_path(tmp_path, 10)
    folder = checkpoint_path(tmp_path, 0).parent
    good = checkpoint_path(tmp_path, 10).read_bytes()
    (folder / ".ckpt_000011.pt.x1y2z3.tmp").write_bytes(good[: len(good) // 2])  # a save killed mid-write
    checkpoint_path(tmp_path, 12).write_bytes(good[: len(good) // 2])  # a torn file (not written by us)
    damaged = bytearray(good)
    damaged[len(damaged) // 3] ^= 0xFF
    checkpoint_path(tmp_path, 13).write_bytes(bytes(damaged))
    assert latest_checkpoint(tmp_path) == checkpoint_path(tmp_path, 10)
    assert load_checkpoint(latest_checkpoint(tmp_path))["iteration"] == 10


def test_unsafe_content_is_refused_and_nothing_is_left(tmp_path):
    model, optimizer = make_model()
    target = checkpoint_path(tmp_path, 5)
    with pytest.raises(ValueError, match="weights_only"):
        save_checkpoint(target, model_state=model.state_dict(), optimizer_state=optimizer.state_dict(),
                        iteration=5, config=CONFIG, extra={"sampler": random.Random(0)})
    assert list(target.parent.iterdir()) == []
