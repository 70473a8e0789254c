"""Writing a benchmark dataset: `.mlir` files deduplicated by structural hash, each checked to load, plus
`manifest.json`; and the check that measures every written file's baseline, verified.

Shared by the dataset generators (`nn_to_mlir.py`, `random_mlir_gen.py`, `lqcd_gen.py`).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from tqdm import tqdm

from data_generation import nn_extract
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import MANIFEST_VERSION, BenchmarkError, load_benchmark


def flops(text: str) -> int:
    """Iteration points times arithmetic ops of the body, summed over the linalg ops (2MNK for a matmul; 0 for
    fills, transposes and broadcasts, which only move data)."""
    total = 0
    for info in analyze(text):
        points = 1
        for loop in info.loops:
            points *= loop.bound
        total += points * sum(info.arith_counts.values())
    return total


class Writer:
    """Writes deduplicated benchmarks and collects their manifest entries."""

    def __init__(self, out: Path):
        self.out, self.entries, self.by_hash = out, [], {}
        out.mkdir(parents=True, exist_ok=True)

    def add(self, name: str, family: str, text: str, source: dict) -> str:
        """Write `text` unless a structurally equal one was written; return "new", "duplicate" or the reason the
        file does not load (then nothing is written)."""
        digest = nn_extract.structural_hash(text)
        if digest in self.by_hash:
            self.by_hash[digest].setdefault("also", []).append(source)
            return "duplicate"
        path = self.out / f"{name}.mlir"
        path.write_text(text)
        try:
            bench = load_benchmark(path)
        except BenchmarkError as err:
            path.unlink()
            return str(err).split(": ", 1)[1]
        ops = [info.name for info in analyze(bench.text)]
        entry = {"name": name, "file": path.name, "family": family, "ops": ops, "flops": flops(bench.text),
                 "source": source, "baselines": {}}
        self.entries.append(entry)
        self.by_hash[digest] = entry
        return "new"

    def finish(self) -> None:
        (self.out / "manifest.json").write_text(
            json.dumps({"version": MANIFEST_VERSION, "benchmarks": self.entries}, indent=1) + "\n")


def check(out: Path, entries: list[dict], cache_dir: Path | None, config=None) -> list[tuple[str, str]]:
    """Load every written file and measure its baseline (the reference is checked against IREE); return the
    failures as (file, reason)."""
    from rl_autoschedular.config import MeasureConfig
    from rl_autoschedular.execution.measure import Measurer

    failures = []
    with tempfile.TemporaryDirectory() as tmp, Measurer(cache_dir or Path(tmp), config or MeasureConfig()) as m:
        for entry in tqdm(entries, desc="check", unit="file"):
            try:
                result = m.baseline(load_benchmark(out / entry["file"], entry["name"]))
                if not result.verified:
                    failures.append((entry["file"], f"{result.status}: {result.message}"))
            except BenchmarkError as err:
                failures.append((entry["file"], str(err)))
    return failures
