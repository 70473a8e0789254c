"""Measurement service: baseline and scheduled timings of benchmarks, verified, isolated and cached.

`Measurer.measure(benchmark, schedule)` is what the environment, the searches and the CLIs call. It
- measures the unoptimized baseline first (once; it also writes the reference outputs, which are checked once
  against IREE llvm-cpu: a benchmark whose reference disagrees is refused),
- builds the schedule's transform script, runs it in the isolated worker with a compile timeout derived from the
  baseline's compile time and a run timeout derived from its run time, and compares the outputs with the reference,
- serves repeated measurements from the SQLite cache. Only results the same schedule reproduces are cached (ok and
  the deterministic failures); a timeout or crash may be the machine's fault, so it is retried once in a fresh
  worker and never cached, and a harness_error (our fault) is never cached either.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from rl_autoschedular.config import DETERMINISTIC_FAILURES, MeasureConfig
from rl_autoschedular.execution.cache import ResultsCache
from rl_autoschedular.execution.job import Job
from rl_autoschedular.execution.machine import cpu_fingerprint, measurement_identity, mlir_version
from rl_autoschedular.execution.reference import verify_reference
from rl_autoschedular.execution.runner import IsolatedRunner
from rl_autoschedular.execution.schedule import OpFacts, Schedule, build_script
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
    attempts: int = 1  # runs of the job it took: 2 when a timeout or crash was retried
    phase: str | None = None  # of a crash or timeout: "compile" or "run", where the worker died or was stopped
    page_faults: float | None = None  # minor page faults per timed run (0 when the program reuses its memory)

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
        # Only a fill that is the (first) init itself follows the tiles: fusion cannot reach one behind a pad or
        # reshape, and the builder finds it as the producer of the tile loop's first output.
        stores = [a.operand for a in o.accesses if a.role == "store"]
        init = o.operand_producers[stores[0]] if stores and o.operand_producers else None
        fill = init if names.get(init) == "linalg.fill" else None
        facts[o.tag] = OpFacts(o.tag, o.name, tuple(l.kind for l in o.loops), fill, tuple(l.bound for l in o.loops),
                               o.is_dot_product)
    return facts


def compile_schedule(bench: Benchmark, schedule: Schedule) -> tuple[str, str]:
    """The payload (the benchmark after any layout change) and the ONE transform script that schedules it.

    Raises ValueError (or IRError, a ValueError) for a schedule that does not fit the benchmark."""
    payload = to_channels_last(bench.text, schedule.layout_tags())
    return payload, build_script(schedule, op_facts(payload))


@functools.lru_cache(maxsize=1024)
def compute_dtype(text: str) -> str:
    """The least precise float element type among the ops' results ("" if none is a float)."""
    order = ("f16", "f32", "f64")
    found = [o.dtype for o in analyze(text) if o.dtype in order]
    return min(found, key=order.index, default="")


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
        self.config_hash = measurement_identity(config)
        self._refused: dict[str, Measurement] = {}  # ir_hash -> the refusal of a benchmark whose reference failed

    def close(self) -> None:
        self.runner.close()
        self.cache.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _key(self, bench: Benchmark, schedule_key: str):
        # config_hash covers the builder, lowering and verification code and the settings: no stale entry is served.
        return (bench.ir_hash, schedule_key, self.fingerprint, self.mlir_version, self.config.threads,
                self.config_hash)

    def _run(self, job: Job, compile_timeout: float, run_timeout: float) -> dict:
        """Run `job` in the isolated worker; a timeout or crash (perhaps the machine's fault: load, a killed
        process) is retried once in a fresh worker. The result's `attempts` says how many runs it took."""
        for attempt in (1, 2):
            raw = self.runner.run(job, compile_timeout, run_timeout)
            raw["attempts"] = attempt
            if raw["status"] not in ("timeout", "crash"):
                break
        return raw

    def _compile_timeout(self, base: Measurement) -> tuple[float, str]:
        """A schedule's compile timeout (MeasureConfig) from the unscheduled program's apply + lower + JIT time, and
        how it was derived, for the message of a compile that exceeds it."""
        c = self.config
        base_s = (base.apply_ms + base.lower_ms + base.jit_ms) / 1e3  # an ok baseline always has its phase times
        bound = min(c.compile_timeout, max(c.min_compile_timeout, c.compile_timeout_factor * base_s))
        return bound, (f"{c.compile_timeout_factor:g} x the unscheduled compile's {base_s:.2f} s, within "
                       f"[{c.min_compile_timeout:g}, {c.compile_timeout:g}] s")

    def _store(self, key, raw: dict) -> None:
        # Only what the same schedule reproduces: never a timeout or crash (transient) nor a harness_error (ours).
        if raw["status"] == "ok" or raw["status"] in DETERMINISTIC_FAILURES:
            self.cache.put(*key, raw)

    def _reference_path(self, bench: Benchmark) -> Path:
        return self.references / f"{bench.ir_hash}-seed{self.config.seed}.npz"

    def _job(self, bench: Benchmark, script: str | None, write_reference: bool, payload: str | None = None) -> Job:
        return Job(
            text=payload or bench.text, script=script,
            inputs=tuple((s.shape, s.dtype) for s in bench.inputs),
            outputs=tuple((s.shape, s.dtype) for s in bench.outputs),
            seed=self.config.seed, reference_path=str(self._reference_path(bench)),
            reduction_size=reduction_size(bench), timing=self.config.timing, write_reference=write_reference,
            compute_dtype=compute_dtype(bench.text))

    def _result(self, bench: Benchmark, raw: dict, baseline_ns: int | None, cached: bool) -> Measurement:
        fields = {k: raw.get(k) for k in ("status", "message", "time_ns", "cv", "min_ns", "max_ns",
                                          "apply_ms", "lower_ms", "jit_ms", "phase", "page_faults")}
        m = Measurement(name=bench.name, threads=self.config.threads, runs=raw.get("runs", 0) or 0,
                        baseline_ns=baseline_ns, cached=cached, attempts=raw.get("attempts", 1), **fields)
        m.message = m.message or ""
        if m.status != "ok":
            m.time_ns = None
        elif baseline_ns and m.time_ns:
            m.speedup = baseline_ns / m.time_ns
        return m

    def _verified_path(self, bench: Benchmark) -> Path:
        return self.references / f"{bench.ir_hash}-seed{self.config.seed}.verified.json"

    def _check_reference(self, bench: Benchmark, fresh: bool) -> str:
        """'' when the reference outputs of `bench` are verified (now, or by an earlier check under the same code
        and settings, as its marker file records), else why the benchmark is refused, in one line."""
        marker = self._verified_path(bench)
        if not fresh:
            try:
                if json.loads(marker.read_text()).get("identity") == self.config_hash:
                    return ""
            except (OSError, ValueError):  # no marker (or a torn one): check now
                pass
        verdict = verify_reference(self._job(bench, None, write_reference=True), self.config.reference_check,
                                   self.config.compile_timeout + self.config.baseline_run_timeout)
        if not verdict.ok:
            # A refused reference must not look like one to any later run.
            self._reference_path(bench).unlink(missing_ok=True)
            marker.unlink(missing_ok=True)
            return f"reference of {bench.name} {verdict.reason}"
        tmp = marker.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({**verdict.to_json(), "identity": self.config_hash}, indent=1) + "\n")
        os.replace(tmp, marker)
        return ""

    def baseline(self, bench: Benchmark, refresh: bool = False) -> Measurement:
        """The unoptimized program's time; measured once (or again with `refresh`), then served from the cache.

        Its outputs are the reference of every measurement of `bench`, so they are checked once per benchmark and
        seed (`reference.verify_reference`: finite, fully written and, with reference_check "iree", equal to IREE
        llvm-cpu's). A refused benchmark gets a harness_error naming it, is never cached, and is not checked again
        by this Measurer (unless `refresh`)."""
        if refresh:
            self._refused.pop(bench.ir_hash, None)
        elif bench.ir_hash in self._refused:
            return self._refused[bench.ir_hash]
        key = self._key(bench, Schedule().canonical())
        raw = None if refresh else self.cache.get(*key)
        cached = raw is not None and self._reference_path(bench).exists()
        if not cached:
            raw = self._run(self._job(bench, None, write_reference=True), self.config.compile_timeout,
                            self.config.baseline_run_timeout)
        if raw["status"] == "ok":
            reason = self._check_reference(bench, fresh=not cached)
            if reason:
                # harness_error: neither the schedule's fault nor a result to learn from (penalty 0, dropped).
                self._refused[bench.ir_hash] = self._result(bench, {"status": "harness_error", "message": reason},
                                                            None, cached=False)
                return self._refused[bench.ir_hash]
            if not cached:  # a failed baseline is retried next time, never served from the cache
                self.cache.put(*key, raw)
        # The baseline is its own reference: _result computes its speedup from the measured times (exactly 1).
        return self._result(bench, raw, raw.get("time_ns") if raw.get("status") == "ok" else None, cached)

    def reference(self, bench: Benchmark) -> list[np.ndarray]:
        """The verified reference outputs of `bench` on the seeded inputs (`job.random_inputs(specs, seed)`);
        measures its baseline first. Raises RuntimeError with the baseline's message if it failed."""
        base = self.baseline(bench)
        if base.status != "ok":
            raise RuntimeError(base.message)
        with np.load(self._reference_path(bench)) as data:
            return [data[f"arr_{i}"] for i in range(len(bench.outputs))]

    def measure(self, bench: Benchmark, schedule: Schedule | str, refresh: bool = False) -> Measurement:
        """Measure `bench` under a Schedule or a raw transform script text (again, with `refresh`, even if cached).
        Never raises for what the schedule does: failures come back as a Measurement with a failure status."""
        base = self.baseline(bench)
        if base.status != "ok":
            return Measurement(bench.name, base.status, f"baseline failed: {base.message}",
                               threads=self.config.threads, attempts=base.attempts)
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
                self._store(key, raw)
                return self._result(bench, raw, base.time_ns, cached=False)
        else:
            script = schedule
        t = self.config.timing
        run_timeout = max(self.config.min_run_timeout,
                          self.config.run_timeout_factor * base.time_ns / 1e9 * (1 + t.warmup + t.min_runs))
        compile_timeout, why = self._compile_timeout(base)
        raw = self._run(self._job(bench, script, write_reference=False, payload=payload), compile_timeout,
                        run_timeout)
        if raw["status"] == "timeout" and raw.get("phase") == "compile":
            raw["message"] += f" ({why})"
        self._store(key, raw)
        return self._result(bench, raw, base.time_ns, cached=False)
