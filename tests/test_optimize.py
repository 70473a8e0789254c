"""`bin/optimize.py`: a user's file optimized with a trained policy; the schedule replays with stock mlir-opt, the
report holds verified whole-program and per-op times beside IREE and PyTorch, and bad input is one error line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import DATA, FAST, ROOT, mlir_opt_replay

from rl_autoschedular.cli import DEFAULT_CHECKPOINT
from rl_autoschedular.config import TimingConfig
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import load_benchmark

BENCH = DATA / "matmul_bias_relu_256x512x512.mlir"  # listed in data/test/manifest.json with a PyTorch description


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    """The checkpoint of the smallest real training run: one PPO iteration of two episodes with the proxy reward
    (nothing executes), written by the trainer itself. Its measure settings are the fast ones of the other tests."""
    from rl_autoschedular.agent.trainer import Trainer
    from rl_autoschedular.config import RunConfig

    run = tmp_path_factory.mktemp("run")
    cfg = RunConfig.model_validate({
        "name": "tiny", "iterations": 1, "device": "cpu", "env": {"reward_mode": "proxy"},
        "measure": FAST.model_dump(), "model": {"hidden": 16}, "tracking": {"backends": ["jsonl"]},
        "ppo": {"episodes_per_iteration": 2, "minibatch_size": 8, "update_epochs": 1}})
    Trainer(cfg, run, None, benchmarks=([load_benchmark(BENCH)], [])).train()
    return run / "checkpoints" / "ckpt_000001.pt"


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


def _optimize(*args):
    return subprocess.run([sys.executable, str(ROOT / "bin" / "optimize.py"), *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


def _run(path, out, checkpoint, cache, *extra) -> tuple[subprocess.CompletedProcess, dict]:
    done = _optimize(path, "--checkpoint", checkpoint, "--out", out, "--cache-dir", cache, *extra)
    assert done.returncode == 0, done.stderr[-3000:]
    return done, json.loads((out / "report.json").read_text())


@pytest.fixture(scope="module")
def listed(checkpoint, cache, tmp_path_factory):
    """The greedy schedule of the manifest's file."""
    out = tmp_path_factory.mktemp("listed")
    return (out, *_run(BENCH, out, checkpoint, cache))


def _assert_verified_ratio(row):
    assert row["verified"] and row["threads"] == 1, row
    assert row["baseline_ms"] > 0 and row["optimized_ms"] > 0
    assert row["speedup"] == pytest.approx(row["baseline_ms"] / row["optimized_ms"])


def test_writes_the_schedule_the_optimized_ir_and_a_verified_report(listed):
    out, done, report = listed
    assert all((out / f).is_file() for f in ("schedule.mlir", "optimized.mlir", "payload.mlir", "report.json"))
    assert report["search"] == 1 and report["measurements"] == 1 and report["greedy"]["threads"] == 1
    whole = report["whole_program"]
    _assert_verified_ratio(whole)
    assert whole["baseline"]["status"] == "ok" and whole["optimized"]["threads"] == 1
    # Timed like a figure of record (5 runs at least, 0.3 s of them), not with the checkpoint's training timing:
    # 3 runs of the 157 ms baseline, 10 at most of the millisecond program.
    assert whole["baseline"]["runs"] >= TimingConfig().min_runs > FAST.timing.min_runs, whole
    assert whole["optimized"]["runs"] > FAST.timing.max_runs, whole
    ops = [(o.tag, o.name) for o in analyze(load_benchmark(BENCH).text) if o.name != "linalg.fill"]
    assert [(r["tag"], r["op"]) for r in report["ops"]] == ops  # matmul, bias add + relu (merged at load)
    assert len(ops) == 2
    for row in report["ops"]:  # each timed alone: unscheduled, then with its part of the schedule
        assert row["baseline_ms"] > 0 and row["threads"] == 1
        if row["verified"]:
            _assert_verified_ratio(row)
        else:  # that op's part, cut off from its neighbours, failed alone: the row says how
            assert row["status"] != "ok" and row["note"], row
    iree = report["external"]["iree"]
    assert iree["executor"] == "IREE llvm-cpu" and iree["verified"] and iree["threads"] == 1, iree
    assert iree["timing"]["median_ms"] > 0
    (eager, *_) = report["external"]["pytorch"]
    assert eager["executor"] == "PyTorch eager" and eager["verified"] and eager["timing"]["median_ms"] > 0, eager
    for label in ("whole program", "op_1 linalg.matmul", "IREE llvm-cpu", "PyTorch eager"):
        assert label in done.stdout


def test_the_schedule_replays_with_mlir_opt_to_the_optimized_ir(listed, tmp_path):
    from mlir import ir

    out, _, report = listed
    replayed, in_process = mlir_opt_replay(tmp_path, (out / "payload.mlir").read_text(),
                                           (out / "schedule.mlir").read_text())
    optimized = str(ir.Module.parse((out / "optimized.mlir").read_text(), ir.Context()))
    assert replayed == in_process == optimized
    if report["schedule"]:  # the policy scheduled something: the IR is not the payload any more
        assert optimized != str(ir.Module.parse((out / "payload.mlir").read_text(), ir.Context()))
    # the command that wrote optimized.mlir, with the pinned mlir-opt: the one to replay it with
    assert "/mlir-opt " in report["replay"]
    assert report["replay"].endswith(f"--transform-interpreter -o {out / 'optimized.mlir'}")


def test_a_bare_file_has_no_pytorch_baseline_and_search_keeps_the_best(checkpoint, cache, tmp_path):
    mine = tmp_path / "mine.mlir"
    shutil.copy(BENCH, mine)  # the same program, but no manifest describes it
    _, report = _run(mine, tmp_path / "out", checkpoint, cache, "--search", "3")
    (eager,) = report["external"]["pytorch"]
    assert eager["timing"] is None and eager["message"].startswith("no PyTorch baseline")
    assert report["external"]["iree"]["verified"]
    assert report["measurements"] == 3  # the greedy schedule and two other distinct ones sampled from the policy
    whole = report["whole_program"]
    _assert_verified_ratio(whole)
    greedy = report["greedy"]
    if greedy["verified"]:  # the best of the three is kept: never worse than the greedy one
        assert whole["speedup"] >= greedy["speedup"]
    assert whole["speedup"] == 1.0 or report["schedule"]  # a schedule that kept nothing is the program unchanged


def test_rank_measures_only_what_the_cost_model_ranks_first(checkpoint, cache, tmp_path):
    done, report = _run(BENCH, tmp_path / "out", checkpoint, cache, "--search", "2", "--rank", "12")
    assert report["measurements"] == 2 and report["ranked_from"] == 12 and report["greedy"] is None
    assert "ranked first among 12 drawn" in done.stdout
    _assert_verified_ratio(report["whole_program"])
    bad = _optimize(BENCH, "--out", tmp_path / "o2", "--search", "4", "--rank", "2")
    assert bad.returncode == 2 and "--rank 2" in bad.stderr
    bad = _optimize(BENCH, "--out", tmp_path / "o3", "--rank", "4", "--cost-model", tmp_path / "none.pt")
    assert bad.returncode == 2 and "no such cost model" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("name,text,message", [
    ("missing.mlir", None, "file not found"),
    ("broken.mlir", "func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {\n  %r = linalg.nope\n}\n",
     "does not parse"),
    ("dynamic.mlir", "func.func @main(%a: tensor<?xf32>) -> tensor<?xf32> {\n  return %a : tensor<?xf32>\n}\n",
     "dynamic dimension"),
])
def test_bad_input_is_one_error_line(checkpoint, tmp_path, name, text, message):
    path = tmp_path / name
    if text is not None:
        path.write_text(text)
    done = _optimize(path, "--checkpoint", checkpoint, "--out", tmp_path / "out")
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {path}: ") and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1  # no traceback
    assert not (tmp_path / "out").exists()


def test_a_bad_checkpoint_is_one_error_line(tmp_path):
    bad = tmp_path / "ckpt.pt"
    bad.write_text("not a checkpoint")
    done = _optimize(BENCH, "--checkpoint", bad, "--out", tmp_path / "out")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith(f"error: {bad}: not a usable checkpoint")


def test_a_checkpoint_of_another_observation_layout_is_one_error_line(tmp_path):
    """A policy trained before the observation changed no longer fits: one line that says so and what to do, not
    torch's list of mismatched tensors."""
    import torch

    ckpt = torch.load(DEFAULT_CHECKPOINT, weights_only=True)
    first = next(k for k, v in ckpt["model"].items() if v.dim() == 2)
    ckpt["model"][first] = ckpt["model"][first][:, :-1]  # one observation feature fewer
    old = tmp_path / "old.pt"
    torch.save(ckpt, old)
    done = _optimize(BENCH, "--checkpoint", old, "--out", tmp_path / "out")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "trained on another observation layout" in done.stderr and "retrain it" in done.stderr


def test_the_shipped_policy_fits_the_env_it_is_used_with():
    """data/pretrained/policy.pt is bin/optimize.py's default: a change of the action space or the observation that
    it no longer fits must fail here, not in a user's hands. One greedy episode in proxy mode (nothing measured)."""
    import torch

    from rl_autoschedular.agent.inference import load_policy
    from rl_autoschedular.agent.trainer import play
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
    from rl_autoschedular.ir.benchmarks import load_benchmark

    policy, cfg, ckpt = load_policy(DEFAULT_CHECKPOINT)
    assert ckpt["iteration"] > 0
    env = MlirSchedulingEnv([load_benchmark(BENCH)], None, cfg.env.model_copy(update={"reward_mode": "proxy"}))
    # the policy reads the env's observations and its actions decode under the env's masks, op after op
    steps, (info,), _ = play(policy, torch.device("cpu"), [env], [env.benches[0].bench.name], greedy=True)
    assert env.done and not info.get("invalid_action") and len(steps[0]) >= len(env.benches[0].order)


# LLaMA's up-projection: 688 hidden units, a size no training benchmark has.
LLAMA_UP = """
func.func @main(%x: tensor<32x256xf32>, %w: tensor<256x688xf32>) -> tensor<32x688xf32> {
  %zero = arith.constant 0.000000e+00 : f32
  %o = tensor.empty() : tensor<32x688xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%o : tensor<32x688xf32>) -> tensor<32x688xf32>
  %y = linalg.matmul ins(%x, %w : tensor<32x256xf32>, tensor<256x688xf32>)
      outs(%acc : tensor<32x688xf32>) -> tensor<32x688xf32>
  return %y : tensor<32x688xf32>
}
"""


def test_the_shipped_policy_plays_the_prior_on_shapes_it_never_trained_on(tmp_path):
    """Where training taught it nothing, the shipped policy must not depart from the prior: the one it replaced
    took register tiles 4 wide instead of the prior's 16 on this matmul (1.27 against 0.53 ms on LLaMA's MLP).
    Both schedules are played in proxy mode (nothing measured)."""
    import torch

    from rl_autoschedular.agent.inference import load_policy
    from rl_autoschedular.agent.trainer import play
    from rl_autoschedular.env.prior import HeuristicPrior
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv

    path = tmp_path / "llama_up.mlir"
    path.write_text(LLAMA_UP)
    policy, cfg, _ = load_policy(DEFAULT_CHECKPOINT)
    bench = load_benchmark(path)
    envs = [MlirSchedulingEnv([bench], None, cfg.env.model_copy(update={"reward_mode": "proxy"})) for _ in range(2)]
    play(policy, torch.device("cpu"), envs[:1], [bench.name], greedy=True)
    play(policy, torch.device("cpu"), envs[1:], [bench.name], greedy=True, prior=HeuristicPrior(1), guided=[True])
    ours, prior = (json.loads(e.schedule().canonical()) for e in envs)
    assert ours == prior
    # The prior's register tile: 4 rows by all 16 columns (two AVX2 vectors), or 8 rows by one AVX-512 vector.
    assert any(a.get("sizes") in ([4, 0, 1], [8, 0, 1]) for op in prior for a in op["actions"]), prior



def test_per_op_rows_cut_a_relaid_producer_from_the_relaid_program(tmp_path):
    """The bias broadcast before a conv that changes layout is NHWC in the program the agent scheduled: its tile
    (0, 1, 1, 16) splits the 64 channels. Cut out of the NCHW original, the same tile split the 56 columns and
    failed to vectorize, so optimize.py reported a transform_error for a schedule whose whole program verified."""
    from rl_autoschedular.commands.optimize import _op_rows
    from rl_autoschedular.execution.measure import Measurer
    from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule

    bench = load_benchmark(ROOT / "data" / "families" / "conv2d_bias_relu_nchw_64x56x56_k3.mlir")
    schedule = Schedule((
        OpSchedule("op_1", (Action("layout"), Action("tile", (0, 1, 0, 0, 0, 0, 0)),
                            Action("tile", (0, 0, 4, 16, 1, 1, 1)), Action("vectorize"))),
        OpSchedule("op_0", (Action("tile", (0, 1, 1, 16)), Action("vectorize")))))
    with Measurer(tmp_path / "cache", FAST) as m:
        assert m.measure(bench, schedule).verified
        rows = {r["tag"]: r for r in _op_rows(m, bench, schedule, {})}
    assert sorted(rows) == ["op_0", "op_1", "op_2"]  # no row for the transposes the layout change adds
    assert rows["op_0"]["verified"] and rows["op_1"]["verified"], rows


def test_agent_search_measures_each_schedule_once(tmp_path):
    """A trained policy samples the same schedule again and again (the shipped one, on this matmul, only its greedy
    schedule). Agent-guided search draws episodes without measuring, measures each distinct schedule once, and
    fills the rest of its budget from flatter draws: every measurement is a new schedule, so the results cache
    grows by one row per measurement (plus the baseline's), and the whole budget is spent."""
    from rl_autoschedular.agent.inference import agent_search, load_policy
    from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
    from rl_autoschedular.execution.measure import Measurer

    policy, cfg, _ = load_policy(DEFAULT_CHECKPOINT)
    bench = load_benchmark(DATA / "matmul_128x768x768.mlir")
    with Measurer(tmp_path / "cache", FAST) as m:
        env = MlirSchedulingEnv([bench], m, cfg.env)
        best, greedy, _ = agent_search(policy, env, bench.name, 6)
        rows = len(m.cache)
    assert greedy is not None and best.best is not None
    assert best.measurements == 6 and rows == 7, (best.measurements, rows)
