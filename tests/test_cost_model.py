"""The learned cost model on real measurements: features that see what a schedule does, a fit that learns the
measured ranking, a ranked search that measures only what it ranks first, and the fitting command's errors."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from conftest import DATA, FAST, MATMUL, ROOT

from rl_autoschedular.agent import cost_model
from rl_autoschedular.agent.inference import ranked_search
from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.replay import ReplayStore, encoding_key
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.env.search import random_search
from rl_autoschedular.execution.cache import ResultsCache
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import load_benchmark

NAMES = ("relu_128x3072", "matmul_128x768x768")


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    """A real cache holding 12 random masked schedules of each of two bundled benchmarks, and the env over them."""
    cache = tmp_path_factory.mktemp("cm_cache")
    benches = [load_benchmark(DATA / f"{n}.mlir") for n in NAMES]
    with Measurer(cache, FAST) as m:
        env = MlirSchedulingEnv(benches, m, EnvConfig())
        for n in NAMES:
            random_search(env, n, 12, seed=1)
        yield cache, benches, env


def test_features_see_the_schedule():
    infos = analyze(MATMUL)
    matmul = next(i for i in infos if i.name == "linalg.matmul")
    plain = cost_model.schedule_features(infos, Schedule())
    assert plain.shape == (1, cost_model.N_FEATURES)  # the fill is not a row: tiling pulls it in
    tiled = Schedule((OpSchedule(matmul.tag, (Action("tile", (8, 8, 0)), Action("vectorize"))),))
    vec = cost_model.schedule_features(infos, tiled)
    changed = np.flatnonzero(plain[0] != vec[0])
    assert len(changed) >= 4, "tiling and vectorizing must move the tile, count and vector features"
    again = cost_model.schedule_features(infos, Schedule((OpSchedule(matmul.tag, (Action("tile", (8, 8, 0)),)),)))
    assert not np.array_equal(again, vec), "vectorizing must be visible"


def test_fit_learns_the_measured_ranking(measured):
    cache_dir, benches, _ = measured
    cache = ResultsCache(cache_dir / "results.sqlite")
    samples = cost_model.samples_from_cache(cache, benches)
    cache.close()
    assert len(samples) >= 12 and {s.benchmark for s in samples} == set(NAMES)
    untrained = cost_model.CostModel()
    model = cost_model.fit(samples, epochs=300, batch=32)
    after = cost_model.rank_correlation(model, samples)
    assert after["pooled_spearman"] > 0.7, after
    assert after["pooled_spearman"] > cost_model.rank_correlation(untrained, samples)["pooled_spearman"]


def test_ranked_search_measures_only_its_top_ranked(measured, tmp_path):
    cache_dir, benches, env = measured
    cache = ResultsCache(cache_dir / "results.sqlite")
    model = cost_model.fit(cost_model.samples_from_cache(cache, benches), epochs=100, batch=32)
    cache.close()
    path = tmp_path / "cm.pt"
    cost_model.save(model, path, {"note": "test"})
    model = cost_model.load(path)
    with Measurer(tmp_path / "fresh", FAST) as m:
        fresh_env = MlirSchedulingEnv(benches, m, EnvConfig())
        m.baseline(benches[0])
        before = len(m.cache)
        with ReplayStore(tmp_path / "replay.sqlite") as store:
            result = ranked_search(None, fresh_env, NAMES[0], model, candidates=24, budget=3, seed=0, store=store)
            assert store.counts() == {"ranked": 3}  # the measured ones are stored as episodes, with their actions
            stored = {e.schedule: e for e in store.episodes(encoding_key(EnvConfig()))}
            assert len(stored[result.schedule.canonical()].actions) == len(result.actions)
        assert result.measurements == 3 and len(m.cache) - before <= 3  # 24 drawn, 3 measured
        assert result.best is not None and result.best.verified
        top = ranked_search(None, fresh_env, NAMES[0], model, candidates=24, budget=1, seed=0)
        assert top.measurements == 1 and len(m.cache) - before <= 3  # the top pick was among the three


def test_load_refuses_what_is_not_a_cost_model(tmp_path):
    bad = tmp_path / "x.pt"
    bad.write_text("not a model")
    with pytest.raises(ValueError, match="not a cost model"):
        cost_model.load(bad)
    with pytest.raises(ValueError, match="no such cost model"):
        cost_model.load(tmp_path / "missing.pt")


def _fit(*args):
    return subprocess.run([sys.executable, str(ROOT / "bin" / "fit_cost_model.py"), *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_fit_command_explains_what_is_missing(measured, tmp_path):
    done = _fit("--cache", str(tmp_path / "none.sqlite"))
    assert done.returncode == 2 and "results cache not found" in done.stderr and "Traceback" not in done.stderr
    cache_dir, _, _ = measured
    done = _fit("--cache", str(cache_dir / "results.sqlite"), "--train", str(DATA), "--heldout", "",
                "--out", str(tmp_path / "cm.pt"))
    assert done.returncode == 2 and "fit needs at least 50" in done.stderr
    done = _fit("--cache", str(cache_dir / "results.sqlite"), "--train", str(DATA), "--heldout", str(DATA))
    assert done.returncode == 2 and "share 26 benchmarks" in done.stderr
