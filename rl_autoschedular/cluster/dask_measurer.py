"""Distributed measurement on Dask: one machine by default, SLURM nodes when runs outgrow it.

`make_client(ClusterConfig)` builds the Dask client in one of three modes (`local`, `slurm`, `scheduler_file`);
`ClusterMeasurer` (or the one-shot `measure_batch`) measures a batch of (benchmark, schedule) items on it.

- Each item is one Dask task that calls `measure.Measurer` in the worker process. The Measurer already isolates
  the run in a child process and caches every result in SQLite (WAL), so a worker that dies loses nothing that
  finished: the cache directory must be shared by all workers (a shared file system on a real cluster).
- Every worker offers one `measure_slot` resource and every measurement asks for it, so at most one timed run
  uses a slot's cores at a time. Concurrent timings on shared cores corrupt each other.
- Benchmarks travel to the cluster once per `ClusterMeasurer`: each is the result of a tiny task that workers
  fetch from each other when they first need it and keep. Because it is a task and not scattered data, the
  scheduler can recompute it if every worker holding it dies.
- Each benchmark's baseline is measured once, before its schedules (they depend on the baseline task), so two
  workers never race to write the same reference outputs and all speedups use the baseline the cache holds.
- A task whose worker dies is rescheduled; after `retries` more losses it becomes a Measurement with status `lost`,
  and the batch goes on. A task that still raises after `retries` more attempts is a fault of ours, not of the
  schedule: status `harness_error`, its traceback logged.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Callable, Iterator, Sequence

import dask
from distributed import Client, Future, KilledWorker, as_completed
from tqdm import tqdm

from rl_autoschedular.config import ClusterConfig, MeasureConfig
from rl_autoschedular.execution.measure import Measurement, Measurer
from rl_autoschedular.execution.schedule import Schedule
from rl_autoschedular.ir.benchmarks import Benchmark

# Status of an item whose task could not be completed (its workers kept dying, or the task itself raised).
# Not one of runner.STATUSES: those describe what a schedule did, this describes the infrastructure.
LOST = "lost"
RESOURCE = "measure_slot"
REPO_ROOT = str(Path(__file__).resolve().parents[2])
log = logging.getLogger("rl_autoschedular.cluster")


def _slurm_cluster(cfg: ClusterConfig):
    from dask_jobqueue import SLURMCluster

    cores = cfg.cores or cfg.threads_per_measurement
    # Workers must import this package with the same interpreter as the driver.
    prologue = [f"export PYTHONPATH={REPO_ROOT}${{PYTHONPATH:+:$PYTHONPATH}}", *cfg.job_script_prologue]
    if cfg.log_directory:
        Path(cfg.log_directory).mkdir(parents=True, exist_ok=True)
    return SLURMCluster(
        cores=cores, processes=1, memory=cfg.memory, walltime=cfg.walltime, queue=cfg.partition,
        account=cfg.account, job_extra_directives=list(cfg.job_extra_directives), job_script_prologue=prologue,
        interface=cfg.interface, python=cfg.python, log_directory=cfg.log_directory,
        # one slot per job: a job's cores time one measurement at a time
        worker_extra_args=["--resources", f"{RESOURCE}=1"],
        scheduler_options={"dashboard_address": None},  # no bokeh: no dashboard
    )


def make_client(cfg: ClusterConfig) -> Client:
    """A connected client with `cfg.workers` measurement slots (waits for them, up to `cfg.start_timeout`).
    Close it with `close_client` (it also stops a cluster this function started), or use `cluster_client`."""
    # The scheduler reads allowed-failures when it starts: a task is given up (KilledWorker) after its worker
    # died retries + 1 times. It runs in this process for local and slurm modes.
    with dask.config.set({"distributed.scheduler.allowed-failures": cfg.retries}):
        if cfg.mode == "local":
            from distributed import LocalCluster

            if cfg.workers * cfg.threads_per_measurement > (os.cpu_count() or 1):
                print(f"warning: {cfg.workers} slots x {cfg.threads_per_measurement} threads exceed "
                      f"{os.cpu_count()} CPUs; timings will disturb each other", file=sys.stderr)
            cluster = LocalCluster(n_workers=cfg.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, resources={RESOURCE: 1})
        elif cfg.mode == "slurm":
            # Read when a worker leaves, so set for the process, not for this block. The default (15 s) waits
            # for a nanny to restart its worker inside the job; a cancelled job needs no such wait.
            dask.config.set({"distributed.deploy.lost-worker-timeout": f"{cfg.lost_worker_timeout}s"})
            cluster = _slurm_cluster(cfg)
            # adapt with minimum = maximum, not scale: a job that is cancelled, preempted or hits its walltime
            # is replaced (scale would leave the batch with fewer slots).
            cluster.adapt(minimum_jobs=cfg.workers, maximum_jobs=cfg.workers)
        else:
            client = Client(scheduler_file=cfg.scheduler_file, timeout=cfg.start_timeout)
            client.wait_for_workers(cfg.workers, timeout=cfg.start_timeout)
            return client
        client = Client(cluster)
        try:
            client.wait_for_workers(cfg.workers, timeout=cfg.start_timeout)
        except BaseException:
            close_client(client)
            raise
        return client


def close_client(client: Client) -> None:
    """Close the client and the cluster make_client started (SLURM worker jobs are cancelled)."""
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()


@contextlib.contextmanager
def cluster_client(cfg: ClusterConfig) -> Iterator[Client]:
    """`with cluster_client(cfg) as client:` - make_client, then close_client whatever happens."""
    client = make_client(cfg)
    try:
        yield client
    finally:
        close_client(client)


# ---- worker side -------------------------------------------------------------------------------------------

# One Measurer per worker process and (cache_dir, config): it keeps its isolated child process and its SQLite
# connection between tasks instead of paying their start-up on every measurement.
_MEASURERS: dict[tuple[str, MeasureConfig], Measurer] = {}
_LOCK = threading.Lock()


def _measurer(cache_dir: str, config: MeasureConfig) -> Measurer:
    key = (cache_dir, config)
    if key not in _MEASURERS:
        if not _MEASURERS:
            atexit.register(_close_measurers)
        _MEASURERS[key] = Measurer(cache_dir, config)
    return _MEASURERS[key]


def _close_measurers() -> None:
    for m in _MEASURERS.values():
        m.close()
    _MEASURERS.clear()


def _code_identity() -> tuple[str, str]:
    """What must match between the driver and its workers: the measuring code's hash and the MLIR version are
    part of every cache key, so a worker running other code would write entries the driver never reads."""
    from rl_autoschedular.execution.machine import code_hash, mlir_version

    return code_hash(), mlir_version()


def _hold(bench: Benchmark) -> Benchmark:
    """The task whose result is a benchmark: workers fetch it from a peer once and keep it."""
    return bench


def _baseline_task(bench: Benchmark, cache_dir: str, config: MeasureConfig) -> Measurement:
    with _LOCK:  # a worker with several threads still times one thing at a time
        return _measurer(cache_dir, config).baseline(bench)


def _measure_task(bench: Benchmark, schedule: Schedule | str, base: Measurement, cache_dir: str,
                  config: MeasureConfig) -> Measurement:
    # `base` is the batch's baseline result: the dependency orders the tasks; a failed baseline ends it here.
    if base.status != "ok":
        return Measurement(bench.name, base.status, f"baseline failed: {base.message}", threads=config.threads)
    with _LOCK:
        return _measurer(cache_dir, config).measure(bench, schedule)


# ---- client side -------------------------------------------------------------------------------------------

Item = tuple[str, "Schedule | str | None"]


class ClusterMeasurer:
    """Measures batches of (benchmark name, schedule) items on a Dask client.

    The benchmarks are sent once, when this object is created, and stay on the cluster until `close`.
    `cache_dir` must be reachable by every worker under the same path.
    """

    def __init__(self, client: Client, benchmarks: Sequence[Benchmark] | dict[str, Benchmark],
                 cache_dir: str | Path, measure_config: MeasureConfig = MeasureConfig(), retries: int = 2):
        self.client = client
        self.benchmarks = dict(benchmarks) if isinstance(benchmarks, dict) else {b.name: b for b in benchmarks}
        self.cache_dir = str(Path(cache_dir).resolve())
        self.config = measure_config
        self.retries = retries
        Path(self.cache_dir).mkdir(parents=True, exist_ok=True)
        mine = _code_identity()
        other = {addr: ident for addr, ident in client.run(_code_identity).items() if tuple(ident) != mine}
        if other:
            raise RuntimeError(f"workers run other code than this process (code hash, MLIR) = {mine}: {other}; "
                               "restart them from the same checkout and environment")
        self._bench: dict[str, Future] = {
            name: client.submit(_hold, b, key=f"benchmark-{name}-{b.ir_hash[:16]}", pure=False)
            for name, b in self.benchmarks.items()}

    def close(self) -> None:
        """Release the benchmarks on the cluster."""
        for fut in self._bench.values():
            fut.release()
        self._bench = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def measure_batch(self, items: Sequence[Item], progress: bool | None = None,
                      on_result: Callable[[int, Measurement], None] | None = None) -> list[Measurement]:
        """Measure every item; returns one Measurement per item, in input order, never raising for a lost task.

        An item's schedule is a Schedule, a transform script, or None (or an empty Schedule) for the baseline.
        `progress`: True shows a tqdm bar, False hides it, None shows it once the batch runs longer than 2 s.
        `on_result(index, measurement)` is called in this thread as each item finishes (in completion order).
        """
        unknown = sorted({name for name, _ in items} - self.benchmarks.keys())
        if unknown:
            raise KeyError(f"unknown benchmarks: {', '.join(unknown)}")
        opts = dict(resources={RESOURCE: 1}, retries=self.retries, pure=False)
        # One baseline task per benchmark of the batch, ahead of its schedules.
        bases = {name: self.client.submit(_baseline_task, self._bench[name], self.cache_dir, self.config,
                                          priority=10, **opts)
                 for name in dict.fromkeys(name for name, _ in items)}
        futures: list[Future] = []
        for name, schedule in items:
            if schedule is None or (isinstance(schedule, Schedule) and schedule.is_empty):
                futures.append(bases[name])
            else:
                futures.append(self.client.submit(_measure_task, self._bench[name], schedule, bases[name],
                                                  self.cache_dir, self.config, **opts))
        index: dict[str, list[int]] = {}
        for i, fut in enumerate(futures):
            index.setdefault(fut.key, []).append(i)
        results: list[Measurement | None] = [None] * len(items)
        try:
            with tqdm(total=len(items), desc="measuring", unit="schedule", delay=0 if progress else 2.0,
                      disable=progress is False, file=sys.stderr) as bar:
                for fut in as_completed(list({f.key: f for f in futures}.values())):
                    for i in index[fut.key]:
                        results[i] = self._outcome(fut, items[i][0])
                        bar.update(1)
                        if on_result is not None:
                            on_result(i, results[i])
        finally:
            # Interrupted (Ctrl-C, a raising callback): nothing of this batch keeps running on the cluster.
            for fut in list(bases.values()) + futures:
                fut.release()
        return results

    def _outcome(self, fut: Future, name: str) -> Measurement:
        try:
            return fut.result()
        except Exception as exc:
            what = f"{type(exc).__name__}: {exc}".strip().rstrip(":").splitlines()[0][:300]
            # An erred future holds either the task's own exception or KilledWorker (its workers kept dying);
            # a cancelled or lost one (the cluster went away) is infrastructure too.
            if isinstance(exc, KilledWorker) or fut.status != "error":
                return Measurement(name, LOST, f"task failed after {self.retries} retries ({what})",
                                   threads=self.config.threads)
            log.error("measurement task of %s raised: %s", name, what, exc_info=exc)
            return Measurement(name, "harness_error", f"measurement task raised {what}", threads=self.config.threads)


def measure_batch(client: Client, benchmarks: Sequence[Benchmark] | dict[str, Benchmark], items: Sequence[Item],
                  cache_dir: str | Path, measure_config: MeasureConfig = MeasureConfig(), retries: int = 2,
                  progress: bool | None = None,
                  on_result: Callable[[int, Measurement], None] | None = None) -> list[Measurement]:
    """One-shot `ClusterMeasurer(...).measure_batch(items)`: results in input order, lost tasks as status `lost`.
    Only the benchmarks named in `items` are sent."""
    names = {name for name, _ in items}
    pool = benchmarks.values() if isinstance(benchmarks, dict) else benchmarks
    with ClusterMeasurer(client, [b for b in pool if b.name in names], cache_dir, measure_config, retries) as cm:
        return cm.measure_batch(items, progress=progress, on_result=on_result)
