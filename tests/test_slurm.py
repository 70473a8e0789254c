"""Distributed measurement on a real single-node Slurm (scripts/slurm_local.sh): a SLURMCluster of two worker jobs
measures a batch; `scancel` of a worker job mid-batch does not stop it; no job is left in squeue afterwards."""

from __future__ import annotations

import subprocess
import time

import pytest
from conftest import FAST
from conftest import squeue as _squeue
from test_cluster import batch, benchmarks, check_against_cache

from rl_autoschedular.cluster.dask_measurer import cluster_client, measure_batch
from rl_autoschedular.config import ClusterConfig

pytestmark = pytest.mark.slurm
def _assert_queue_drains(timeout: float = 30.0) -> None:
    deadline = time.time() + timeout
    while _squeue() and time.time() < deadline:
        time.sleep(0.5)
    assert _squeue() == []


def _config(tmp_path) -> ClusterConfig:
    # Two 1-core jobs on the 2-core node; the workers run this venv's python with the repository on PYTHONPATH.
    return ClusterConfig(mode="slurm", workers=2, cores=1, memory="1GB", walltime="00:10:00", interface="lo",
                         log_directory=str(tmp_path / "logs"), start_timeout=120)


def test_slurm_cluster_measures_a_batch(slurm, tmp_path):
    benches, items = benchmarks(), batch()
    with cluster_client(_config(tmp_path)) as client:
        workers = client.scheduler_info()["workers"]
        assert len(workers) == 2
        jobs = {j.job_id for j in client.cluster.workers.values()}
        assert jobs <= {line.split()[0] for line in _squeue()}
        results = measure_batch(client, benches, items, tmp_path / "cache", FAST, progress=False)
    check_against_cache(results, items, benches, tmp_path / "cache")
    _assert_queue_drains()


def test_scancel_of_a_worker_job_mid_batch(slurm, tmp_path):
    benches, items = benchmarks(), batch(extra_matmul=4)
    cancelled = {}
    with cluster_client(_config(tmp_path)) as client:
        def scancel_busy_worker(index, measurement):
            if cancelled:
                return
            info = client.scheduler_info()["workers"]
            busy = [addr for addr, keys in client.processing().items() if keys and addr in info]
            if busy:
                job = client.cluster.workers[info[busy[0]]["name"]].job_id
                subprocess.run(["scancel", job], check=True)
                cancelled.update(job=job, after=index)

        results = measure_batch(client, benches, items, tmp_path / "cache", FAST, progress=False,
                                on_result=scancel_busy_worker)
        assert cancelled, "no worker was busy when the first result came back"
        assert cancelled["job"] not in {line.split()[0] for line in _squeue() if "RUNNING" in line}
    # The lost task was rescheduled: the batch is complete, verified, and the cache agrees.
    check_against_cache(results, items, benches, tmp_path / "cache")
    _assert_queue_drains()
