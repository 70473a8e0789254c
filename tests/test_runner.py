"""The isolated runner's protocol, on the real worker process: messages that arrive together are each received at
once (none waits in a read-ahead buffer until the run timeout), and an exception in our own code in the worker is a
harness_error with its traceback logged, never a crash charged to the program."""

from __future__ import annotations

import logging
import time

import pytest
from conftest import FAST

from rl_autoschedular.execution.job import Job
from rl_autoschedular.execution.runner import IsolatedRunner

ADD = """
func.func @main(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {
  %e = tensor.empty() : tensor<8xf32>
  %r = linalg.add ins(%a, %b : tensor<8xf32>, tensor<8xf32>) outs(%e : tensor<8xf32>) -> tensor<8xf32>
  return %r : tensor<8xf32>
}
"""


def tiny_job(reference, write_reference: bool, input_dtype: str = "f32") -> Job:
    """The 8-element add, timed with the fast settings; it writes or checks the reference at `reference`."""
    return Job(text=ADD, script=None, inputs=(((8,), input_dtype), ((8,), "f32")), outputs=(((8,), "f32"),),
               seed=0, reference_path=str(reference), reduction_size=1, timing=FAST.timing,
               write_reference=write_reference)


def test_messages_sent_together_are_received_promptly(tmp_path):
    job = tiny_job(tmp_path / "ref.npz", write_reference=True)
    with IsolatedRunner() as runner:
        start = time.monotonic()
        result = runner.run(job, compile_timeout=60.0, run_timeout=30.0)
        assert result["status"] == "ok", result
        assert time.monotonic() - start < 30.0
        # The worker answers "compiled", then "done" a moment later; read neither until both are there.
        runner._send(job)
        time.sleep(2.0)
        start = time.monotonic()
        assert runner._recv(10.0)[0] == "compiled"
        kind, result = runner._recv(10.0)
        assert (kind, result["status"]) == ("done", "ok")
        assert time.monotonic() - start < 1.0


@pytest.mark.parametrize("input_dtype,needle", [
    ("f32", "FileNotFoundError"),  # no reference outputs to compare with
    ("bf17", "KeyError"),          # a bug of ours: inputs of a dtype random_inputs does not know
])
def test_exception_in_our_code_is_a_harness_error(tmp_path, caplog, input_dtype, needle):
    job = tiny_job(tmp_path / "missing.npz", write_reference=False, input_dtype=input_dtype)
    with IsolatedRunner() as runner, caplog.at_level(logging.ERROR, logger="rl_autoschedular.execution"):
        result = runner.run(job, compile_timeout=60.0, run_timeout=30.0)
        assert result["status"] == "harness_error", result
        assert needle in result["message"] and "\n" not in result["message"]
        assert "traceback" not in result
        logged = [r for r in caplog.records if r.name == "rl_autoschedular.execution"]
        assert logged and "Traceback (most recent call last)" in logged[-1].getMessage()
        # The worker survived: the next job is served by the same process.
        pid = runner._proc.pid
        assert runner.run(tiny_job(tmp_path / "ref.npz", write_reference=True), 60.0, 30.0)["status"] == "ok"
        assert runner._proc.pid == pid
