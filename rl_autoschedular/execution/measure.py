"""Measurement service: baseline and scheduled timings of benchmarks, verified, isolated and cached.

`Measurer.measure(benchmark, schedule)` is what the environment, the searches and the CLIs call. It
- measures the unoptimized baseline first (once; it also writes the reference outputs),
- builds the schedule's transform script, runs it in the isolated worker with a run timeout derived from the
  baseline time, and compares the outputs with the reference,
- serves repeated measurements from the SQLite cache.
"""

from __future__ import annotations

import functools
import hashlib
import math
from dataclasses import asdict, dataclass
from pathlib import Path

from rl_autoschedular.config import MeasureConfig
from rl_autoschedular.execution.cache import ResultsCache
from rl_autoschedular.execution.job import Job
from rl_autoschedular.execution.machine import cpu_fingerprint, mlir_version
from rl_autoschedular.execution.runner import IsolatedRunner
from rl_autoschedular.execution.schedule import BUILDER_VERSION, OpFacts, Schedule, build_script
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import Benchmark
from rl_autoschedular.ir.layout import to_channels_last


@dataclass
class Measurement:
    """One structured outcome. `verified` is True only for status ok (outputs matched the reference)."""

    name: str
    status: str
    message: str = ""
    time_ns: int | None = None
    baseline_ns: int | None = None
    speedup: float | None = None
    threads: int = 1
    cv: float | None = None
    min_ns: int | None = None
    max_ns: int | None = None
    runs: int = 0
    cached: bool = False
    apply_ms: float | None = None
    lower_ms: float | None = None
    jit_ms: float | None = None

    @property
    def verified(self) -> bool:
        return self.status == "ok"

    def to_json(self) -> dict:
        out = asdict(self)
        out["verified"] = self.verified
        return out


def op_facts(text: str) -> dict[str, OpFacts]:
    """Builder facts for every tagged op of a module's text: name, loop kinds and the zero fill that initialises it."""
    ops = analyze(text)
    names = {o.tag: o.name for o in ops}
    facts = {}
    for o in ops:
        fills = [p for p in o.producers if names.get(p) == "linalg.fill"]
        facts[o.tag] = OpFacts(o.tag, o.name, tuple(l.kind for l in o.loops), fills[0] if fills else None)
    return facts


def compile_schedule(bench: Benchmark, schedule: Schedule) -> tuple[str, str]:
    """The payload (the benchmark after any layout change) and the ONE transform script that schedules it.

    Raises ValueError (or IRError, a ValueError) for a schedule that does not fit the benchmark."""
    payload = to_channels_last(bench.text, schedule.layout_tags())
    return payload, build_script(schedule, op_facts(payload))


@functools.lru_cache(maxsize=1024)
def _reduction_size(text: str) -> int:
    sizes = [math.prod(l.bound for l in o.loops if l.kind == "reduction") for o in analyze(text)]
    return max(sizes, default=1)


def reduction_size(bench: Benchmark) -> int:
    """The largest number of terms any output element sums (sets the verification tolerance). Cached: every
    measurement of a benchmark needs it, and the analysis parses the module."""
    return _reduction_size(bench.text)


class Measurer:
    """Measures benchmarks under schedules; owns one isolated worker and one results cache."""

    def __init__(self, cache_dir: str | Path, config: MeasureConfig = MeasureConfig()):
        self.config = config
        self.cache_dir = Path(cache_dir)
        self.references = self.cache_dir / "references"
        self.references.mkdir(parents=True, exist_ok=True)
        self.cache = ResultsCache(self.cache_dir / "results.sqlite")
        self.runner = IsolatedRunner(threads=config.threads)
        self.fingerprint = cpu_fingerprint()
        self.mlir_version = mlir_version()

    def close(self) -> None:
        self.runner.close()
        self.cache.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _key(self, bench: Benchmark, schedule_key: str):
        # The builder version is part of the schedule key: a changed recipe must not serve old timings.
        return (bench.ir_hash, f"{BUILDER_VERSION}:{schedule_key}", self.fingerprint, self.mlir_version,
                self.config.threads)

    def _reference_path(self, bench: Benchmark) -> Path:
        return self.references / f"{bench.ir_hash}-seed{self.config.seed}.npz"

    def _job(self, bench: Benchmark, script: str | None, write_reference: bool, payload: str | None = None) -> Job:
        return Job(
            text=payload or bench.text, script=script,
            inputs=tuple((s.shape, s.dtype) for s in bench.inputs),
            outputs=tuple((s.shape, s.dtype) for s in bench.outputs),
            seed=self.config.seed, reference_path=str(self._reference_path(bench)),
            reduction_size=reduction_size(bench), timing=self.config.timing, write_reference=write_reference)

    def _result(self, bench: Benchmark, raw: dict, baseline_ns: int | None, cached: bool) -> Measurement:
        fields = {k: raw.get(k) for k in ("status", "message", "time_ns", "cv", "min_ns", "max_ns",
                                          "apply_ms", "lower_ms", "jit_ms")}
        m = Measurement(name=bench.name, threads=self.config.threads, runs=raw.get("runs", 0) or 0,
                        baseline_ns=baseline_ns, cached=cached, **fields)
        m.message = m.message or ""
        if m.status != "ok":
            m.time_ns = None
        elif baseline_ns and m.time_ns:
            m.speedup = baseline_ns / m.time_ns
        return m

    def baseline(self, bench: Benchmark, refresh: bool = False) -> Measurement:
        """The unoptimized program's time; measured once (or again with `refresh`), then served from the cache."""
        key = self._key(bench, Schedule().canonical())
        raw = None if refresh else self.cache.get(*key)
        if raw is None or not self._reference_path(bench).exists():
            raw = self.runner.run(self._job(bench, None, write_reference=True),
                                  self.config.compile_timeout, self.config.baseline_run_timeout)
            if raw["status"] == "ok":  # a failed baseline is retried next time, never served from the cache
                self.cache.put(*key, raw)
            cached = False
        else:
            cached = True
        # The baseline is its own reference: _result computes its speedup from the measured times (exactly 1).
        return self._result(bench, raw, raw.get("time_ns") if raw.get("status") == "ok" else None, cached)

    def measure(self, bench: Benchmark, schedule: Schedule | str, refresh: bool = False) -> Measurement:
        """Measure `bench` under a Schedule or a raw transform script text (again, with `refresh`, even if cached).
        Never raises for what the schedule does: failures come back as a Measurement with a failure status."""
        base = self.baseline(bench)
        if base.status != "ok":
            return Measurement(bench.name, base.status, f"baseline failed: {base.message}",
                               threads=self.config.threads)
        if isinstance(schedule, Schedule):
            if schedule.is_empty:
                return base
            schedule_key = schedule.canonical()
        else:
            schedule_key = "script-sha256:" + hashlib.sha256(schedule.encode()).hexdigest()
        key = self._key(bench, schedule_key)
        raw = None if refresh else self.cache.get(*key)
        if raw is not None:
            return self._result(bench, raw, base.time_ns, cached=True)
        payload = None
        if isinstance(schedule, Schedule):
            try:
                payload, script = compile_schedule(bench, schedule)
            except ValueError as exc:
                raw = {"status": "transform_error", "message": str(exc)}
                self.cache.put(*key, raw)
                return self._result(bench, raw, base.time_ns, cached=False)
        else:
            script = schedule
        t = self.config.timing
        run_timeout = max(self.config.min_run_timeout,
                          self.config.run_timeout_factor * base.time_ns / 1e9 * (1 + t.warmup + t.min_runs))
        raw = self.runner.run(self._job(bench, script, write_reference=False, payload=payload),
                              self.config.compile_timeout, run_timeout)
        self.cache.put(*key, raw)
        return self._result(bench, raw, base.time_ns, cached=False)
