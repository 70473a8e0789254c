"""The SQLite results cache: keyed by everything that changes a timing, safe under concurrent writers, durable."""

from __future__ import annotations

import multiprocessing

from rl_autoschedular.execution.cache import ResultsCache

KEY = ("irhash", "schedule", "cpu | isa:0", "22.1.8.4", 1)


def _writer(path, worker: int, n: int) -> None:
    cache = ResultsCache(path)
    for i in range(n):
        cache.put(f"bench{worker}", f"s{i}", "cpu", "v", 1, {"status": "ok", "time_ns": i})
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
    assert cache.get("bench2", "s149", "cpu", "v", 1)["time_ns"] == 149
