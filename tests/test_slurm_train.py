"""`sbatch scripts/train.sh` on the project's real single-node Slurm: a job cancelled mid-training resumes from its
checkpoint when resubmitted, and the resubmitted job completes the run."""

from __future__ import annotations

import json
import subprocess
import time

import pytest
from conftest import ROOT
from conftest import squeue as _squeue

pytestmark = pytest.mark.slurm


def _config(tmp_path, iterations):
    cfg = {"name": "slurmtiny", "iterations": iterations, "eval_every": iterations, "checkpoint_every": 1,
           "results_dir": str(tmp_path / "results"), "cache_dir": str(tmp_path / "cache"),
           "data": {"dataset": str(ROOT / "data" / "test"), "train": ["relu_1x256x28x28"],
                    "eval": ["add_1x128x768"]},
           "measure": {"timing": {"warmup": 1, "min_runs": 3, "max_runs": 10, "target_seconds": 0.02}},
           "ppo": {"episodes_per_iteration": 2, "minibatch_size": 8, "update_epochs": 1},
           "tracking": {"backends": ["jsonl"]}}
    path = tmp_path / "config.json"
    path.write_text(json.dumps(cfg))
    return path, tmp_path / "results" / "run_slurmtiny"


def _sbatch(config) -> str:
    out = subprocess.run(["sbatch", "--parsable", "scripts/train.sh", str(config)], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return out.stdout.strip().split(";")[0]


def _wait_gone(job: str, timeout: float = 600) -> None:
    deadline = time.time() + timeout
    while any(line.split()[0] == job for line in _squeue()) and time.time() < deadline:
        time.sleep(1)
    assert not any(line.split()[0] == job for line in _squeue()), f"job {job} still queued"


def _iterations(run_dir):
    return [json.loads(line)["iteration"] for line in (run_dir / "metrics.jsonl").read_text().splitlines()]


def test_cancelled_job_resumes_when_resubmitted(slurm, tmp_path):
    # 12 iterations, cancelled after the second: with 5, the job once finished its last three (on cached
    # measurements) between the checkpoint and the cancel taking effect.
    iterations = 12
    config, run_dir = _config(tmp_path, iterations)
    last = run_dir / "checkpoints" / f"ckpt_{iterations:06d}.pt"
    job = _sbatch(config)
    deadline = time.time() + 600
    while not (run_dir / "checkpoints" / "ckpt_000002.pt").exists() and time.time() < deadline:
        time.sleep(0.1)
    subprocess.run(["scancel", job], check=True)
    _wait_gone(job)
    assert not last.exists()
    again = _sbatch(config)
    _wait_gone(again)
    log = (ROOT / "logs" / f"train-{again}.out").read_text()
    assert "resumed" in log and "done:" in log, log[-3000:]
    assert _iterations(run_dir) == list(range(1, iterations + 1))
    assert last.exists()
    assert _squeue() == []
