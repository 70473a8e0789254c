"""`bin/search.py`: random, greedy and ranked search print the best verified speedup, write a schedule that replays, and
record their episodes in the replay store."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import DATA, ROOT

from rl_autoschedular.env.replay import ReplayStore


def _run(*args):
    return subprocess.run([sys.executable, str(ROOT / "bin" / "search.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize("method,budget", [("random", 4), ("greedy", 6), ("ranked", 3)])
def test_search_prints_best_and_writes_a_replayable_schedule(tmp_path, method, budget):
    bench = DATA / "matmul_128x768x768.mlir"
    out = _run(bench, "--method", method, "--budget", budget, "--json", "--cache-dir", tmp_path / "c",
               "--out", tmp_path / "s", "--rank", 16)
    assert out.returncode == 0, out.stderr
    row = json.loads(out.stdout.strip().splitlines()[-1])
    assert row["name"] == "matmul_128x768x768" and row["method"] == method
    assert 1 <= row["measurements"] <= budget
    assert row["verified"] and row["speedup"] >= 1.0
    with ReplayStore(tmp_path / "c" / "replay.sqlite") as store:  # every measured episode, for offline updates
        assert store.counts() == {method: row["measurements"]}
    replay = subprocess.run([sys.executable, str(ROOT / "bin" / "measure.py"), str(bench), "--schedule",
                             row["schedule_file"], "--json", "--cache-dir", str(tmp_path / "c")],
                            capture_output=True, text=True, cwd=ROOT)
    again = json.loads(replay.stdout)
    assert again["verified"] and again["time_ns"] == row["time_ns"]  # served from the same cache entry


def test_search_bad_input_is_one_error_line(tmp_path):
    out = _run(tmp_path / "missing.mlir", "--budget", 2)
    assert out.returncode == 2
    assert out.stderr.strip().startswith("error:") and len(out.stderr.strip().splitlines()) == 1
