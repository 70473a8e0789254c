"""The SQLite results cache: keyed by everything that changes a timing (the measuring code and settings included),
safe under concurrent writers, durable, and never serving an entry of an older schema."""

from __future__ import annotations

import multiprocessing
import sqlite3

from conftest import DATA, FAST

from rl_autoschedular.config import MeasureConfig, TimingConfig
from rl_autoschedular.execution import lowering
from rl_autoschedular.execution.cache import ResultsCache
from rl_autoschedular.execution.machine import measurement_identity
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.benchmarks import load_benchmark

KEY = ("irhash", "schedule", "cpu | isa:0", "22.1.8.4", 1, "confighash")


def _writer(path, worker: int, n: int) -> None:
    cache = ResultsCache(path)
    for i in range(n):
        cache.put(f"bench{worker}", f"s{i}", "cpu", "v", 1, "c", {"status": "ok", "time_ns": i})
    cache.close()


def test_key_separates_machine_version_and_threads(tmp_path):
    cache = ResultsCache(tmp_path / "c.sqlite")
    cache.put(*KEY, {"status": "ok", "time_ns": 5})
    assert cache.get(*KEY)["time_ns"] == 5
    for i in range(len(KEY)):
        other = list(KEY)
        other[i] = other[i] + 1 if isinstance(other[i], int) else other[i] + "x"
        assert cache.get(*other) is None


def test_concurrent_writers_lose_nothing_and_survive_reopen(tmp_path):
    path = tmp_path / "c.sqlite"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 150)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    cache = ResultsCache(path)
    assert len(cache) == 450
    assert cache.get("bench2", "s149", "cpu", "v", 1, "c")["time_ns"] == 149


def test_an_old_schema_file_is_not_served(tmp_path):
    path = tmp_path / "results.sqlite"
    with sqlite3.connect(path) as db:  # the schema before the measurement identity joined the key
        db.execute("CREATE TABLE measurements (ir_hash TEXT, schedule TEXT, fingerprint TEXT, mlir_version TEXT, "
                   "threads INTEGER, status TEXT, result TEXT, created REAL, PRIMARY KEY (ir_hash, schedule, "
                   "fingerprint, mlir_version, threads))")
        db.execute("INSERT INTO measurements VALUES (?, ?, ?, ?, ?, 'ok', '{\"status\": \"ok\"}', 0)", KEY[:5])
    cache = ResultsCache(path)
    assert len(cache) == 0 and cache.get(*KEY) is None
    cache.put(*KEY, {"status": "ok", "time_ns": 5})
    assert cache.get(*KEY)["time_ns"] == 5


def test_identity_covers_seed_timing_and_reference_check():
    base = measurement_identity(FAST)
    changed = [FAST.model_copy(update={"seed": 1}), FAST.model_copy(update={"reference_check": "none"}),
               FAST.model_copy(update={"timing": TimingConfig(warmup=0, min_runs=3, max_runs=10,
                                                              target_seconds=0.05)})]
    assert all(measurement_identity(c) != base for c in changed)
    # timeouts are not part of it: results that depend on them are never cached
    assert measurement_identity(FAST.model_copy(update={"compile_timeout": 1.0})) == base
    assert measurement_identity(MeasureConfig(timing=FAST.timing)) == base


def test_a_changed_lowering_pipeline_serves_no_old_entry(tmp_path, monkeypatch):
    add = load_benchmark(DATA / "add_256x1024.mlir")
    schedule = Schedule((OpSchedule("op_0", (Action("tile", (32, 256)),)),))
    with Measurer(tmp_path, FAST) as m:
        assert m.measure(add, schedule).status == "ok"
        assert m.measure(add, schedule).cached
    # The key is computed here, in the parent, from the pipeline text it would send to the lowering.
    monkeypatch.setattr(lowering, "_TO_LLVM", lowering._TO_LLVM + ",canonicalize")
    with Measurer(tmp_path, FAST) as m:
        base = m.baseline(add)
        again = m.measure(add, schedule)
    assert base.status == again.status == "ok"
    assert not base.cached and not again.cached
