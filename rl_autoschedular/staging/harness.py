"""A whole staging run: `stage(benchmark, schedule, ...) -> StageReport`.

1. The execution core measures the benchmark's baseline and the schedule (`Measurer`: isolated, verified against
   the reference outputs, which are checked against IREE once): a schedule that fails or computes wrong outputs is
   refused before anything is served.
2. Two service processes (`processes.ServiceProcess`) compile the program, one without the schedule ("baseline")
   and one with it ("candidate"), each once, verify their outputs against the same reference, and serve on
   127.0.0.1. Without a schedule both serve the baseline (an A/A run: the harness's own noise).
3. The load generator (`load.drive`) sends them interleaved requests and records client-side latencies.
4. The reward engine (`reward_engine.evaluate`) turns both samples into percentiles, a verdict and a reward.
The services are stopped on every path: a result, an error, Ctrl-C.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from rl_autoschedular import reward_engine
from rl_autoschedular.config import MeasureConfig
from rl_autoschedular.execution.job import Job
from rl_autoschedular.execution.schedule import Schedule
from rl_autoschedular.ir.benchmarks import Benchmark
from rl_autoschedular.staging import StageError

ROLES = ("baseline", "candidate")


@dataclass
class StageReport:
    """What a staging run found. Latencies in `latencies` are seconds, client-side, per request, in the JSON
    layout `reward_engine.load_json` reads."""

    benchmark: str
    file: str
    staged: str  # "schedule vs baseline" or "baseline vs baseline"
    schedule: str  # where the schedule came from (a file, or "given"), or "none"
    threads: int
    requests: int  # asked for, per service
    samples: int  # recorded, per service
    warmup: int
    time_limit_s: float
    stopped_by: str  # "requests" or "time_limit"
    load_wall_s: float
    execution_core: dict  # the Measurer's verified medians: baseline_ms, candidate_ms, speedup
    services: dict  # per role: url, apply_ms, lower_ms, jit_ms, server_p50_ms (its own run time)
    reward: reward_engine.RewardReport
    latencies: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        """The report as a JSON-serialisable dict."""
        return asdict(self)

    @property
    def verdict(self) -> str:
        return self.reward.verdict


def load_schedule(path: str | Path) -> Schedule | str:
    """A schedule file as `bin/measure.py --schedule` reads it: canonical JSON (`Schedule.canonical()`, as
    `bin/search.py` writes NAME.schedule.json) or a transform script (.mlir, applied to the benchmark as loaded);
    also `bin/optimize.py`'s report.json, whose "schedule" is the canonical schedule. StageError otherwise."""
    path = Path(path)
    if not path.is_file():
        raise StageError(f"{path}: schedule file not found; give a transform script (.mlir) or a schedule (.json)")
    try:
        text = path.read_text()
    except (OSError, UnicodeDecodeError) as exc:
        raise StageError(f"{path}: cannot read the schedule ({exc})") from None
    if path.suffix != ".json":
        if "transform.named_sequence" not in text:
            raise StageError(f"{path}: not a transform script (no transform.named_sequence); give a schedule "
                             "(.json) or the schedule.mlir bin/search.py writes")
        return text
    try:
        data = json.loads(text)
        if isinstance(data, dict) and "schedule" in data:  # bin/optimize.py's report.json
            data = data["schedule"]
        return Schedule.from_canonical(json.dumps(data))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StageError(f"{path}: not a schedule ({exc}); write it with Schedule.canonical()") from None


def load_bench(path: str | Path) -> Benchmark:
    """The checked benchmark of one .mlir file (a single op or a whole network); StageError otherwise."""
    from rl_autoschedular.ir.benchmarks import BenchmarkError, load_benchmark

    path = Path(path)
    if path.suffix != ".mlir" or path.is_dir():
        raise StageError(f"{path}: not a .mlir file; give the .mlir file of one benchmark")
    try:
        return load_benchmark(path)
    except BenchmarkError as exc:
        raise StageError(str(exc)) from None


def _jobs(bench: Benchmark, schedule: Schedule | str | None, config: MeasureConfig,
          reference_path: Path) -> dict[str, Job]:
    """The baseline's and the candidate's Job, built as the Measurer builds its own (same payload, script,
    inputs, verification settings)."""
    from rl_autoschedular.execution.measure import compile_schedule, compute_dtype, reduction_size

    if isinstance(schedule, Schedule):
        payload, script = compile_schedule(bench, schedule)
    else:
        payload, script = bench.text, schedule

    def job(text: str, script_text: str | None) -> Job:
        return Job(text=text, script=script_text, inputs=tuple((s.shape, s.dtype) for s in bench.inputs),
                   outputs=tuple((s.shape, s.dtype) for s in bench.outputs), seed=config.seed,
                   reference_path=str(reference_path), reduction_size=reduction_size(bench), timing=config.timing,
                   compute_dtype=compute_dtype(bench.text))

    return {"baseline": job(bench.text, None), "candidate": job(payload, script)}


def _measure(bench: Benchmark, schedule: Schedule | str | None, config: MeasureConfig,
             cache_dir: str | Path) -> tuple[dict, list[np.ndarray]]:
    """(the execution core's verified medians, the reference outputs); StageError if either program fails."""
    from rl_autoschedular.execution.measure import Measurer

    with Measurer(cache_dir, config) as measurer:
        base = measurer.baseline(bench)
        if not base.verified:
            raise StageError(f"{bench.path}: the unscheduled program does not run verified ({base.status}: "
                             f"{' '.join(base.message.split())})")
        cand = base if schedule is None else measurer.measure(bench, schedule)
        if not cand.verified:
            raise StageError(f"the schedule does not run verified on {bench.name} ({cand.status}: "
                             f"{' '.join(cand.message.split())[:300]})")
        reference = measurer.reference(bench)
    core = {"baseline_ms": base.time_ns / 1e6, "candidate_ms": cand.time_ns / 1e6,
            "speedup": base.time_ns / cand.time_ns}
    return core, reference


def stage(bench: Benchmark | str | Path, schedule: Schedule | str | None = None, *, requests: int = 200,
          time_limit: float = 120.0, warmup: int = 5, sli: str = "p95", reward: str = "canary",
          slo_ms: float | None = None, alpha: float = 0.05, min_effect: float = 0.05, threads: int = 1, seed: int = 0,
          cache_dir: str | Path | None = None, config: MeasureConfig | None = None, startup_timeout: float = 300.0,
          schedule_label: str = "") -> StageReport:
    """Stage `bench` (a Benchmark or the path of its .mlir file) with `schedule` (a Schedule, a transform script's
    text, or None for the baseline against itself) against its baseline; see the module docstring.

    `requests` recorded per service within `time_limit` seconds (warm-up included); `sli`, `reward` ("canary" or
    "slo", with `slo_ms`), `alpha`, `min_effect` and `seed` (of the bootstrap only) go to the reward engine.
    `config` (default: MeasureConfig with `threads`) sets the thread count of every run, the seed of the inputs and
    the verification; the default keeps the inputs, and so the cached baseline and reference, of every other
    measurement. Raises StageError (one-line message) for anything that stops the run; ValueError for bad
    settings."""
    from rl_autoschedular.cli import DEFAULT_CACHE
    from rl_autoschedular.staging.load import drive
    from rl_autoschedular.staging.processes import ServiceProcess

    slo_s = slo_ms / 1e3 if slo_ms is not None else None
    reward_engine.check_options(sli, reward, slo_s, alpha, min_effect=min_effect)
    if requests < reward_engine.MIN_SAMPLES:
        raise ValueError(f"requests must be at least {reward_engine.MIN_SAMPLES}")
    if time_limit <= 0 or warmup < 0 or threads < 1:
        raise ValueError("the time limit must be positive, warmup at least 0 and threads at least 1")
    config = config or MeasureConfig(threads=threads)
    bench = bench if isinstance(bench, Benchmark) else load_bench(bench)
    if isinstance(schedule, Schedule) and schedule.is_empty:
        schedule = None
    core, reference = _measure(bench, schedule, config, cache_dir or DEFAULT_CACHE)
    with tempfile.TemporaryDirectory(prefix="mlir-rl-stage-") as tmp, contextlib.ExitStack() as services:
        reference_path = Path(tmp) / "reference.npz"
        np.savez(reference_path, *reference)
        jobs = _jobs(bench, schedule, config, reference_path)
        procs = {role: services.enter_context(ServiceProcess(role, jobs[role], config.threads, tmp))
                 for role in ROLES}
        deadline = time.monotonic() + startup_timeout
        for proc in procs.values():
            proc.wait_ready(deadline)
        load = drive({role: p.url for role, p in procs.items()}, requests, time_limit, warmup)
        for proc in procs.values():
            proc.check_alive()
    samples = len(load.latencies_s["baseline"])
    if samples < reward_engine.MIN_SAMPLES:
        raise StageError(f"only {samples} requests per service within the time limit of {time_limit:g} s; at least "
                         f"{reward_engine.MIN_SAMPLES} are needed: raise the time limit")
    result = reward_engine.evaluate(load.latencies_s["baseline"], load.latencies_s["candidate"], sli=sli,
                                    formula=reward, slo_s=slo_s, alpha=alpha, min_effect=min_effect, seed=seed)
    return StageReport(
        benchmark=bench.name, file=str(bench.path),
        staged="baseline vs baseline" if schedule is None else "schedule vs baseline",
        schedule=schedule_label or ("none" if schedule is None else "given"), threads=config.threads,
        requests=requests, samples=samples, warmup=warmup, time_limit_s=time_limit, stopped_by=load.stopped_by,
        load_wall_s=load.wall_s, execution_core=core,
        services={role: {"url": p.url, **{k: p.health.get(k) for k in ("apply_ms", "lower_ms", "jit_ms")},
                         "server_p50_ms": float(np.median(load.server_ns[role])) / 1e6}
                  for role, p in procs.items()},
        reward=result, latencies={"unit": "s", **load.latencies_s})


def _ms(e: reward_engine.Estimate) -> str:
    return f"{e.value * 1e3:.4g} [{e.low * 1e3:.4g}, {e.high * 1e3:.4g}]"


def table(report: StageReport) -> str:
    """The report as printed text: percentiles of both with their confidence intervals, the test, the reward and
    the verdict."""
    r = report.reward
    core = report.execution_core
    lines = [
        f"staged {report.benchmark} ({report.file}): {report.staged}, schedule: {report.schedule}",
        f"{report.threads} thread(s); {report.samples} of {report.requests} requests per service, interleaved A/B "
        f"after {report.warmup} warm-up rounds; stopped by {report.stopped_by} after {report.load_wall_s:.1f} s",
        f"execution core (verified medians): baseline {core['baseline_ms']:.4g} ms, candidate "
        f"{core['candidate_ms']:.4g} ms, speedup {core['speedup']:.2f}x",
        "",
        f"{'client latency, ms':20s} {'baseline [95% CI]':32s} {'candidate [95% CI]':32s} {'change':>8s}",
    ]
    for name in reward_engine.SLIS:
        b, c = getattr(r.baseline, name), getattr(r.candidate, name)
        mark = "  <- SLI" if name == r.sli else ""
        lines.append(f"{name:20s} {_ms(b):32s} {_ms(c):32s} {(c.value - b.value) / b.value:+8.1%}{mark}")
    lines.append(f"{'mean':20s} {r.baseline.mean * 1e3:<32.4g} {r.candidate.mean * 1e3:<32.4g} "
                 f"{(r.candidate.mean - r.baseline.mean) / r.baseline.mean:+8.1%}")
    lines.append(f"{'service run p50':20s} {report.services['baseline']['server_p50_ms']:<32.4g} "
                 f"{report.services['candidate']['server_p50_ms']:<32.4g}")
    lines.append("")
    lines.append(f"SLI {r.sli}: candidate/baseline {r.ratio.value:.4g} [{r.ratio.low:.4g}, {r.ratio.high:.4g}], "
                 f"change {r.relative_change:+.1%}; Mann-Whitney U = {r.mann_whitney_u:.6g}, p = {r.p_value:.3g}")
    formula = "log(SLI_baseline / SLI_candidate)" if r.formula == "canary" else \
        f"log(SLO / SLI_candidate), SLO {r.slo_s * 1e3:g} ms, met: {r.slo_met}"
    lines.append(f"reward ({r.formula}: {formula}): {'none' if r.reward is None else f'{r.reward:+.4f}'}")
    lines.append(f"verdict: {r.verdict} ({r.reason})")
    return "\n".join(lines)
