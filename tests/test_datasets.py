"""The committed training and evaluation sets (`data_generation/make_datasets.py`): all three sources in both, no
structural hash shared, evaluation models unseen in training, baselines recorded; and the environment runs
measured random episodes on a benchmark of each source."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import ROOT

from data_generation.make_datasets import EVAL_MODELS, TRAIN_MODELS, origin, split
from data_generation.nn_extract import structural_hash
from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.env.search import sample_action
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.ir.benchmarks import load_dataset

TRAIN, EVAL = ROOT / "data" / "train", ROOT / "data" / "eval"


def _entries(folder):
    return json.loads((folder / "manifest.json").read_text())["benchmarks"]


def test_train_and_eval_hold_every_source_and_share_no_structure():
    train, evals = _entries(TRAIN), _entries(EVAL)
    assert 200 <= len(train) <= 500 and 50 <= len(evals) <= 200
    for entries in (train, evals):
        assert {origin(e) for e in entries} == {"model", "random", "lqcd"}
        assert all(e["baselines"] for e in entries)  # measured, verified, when the set was made
    hashes = {name: {structural_hash((folder / e["file"]).read_text()) for e in _entries(folder)}
              for name, folder in (("train", TRAIN), ("eval", EVAL))}
    assert not hashes["train"] & hashes["eval"]
    assert len(hashes["train"]) == len(train) and len(hashes["eval"]) == len(evals)


def test_eval_models_are_unseen_and_come_whole_as_blocks_and_as_ops():
    train_models = {e["source"]["model"] for e in _entries(TRAIN) if origin(e) == "model"}
    eval_models = {e["source"]["model"] for e in _entries(EVAL) if origin(e) == "model"}
    assert train_models <= set(TRAIN_MODELS) and eval_models == set(EVAL_MODELS)
    assert {e["family"] for e in _entries(EVAL) if origin(e) == "model"} == {"model", "block", "op"}
    assert "model" not in {e["family"] for e in _entries(TRAIN)}
    kinds = {side: {e["source"]["kind"] for e in _entries(folder) if origin(e) == "lqcd"}
             for side, folder in (("train", TRAIN), ("eval", EVAL))}
    assert "dibaryon" in kinds["eval"] and "dibaryon" not in kinds["train"]


def _dataset(folder, texts: dict[str, str]):
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.mlir").write_text(text)
    return [(folder, {"name": name, "file": f"{name}.mlir"}) for name in texts]


def test_split_drops_eval_files_structurally_equal_to_training_ones(tmp_path):
    a = "%0 = linalg.add ins(%a, %b) outs(%c)"
    same_as_a = "%7 = linalg.add ins(%x, %y) outs(%z)"  # SSA names differ, structure does not
    b, c = "%0 = linalg.mul ins(%a, %b) outs(%c)", "%0 = linalg.sub ins(%a, %b) outs(%c)"
    train = _dataset(tmp_path / "t", {"a": a, "b": b, "b_again": b})
    evals = _dataset(tmp_path / "e", {"a2": same_as_a, "c": c, "c_again": c})
    kept_train, kept_eval, seen = split(train, evals)
    assert [e["name"] for _, e in kept_train] == ["a", "b"]
    assert [e["name"] for _, e in kept_eval] == ["c"] and seen == 1


@pytest.mark.slow
def test_random_episodes_run_on_each_source_without_crashes(tmp_path, fast_config):
    """The cheapest training benchmark of each source (a model's op or block, a random program, an LQCD kernel):
    measured random masked episodes end in a result, and none crashes."""
    benches = load_dataset(TRAIN)
    by_origin = {}
    for entry in _entries(TRAIN):
        by_origin.setdefault(origin(entry), []).append(entry)
    names = {min(entries, key=lambda e: e["flops"])["name"] for entries in by_origin.values()}
    picked = [b for b in benches if b.name in names]
    assert len(picked) == 3
    rng = np.random.default_rng(0)
    statuses = []
    with Measurer(tmp_path, fast_config) as m:
        env = MlirSchedulingEnv(picked, m, EnvConfig())
        for bench in picked:
            for _ in range(2):
                env.reset(options={"benchmark": bench.name})
                done, info = False, {}
                while not done:
                    _, _, done, _, info = env.step(sample_action(env, rng))
                statuses.append((bench.name, info["status"]))
    assert all(s != "crash" for _, s in statuses), statuses
    assert sum(s == "ok" for _, s in statuses) >= 4, statuses
