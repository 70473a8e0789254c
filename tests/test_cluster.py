"""Distributed measurement on a real LocalCluster (and a real scheduler-file deployment): verified results in input
order that match the shared cache, a worker killed mid-batch that costs nothing, and strict cluster configs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import DATA, FAST, ROOT
from pydantic import ValidationError

from rl_autoschedular.cluster.dask_measurer import LOST, cluster_client, measure_batch
from rl_autoschedular.config import STATUSES, ClusterConfig
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.benchmarks import load_benchmark

BENCHES = ("relu_128x3072", "add_256x1024", "matmul_128x768x768")


def _sched(tag: str, *actions: Action) -> Schedule:
    return Schedule((OpSchedule(tag, actions),))


def benchmarks() -> dict:
    return {name: load_benchmark(DATA / f"{name}.mlir") for name in BENCHES}


def batch(extra_matmul: int = 0) -> list:
    """Baselines and tile + vectorize schedules on three benchmarks (op_0 of relu/add, op_1 = the matmul)."""
    items = [
        ("relu_128x3072", None),
        ("relu_128x3072", _sched("op_0", Action("tile", (8, 64)), Action("vectorize"))),
        ("add_256x1024", _sched("op_0", Action("tile", (16, 128)), Action("vectorize"))),
        ("matmul_128x768x768", None),
        ("matmul_128x768x768", _sched("op_1", Action("tile", (64, 128, 0)), Action("tile", (8, 32, 1)),
                                      Action("vectorize"))),
        ("matmul_128x768x768", _sched("op_1", Action("tile", (32, 64, 0)), Action("tile", (4, 16, 1)),
                                      Action("vectorize"))),
    ]
    sizes = [(16, 64, 0, 4, 32, 1), (32, 128, 0, 8, 16, 1), (64, 64, 0, 8, 8, 1), (16, 128, 0, 4, 16, 1),
             (32, 32, 0, 8, 32, 1), (64, 256, 0, 8, 32, 1)]
    for a, b, c, d, e, f in sizes[:extra_matmul]:
        items.append(("matmul_128x768x768", _sched("op_1", Action("tile", (a, b, c)), Action("tile", (d, e, f)),
                                                   Action("vectorize"))))
    return items


def check_against_cache(results, items, benches, cache_dir, require_verified: bool = True) -> None:
    """Every result is the item's (names in input order), and every verified one is exactly what the cache holds."""
    assert len(results) == len(items)
    assert [r.name for r in results] == [name for name, _ in items]
    for r in results:
        assert r.status in STATUSES + (LOST,), r
        if require_verified:
            assert r.verified, r
    with Measurer(cache_dir, FAST) as m:
        for r, (name, schedule) in zip(results, items):
            if not r.verified:
                continue
            again = m.baseline(benches[name]) if schedule is None else m.measure(benches[name], schedule)
            assert again.cached, (name, schedule, r, again, m._reference_path(benches[name]).exists())
            assert (again.status, again.time_ns, again.baseline_ns) == (r.status, r.time_ns, r.baseline_ns)
            assert again.speedup == pytest.approx(r.speedup)


def test_local_batch_is_verified_ordered_and_cached(tmp_path):
    benches, items = benchmarks(), batch()
    with cluster_client(ClusterConfig(workers=2)) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        results = measure_batch(client, benches, items, tmp_path, FAST, progress=False)
    check_against_cache(results, items, benches, tmp_path)
    assert results[0].speedup == 1.0 and results[3].speedup == 1.0
    # one baseline per benchmark, shared by its schedules
    assert results[4].baseline_ns == results[5].baseline_ns == results[3].time_ns
    assert results[4].speedup > 3  # register tiles + vectors beat the naive loops by far more than noise


def test_worker_killed_mid_batch_loses_nothing(tmp_path):
    benches, items = benchmarks(), batch(extra_matmul=4)
    killed, done = {}, []

    with cluster_client(ClusterConfig(workers=2)) as client:
        pids = client.run(os.getpid)

        def kill_busy_worker(index, measurement):
            done.append(index)
            busy = [addr for addr, keys in client.processing().items() if keys and addr in pids]
            if not killed and busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.update(addr=busy[0], after=len(done))

        results = measure_batch(client, benches, items, tmp_path, FAST, progress=False, on_result=kill_busy_worker)
        assert killed and killed["after"] < len(items), "no worker was busy mid-batch"
        client.wait_for_workers(2, timeout=60)
        # the nanny replaced the killed worker process
        assert pids[killed["addr"]] not in client.run(os.getpid).values()
    # One loss is within the retries: every item is measured, verified, and matches the cache.
    check_against_cache(results, items, benches, tmp_path)


def test_a_raising_task_is_a_harness_error_not_lost(tmp_path):
    """A task that raises (here the Measurer cannot parse a benchmark's text) is a fault of ours: harness_error,
    with no worker lost, and the batch goes on."""
    from test_faults import _raw_benchmark

    benches = {"garbage": _raw_benchmark("garbage", "this is not MLIR"),
               "relu_128x3072": load_benchmark(DATA / "relu_128x3072.mlir")}
    items = [("garbage", None), ("relu_128x3072", None)]
    with cluster_client(ClusterConfig(workers=1)) as client:
        results = measure_batch(client, benches, items, tmp_path, FAST, retries=0, progress=False)
    assert [r.status for r in results] == ["harness_error", "ok"], results
    assert "IRError" in results[0].message


def test_scheduler_file_mode(tmp_path):
    """The big-cluster deployment, on one machine: a scheduler and a worker started by hand (srun does it on a
    cluster) and the client connecting through the scheduler file."""
    sched_file = tmp_path / "scheduler.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--scheduler-file",
                               str(sched_file), "--host", "127.0.0.1", "--no-dashboard"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.time() + 30
        while not sched_file.exists() and time.time() < deadline:
            time.sleep(0.1)
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(sched_file),
             "--nthreads", "1", "--resources", "measure_slot=1", "--no-dashboard"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        cfg = ClusterConfig(mode="scheduler_file", scheduler_file=str(sched_file), start_timeout=60)
        benches, items = benchmarks(), batch()[:3]
        with cluster_client(cfg) as client:
            results = measure_batch(client, benches, items, tmp_path / "cache", FAST, progress=False)
        check_against_cache(results, items, benches, tmp_path / "cache")
    finally:
        for p in reversed(procs):
            p.terminate()
            p.wait(timeout=30)


@pytest.mark.parametrize("kwargs,needle", [
    ({"workerz": 2}, "workerz"),                                 # a typo is an error, not a silent default
    ({"mode": "kubernetes"}, "mode"),
    ({"workers": 0}, "workers"),
    ({"mode": "scheduler_file"}, "scheduler_file"),
    ({"threads_per_measurement": 2, "cores": 1}, "threads_per_measurement"),
])
def test_bad_cluster_config_is_a_clear_error(kwargs, needle):
    with pytest.raises(ValidationError) as err:
        ClusterConfig(**kwargs)
    assert needle in str(err.value)


def test_cluster_config_from_a_config_section():
    cfg = ClusterConfig.model_validate({"mode": "slurm", "workers": 4, "partition": "cpu", "account": "proj42",
                                        "job_extra_directives": ["--exclusive"]})
    assert (cfg.mode, cfg.workers, cfg.partition, cfg.retries, cfg.interface) == ("slurm", 4, "cpu", 2, "lo")
