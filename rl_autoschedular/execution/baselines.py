"""Baseline times in a dataset's manifest, per machine fingerprint and thread count."""

from __future__ import annotations

import json
import os
from pathlib import Path

from rl_autoschedular.execution.machine import cpu_fingerprint
from rl_autoschedular.ir.benchmarks import MANIFEST, BenchmarkError


def write_baselines(dataset: str | Path, results, threads: int) -> Path:
    """Store measured baselines (pairs of Benchmark and baseline Measurement) in `dataset`/manifest.json under
    this machine's fingerprint, replacing the file atomically."""
    manifest = Path(dataset) / MANIFEST
    if not manifest.is_file():
        raise BenchmarkError(manifest, "no manifest to write baselines into",
                             "--update-baselines needs a dataset folder with a manifest.json")
    data = json.loads(manifest.read_text())
    by_name = {bench.name: m for bench, m in results}
    fingerprint = cpu_fingerprint()
    for entry in data["benchmarks"]:
        m = by_name.get(entry["name"])
        if m is not None and m.status == "ok":
            entry.setdefault("baselines", {}).setdefault(fingerprint, {})[str(threads)] = m.time_ns
    tmp = manifest.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n")
    os.replace(tmp, manifest)
    return manifest
