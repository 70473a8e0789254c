"""The Gymnasium env: contract, masks from the ops' real structure, rewards, and schedules that replay."""

from __future__ import annotations

import math
import subprocess
import sys
from collections import Counter

import numpy as np
import pytest
from conftest import DATA, ROOT, mlir_opt_replay
from gymnasium.utils.env_checker import check_env

from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.actions import ACTION_TYPES, IM2COL_OPS, OpState, advance, can_vectorize, decode, masks
from rl_autoschedular.env.observation import observation_layout, op_feature_layout
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.env.search import make_action, sample_action
from rl_autoschedular.env.wrappers import MeasurementStatistics
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.execution.schedule import Action, OpSchedule, Schedule
from rl_autoschedular.ir.analysis import analyze
from rl_autoschedular.ir.benchmarks import load_benchmark, load_dataset
from rl_autoschedular.ir.op_info import LAYOUT_OPS

T = {t: i for i, t in enumerate(ACTION_TYPES)}
SUITE = load_dataset(DATA)


def _bench(name):
    return next(b for b in SUITE if b.name == name)


@pytest.mark.parametrize("reward_mode", ["final", "immediate", "proxy"])
def test_check_env_passes_in_every_reward_mode(tmp_path, fast_config, reward_mode):
    if reward_mode == "proxy":
        check_env(MlirSchedulingEnv(SUITE, None, EnvConfig(reward_mode="proxy")), skip_render_check=True)
        return
    # A two-op benchmark, so that `immediate` measures in the middle of the episode too.
    with Measurer(tmp_path, fast_config) as m:
        env = MlirSchedulingEnv([_bench("linear_128x768x768")], m, EnvConfig(reward_mode=reward_mode))
        check_env(env, skip_render_check=True)


def test_step_outside_an_episode_is_a_clear_error():
    env = MlirSchedulingEnv([_bench("relu_128x3072")], None, EnvConfig(reward_mode="proxy"))
    with pytest.raises(RuntimeError, match="call reset"):
        env.step(make_action(env))
    env.reset()
    _, _, done, _, _ = env.step(make_action(env))
    assert done
    with pytest.raises(RuntimeError, match="episode is over; call reset"):
        env.step(make_action(env))
    env.reset()  # and a new episode goes on as usual
    assert not env.done


def test_mask_is_in_info_and_in_the_observation():
    env = MlirSchedulingEnv(SUITE, None, EnvConfig(reward_mode="proxy"))
    obs, info = env.reset(seed=3)
    assert (obs[observation_layout(env.cfg)["action_mask"]] == info["action_mask"]).all()
    assert info["action_mask"].sum() > 0


@pytest.mark.parametrize("interchange_mode", ["pointers", "swaps"])
def test_structure_masks_over_every_bundled_op(interchange_mode):
    cfg = EnvConfig(reward_mode="proxy", interchange_mode=interchange_mode)
    env = MlirSchedulingEnv(SUITE, None, cfg)
    checked = 0
    for b in env.benches:
        for tag in b.order:
            info = b.infos[tag]
            env.reset(options={"benchmark": b.bench.name})
            st = OpState.start(info, b.fusible_producer(tag))
            comp = masks(cfg, st, 0)
            types = comp[0]
            assert types[T["IM2COL"]] == (info.name in IM2COL_OPS)
            assert types[T["L"]] == (info.name in LAYOUT_OPS)
            # FLAT where the loops collapse (the add and relu benchmarks), never on a reduction or a broadcast.
            if b.bench.family in ("add", "relu"):
                assert types[T["FLAT"]], tag
            if any(l.kind == "reduction" for l in info.loops) or any(
                    a.matrix and len(a.matrix) < len(info.loops) for a in info.accesses):
                assert not types[T["FLAT"]], tag
            assert types[T["TPF"]] == (st.producer is not None)
            assert types[T["NT"]]
            for i, loop in enumerate(info.loops):
                for k in np.flatnonzero(comp[1 + i]):
                    size = cfg.size_choices[k]
                    assert size == 0 or (size < loop.bound and loop.bound % size == 0), (tag, loop, size)
            # The last decision of an op must end it.
            last = masks(cfg, st, cfg.max_steps_per_op - 1)[0]
            assert set(np.flatnonzero(last)) <= {T["V"], T["NT"]}
            checked += 1
    assert checked >= 30


def test_tp_at_most_once_and_v_under_the_size_limit():
    env = MlirSchedulingEnv([_bench("matmul_512x512x512")], None, EnvConfig(reward_mode="proxy"))
    _, info = env.reset()
    assert not env.current_masks()[0][T["V"]]  # 512^3 points > vector_limit
    env.step(make_action(env, "TP", (64, 128, 0)))
    assert not env.current_masks()[0][T["TP"]]
    assert not env.current_masks()[0][T["V"]]  # 64*128*512 still too big
    env.step(make_action(env, "T", (8, 32, 1)))
    assert env.current_masks()[0][T["V"]]


def test_no_v_for_a_single_point_tile():
    """A 1x1x1 register tile is no vector: V there made a GELU run 6x slower than its untiled loops."""
    env = MlirSchedulingEnv([_bench("add_1x128x768")], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    env.step(make_action(env, "T", (0, 1, 128)))
    assert env.current_masks()[0][T["V"]]  # 128 points
    env.step(make_action(env, "T", (0, 0, 1)))
    assert env.episode.op.bounds == [1, 1, 1] and not env.current_masks()[0][T["V"]]


def test_v_of_a_transposing_tile_is_bounded():
    """An interchanged tile of attention's rank-5 head split transposes its vectors, element by element: 2048
    points compiled past the 10 s limit, so V needs 256 at most there. Not interchanged, the head dim stays
    innermost on both sides and 2048 points are fine."""
    bench = load_benchmark(ROOT / "data" / "train" / "bert_block_block20_2ops.mlir")
    env = MlirSchedulingEnv([bench], None, EnvConfig(reward_mode="proxy"))
    for sizes, interchange, allowed in [((1, 0, 1, 0, 32), True, False), ((1, 0, 1, 16, 16), True, True),
                                        ((1, 0, 1, 0, 32), False, True)]:
        env.reset()
        assert env.episode.op.name == "linalg.transpose"
        assert not env.step(make_action(env, "TP", sizes))[4].get("invalid_action")
        if interchange:
            assert not env.step(make_action(env, "I", (), (0, 3, 4, 1, 2)))[4].get("invalid_action")
        assert env.current_masks()[0][T["V"]] == allowed, (sizes, interchange)


def test_p_packs_the_vector_operand_of_a_tiled_contraction_once():
    env = MlirSchedulingEnv([_bench("matmul_bias_relu_256x512x512")], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    assert not env.current_masks()[0][T["P"]]  # bias + relu (one generic since load): no reduction
    env.step(make_action(env, "NT"))
    assert env.unwrapped.episode.op.name == "linalg.matmul"
    assert not env.current_masks()[0][T["P"]]  # not tiled yet: nothing to copy per tile
    env.step(make_action(env, "T", (0, 64, 256)))
    assert env.current_masks()[0][T["P"]]
    env.step(make_action(env, "P"))
    # B[k, n] follows the innermost parallel loop n; A[m, k] and the init are left alone.
    assert env.unwrapped.episode.op.actions[-1].sizes == (0, 1, 0)
    assert not env.current_masks()[0][T["P"]]


def test_conv_v_needs_unit_window_rows():
    env = MlirSchedulingEnv([_bench("conv2d_nhwc_64x56x56_k3")], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    env.step(make_action(env, "T", (0, 0, 8, 32, 0, 0, 1)))  # (n, oh, ow, f, kh, kw, c): oh and kh still whole
    assert not env.current_masks()[0][T["V"]]


def test_level_pointers_always_give_a_permutation():
    env = MlirSchedulingEnv(SUITE, None, EnvConfig(reward_mode="proxy"))
    rng = np.random.default_rng(0)
    seen = 0
    for episode in range(60):
        env.reset(seed=episode)
        done = False
        while not done:
            a = sample_action(env, rng)
            st = env.episode.op
            kind, action, error = decode(env.cfg, st, a, env.current_masks())
            assert not error, error
            if kind == "I":
                assert sorted(action.perm) == list(range(st.n_loops))
                seen += 1
            _, _, done, _, info = env.step(a)
            assert "invalid_action" not in info
    assert seen > 10
    # Pointers that repeat a loop break the rule: a penalty, and the op ends untouched.
    env = MlirSchedulingEnv([_bench("matmul_512x512x512")], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    _, reward, _, _, info = env.step(make_action(env, "I", perm=(0, 0, 1)))
    assert "not a permutation" in info["invalid_action"] and reward == env.cfg.penalties["invalid_action"]


@pytest.mark.slow
def test_random_rollouts_over_every_bundled_benchmark(bundled_cache, fast_config):
    """A random episode per benchmark, measured: each ends verified or with a failure status, none is lost."""
    statuses = {}
    with Measurer(bundled_cache, fast_config) as m:
        env = MlirSchedulingEnv(SUITE, m, EnvConfig())
        rng = np.random.default_rng(1)
        for b in env.benches:
            env.reset(options={"benchmark": b.bench.name})
            done, rewards = False, []
            while not done:
                _, r, done, truncated, info = env.step(sample_action(env, rng))
                rewards.append(r)
                assert not truncated
            assert all(r == 0 for r in rewards[:-1])
            if info["verified"]:
                assert rewards[-1] == pytest.approx(math.log(info["speedup"]))
            else:
                assert rewards[-1] == env.cfg.penalties[info["status"]] < 0
            statuses[b.bench.name] = info["status"]
    assert len(statuses) == len(SUITE)
    assert set(statuses.values()) <= {"ok", "transform_error", "compile_error", "crash", "timeout", "wrong_output"}
    assert sum(s == "ok" for s in statuses.values()) >= 0.8 * len(statuses)


def test_expert_matmul_as_env_actions(tmp_path, fast_config):
    with Measurer(tmp_path, fast_config) as m:
        env = MlirSchedulingEnv([_bench("matmul_512x512x512")], m, EnvConfig())
        env.reset()
        for a in (make_action(env, "T", (64, 128, 0)), make_action(env, "T", (8, 32, 1)), make_action(env, "V")):
            _, reward, done, _, info = env.step(a)
    assert done and info["verified"] and info["speedup"] > 5
    assert reward == pytest.approx(math.log(info["speedup"]))


def test_expert_nchw_conv_with_layout_first_replays(tmp_path, fast_config):
    bench = _bench("conv2d_nchw_64x56x56_k3")
    with Measurer(tmp_path, fast_config) as m:
        env = MlirSchedulingEnv([bench], m, EnvConfig())
        env.reset()
        env.step(make_action(env, "L"))
        assert env.episode.op.name == "linalg.conv_2d_nhwc_hwcf"
        for a in (make_action(env, "T", (0, 1, 0, 0, 0, 0, 0)), make_action(env, "T", (0, 0, 8, 32, 1, 1, 1)),
                  make_action(env, "V")):
            _, _, done, _, info = env.step(a)
        assert done and info["verified"] and info["speedup"] > 5, info
        payload, script = env.schedule_files()
        # The same schedule replays through the measurement CLI (as JSON) ...
        sched = tmp_path / "s.json"
        sched.write_text(info["schedule"])
        out = subprocess.run([sys.executable, "bin/measure.py", str(bench.path), "--schedule", str(sched),
                              "--json", "--cache-dir", str(tmp_path)], capture_output=True, text=True,
                             cwd=DATA.parent.parent)
        assert out.returncode == 0, out.stderr
        assert '"verified": true' in out.stdout
    # ... and its script through stock mlir-opt, on the payload, to the same IR as in-process application.
    replay, in_process = mlir_opt_replay(tmp_path, payload, script)
    assert replay == in_process


def test_immediate_rewards_add_up_to_the_final_log_speedup(tmp_path, fast_config):
    bench = _bench("matmul_bias_relu_256x512x512")
    with Measurer(tmp_path, fast_config) as m:
        env = MeasurementStatistics(MlirSchedulingEnv([bench], m, EnvConfig(reward_mode="immediate")))
        env.reset()
        rewards = []
        # bias + relu (one generic since load): TPF pulls in the matmul, which is then register-tiled and vectorized
        # inside the fused tiles.
        for a in (make_action(env, "TPF", (32, 64)), make_action(env, "NT"), make_action(env, "T", (8, 32, 1)),
                  make_action(env, "V")):
            _, r, done, _, info = env.step(a)
            rewards.append(r)
        assert done and info["verified"]
        assert env.measurements == 2
        assert sum(rewards) == pytest.approx(math.log(info["speedup"]))


def test_proxy_reward_runs_nothing():
    env = MeasurementStatistics(MlirSchedulingEnv([_bench("matmul_512x512x512")], None,
                                                  EnvConfig(reward_mode="proxy")))
    env.reset()
    rewards = [env.step(a)[1] for a in (make_action(env, "T", (64, 128, 0)), make_action(env, "T", (8, 32, 1)),
                                        make_action(env, "V"))]
    assert env.measurements == 0 and rewards[-1] > 0


def test_clone_goes_on_from_a_copy_of_the_episode():
    env = MlirSchedulingEnv([_bench("matmul_bias_relu_256x512x512")], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    env.step(make_action(env, "TPF", (32, 64)))
    before = env.schedule().canonical()
    other = env.clone()
    assert other.schedule().canonical() == before and other.episode.fused == env.episode.fused
    other.step(make_action(other, "T", (8, 32)))
    other.step(make_action(other, "V"))
    assert env.schedule().canonical() == before and env.episode.op.actions != other.episode.states["op_2"].actions
    assert not env.done and env.episode.tag == "op_2" and other.episode.tag == "op_1"


def test_unknown_benchmark_and_missing_measurer_are_clear_errors():
    with pytest.raises(ValueError, match="pass a Measurer"):
        MlirSchedulingEnv(SUITE, None, EnvConfig())
    env = MlirSchedulingEnv(SUITE, None, EnvConfig(reward_mode="proxy"))
    with pytest.raises(ValueError, match="unknown benchmark"):
        env.reset(options={"benchmark": "nope"})


def test_bad_env_config_is_a_validation_error():
    with pytest.raises(ValueError, match="extra"):
        EnvConfig(max_step_per_op=3)
    with pytest.raises(ValueError, match="never rewarded"):
        EnvConfig(penalties={"crash": 1.0})
    assert load_benchmark(DATA / "matmul_512x512x512.mlir").name == "matmul_512x512x512"


def test_pending_measurement_names_the_schedule_without_changing_the_episode(tmp_path, fast_config):
    with Measurer(tmp_path, fast_config) as m:
        env = MeasurementStatistics(MlirSchedulingEnv([_bench("matmul_512x512x512")], m, EnvConfig()))
        env.reset()
        first = make_action(env, "T", (64, 128, 0))
        assert env.unwrapped.pending_measurement(first) is None  # not the episode's last decision
        env.step(first)
        last = make_action(env, "NT")
        pending = env.unwrapped.pending_measurement(last)
        assert env.measurements == 0 and not env.unwrapped.done
        _, _, done, _, info = env.step(last)
    assert done and pending.canonical() == info["schedule"] and env.measurements == 1


def _failing_config(fast_config):
    """Real measurements whose scheduled runs all time out (the unscheduled baseline still runs)."""
    return fast_config.model_validate({**fast_config.model_dump(), "run_timeout_factor": 1e-6,
                                       "min_run_timeout": 1e-3})


def test_dropped_tpf_unfuses_the_producer_and_every_failure_is_counted(tmp_path, fast_config):
    """immediate: the bias + relu's TPF fuses the matmul (which then spans a 32x64 tile); the measurement fails,
    so the TPF is dropped, and the matmul is whole again, with its own bounds in its masks and observation."""
    bench = _bench("matmul_bias_relu_256x512x512")
    with Measurer(tmp_path, _failing_config(fast_config)) as m:
        env = MeasurementStatistics(MlirSchedulingEnv([bench], m, EnvConfig(reward_mode="immediate")))
        _, info = env.reset()
        tail = info["op"]
        matmul = env.unwrapped.episode.bench.fusible_producer(tail)
        env.step(make_action(env, "TPF", (32, 64)))
        # What the producer would look like, fused, had the measurement not failed.
        fused = env.unwrapped.clone().episode
        assert fused.fused[matmul] == [32, 64, 512]
        obs, reward, _, _, info = env.step(make_action(env, "NT"))
        assert info["op"] == matmul and info["status"] == "timeout"
        assert reward == env.unwrapped.cfg.penalties["timeout"]
        assert not env.unwrapped.episode.states[tail].actions and info["schedule"] == "[]"  # TPF dropped ...
        assert matmul not in env.unwrapped.episode.fused  # ... and the matmul is not fused any more
        assert env.unwrapped.episode.op.bounds == [256, 512, 512]
        assert not env.unwrapped.current_masks()[0][T["V"]]  # 256 x 512 x 512 points: over vector_limit
        op, lay = obs[observation_layout(env.unwrapped.cfg)["op"]], op_feature_layout(env.unwrapped.cfg)
        assert op[lay["tile_bounds"]].tolist() == op[lay["bounds"]].tolist()  # whole again
        _, _, done, _, info = env.step(make_action(env, "NT"))  # the matmul: nothing to measure but the baseline
    assert done and info["status"] == "ok"  # the last status is fine ...
    assert info["episode"]["failures"] == {"timeout": 1}  # ... the failure in the middle is still counted
    assert info["episode"]["measurements"] == env.measurements == 2 and env.failures == {"timeout": 1}


def test_action_masks_are_the_info_mask():
    env = MlirSchedulingEnv([_bench("matmul_bias_relu_256x512x512")], None, EnvConfig(reward_mode="proxy"))
    _, info = env.reset()
    assert (env.action_masks() == info["action_mask"]).all()
    _, _, _, _, info = env.step(make_action(env, "TPF", (32, 64)))
    assert (env.action_masks() == info["action_mask"]).all()
    # MaskablePPO's layout: one mask per MultiDiscrete component, concatenated in order.
    sizes = np.cumsum(env.action_space.nvec)[:-1]
    parts = np.split(env.action_masks(), sizes)
    assert [p.tolist() for p in parts] == [m.astype(np.int8).tolist() for m in env.current_masks()]


@pytest.mark.parametrize("interchange_mode", ["swaps", "pointers"])
def test_maskable_ppo_trains_on_the_env_unchanged(interchange_mode):
    """Two short MaskablePPO iterations (proxy reward: nothing runs). Its actions keep every mask: in the "swaps"
    mode none is invalid; in the "pointers" mode only repeated level pointers can be (see action_masks)."""
    import torch
    from sb3_contrib import MaskablePPO
    from stable_baselines3.common.callbacks import BaseCallback

    class Errors(BaseCallback):
        def __init__(self):
            super().__init__()
            self.errors, self.steps = [], 0

        def _on_step(self) -> bool:
            self.steps += 1
            self.errors += [i["invalid_action"] for i in self.locals["infos"] if "invalid_action" in i]
            return True

    env = MlirSchedulingEnv([_bench("matmul_bias_relu_256x512x512"), _bench("conv2d_nhwc_64x56x56_k3")], None,
                            EnvConfig(reward_mode="proxy", interchange_mode=interchange_mode))
    model = MaskablePPO("MlpPolicy", env, n_steps=32, batch_size=16, n_epochs=2, seed=0, device="cpu")
    before = [p.detach().clone() for p in model.policy.parameters()]
    errors = Errors()
    model.learn(total_timesteps=64, callback=errors)
    assert model.num_timesteps == errors.steps == 64
    assert any(not torch.equal(a, b) for a, b in zip(before, model.policy.parameters()))
    if interchange_mode == "swaps":
        assert errors.errors == []
    else:
        assert all("not a permutation" in e for e in errors.errors), errors.errors


def test_trainer_counts_every_failed_measurement(tmp_path, fast_config):
    """The training metrics' failures by status count the failures in the middle of `immediate` episodes, not
    only each episode's last status (here every scheduled run times out), on an MLP of three ops."""
    from rl_autoschedular.agent.trainer import Trainer
    from rl_autoschedular.config import RunConfig

    cfg = RunConfig.model_validate({
        "seed": 0, "device": "cpu", "env": {"reward_mode": "immediate"},
        "ppo": {"episodes_per_iteration": 2}, "model": {"hidden": 8}, "tracking": {"backends": ["jsonl"]}})
    bench = _bench("mlp_197x192x768")
    with Measurer(tmp_path / "cache", _failing_config(fast_config)) as m:
        trainer = Trainer(cfg, tmp_path / "run", m, benchmarks=([bench], [bench]))
        _, stats = trainer.rollout()
    seen = sum((e.failures for e in trainer.envs), Counter())
    assert stats["failures"] == dict(seen)
    assert sum(seen.values()) > stats["episodes"]  # more than one failure per episode: mid-episode ones count
    assert stats["measurements"] == sum(e.measurements for e in trainer.envs) == 3 * stats["episodes"]


# Cut from the nn_to_mlir blocks of resnet18 and bert_block (shapes shrunk): producers that fusion cannot reach.
_RELU_PAD_POOL = """
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @main(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<1x8x16x16xf32>
  %relu = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel",
      "parallel"]} ins(%x : tensor<1x8x16x16xf32>) outs(%e : tensor<1x8x16x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %c = arith.cmpf ugt, %in, %zero : f32
    %s = arith.select %c, %in, %zero : f32
    linalg.yield %s : f32
  } -> tensor<1x8x16x16xf32>
  %padded = tensor.pad %relu low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %ninf : f32
  } : tensor<1x8x16x16xf32> to tensor<1x8x18x18xf32>
  %e2 = tensor.empty() : tensor<1x8x8x8xf32>
  %init = linalg.fill ins(%ninf : f32) outs(%e2 : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %window = tensor.empty() : tensor<3x3xf32>
  %pool = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
      ins(%padded, %window : tensor<1x8x18x18xf32>, tensor<3x3xf32>) outs(%init : tensor<1x8x8x8xf32>)
      -> tensor<1x8x8x8xf32>
  return %pool : tensor<1x8x8x8xf32>
}
"""
_ROW_MEAN = """
#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
func.func @main(%x: tensor<1x64x256xf32>) -> tensor<1x64x1xf32> {
  %zero = arith.constant 0.0 : f32
  %n = arith.constant 256.0 : f32
  %e = tensor.empty() : tensor<1x64x1xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x1xf32>) -> tensor<1x64x1xf32>
  %sum = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x : tensor<1x64x256xf32>) outs(%f : tensor<1x64x1xf32>) {
  ^bb0(%in: f32, %out: f32):
    %a = arith.addf %in, %out : f32
    linalg.yield %a : f32
  } -> tensor<1x64x1xf32>
  %mean = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%sum : tensor<1x64x1xf32>) outs(%e : tensor<1x64x1xf32>) {
  ^bb0(%in: f32, %out: f32):
    %d = arith.divf %in, %n : f32
    linalg.yield %d : f32
  } -> tensor<1x64x1xf32>
  return %mean : tensor<1x64x1xf32>
}
"""
_SQUARE = """
#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d0, 0)>
#mapt = affine_map<(d0, d1) -> (d1, d0)>
func.func @main(%x: tensor<64x64xf32>, %mean: tensor<64x1xf32>) -> tensor<64x64xf32> {
  %e = tensor.empty() : tensor<64x64xf32>
  %c = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]}
      ins(%x, %mean : tensor<64x64xf32>, tensor<64x1xf32>) outs(%e : tensor<64x64xf32>) {
  ^bb0(%in: f32, %m: f32, %out: f32):
    %s = arith.subf %in, %m : f32
    linalg.yield %s : f32
  } -> tensor<64x64xf32>
  %sq = linalg.generic {indexing_maps = [#map, #mapt, #map], iterator_types = ["parallel", "parallel"]}
      ins(%c, %c : tensor<64x64xf32>, tensor<64x64xf32>) outs(%e : tensor<64x64xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %p = arith.mulf %a, %b : f32
    linalg.yield %p : f32
  } -> tensor<64x64xf32>
  return %sq : tensor<64x64xf32>
}
"""


def _text_bench(tmp_path, name, text):
    (tmp_path / f"{name}.mlir").write_text(text)
    return load_benchmark(tmp_path / f"{name}.mlir")


@pytest.mark.parametrize("name,text", [("relu_pad_pool", _RELU_PAD_POOL), ("row_mean", _ROW_MEAN),
                                       ("square", _SQUARE)])
def test_tpf_only_where_fusion_reaches_the_producer(tmp_path, name, text):
    """The last op's producer cannot be fused into its tiles: it is behind a tensor.pad (fusion follows the tile's
    slice to a pad: "could not find next producer to fuse into container"), its result map (d0, d1, 0) is no
    projected permutation ("unhandled tiled implementation generation ..."), or it feeds two operands (two fused
    copies in one handle: "a handle ... points to a payload entity more than once"). So TPF is masked."""
    env = MlirSchedulingEnv([_text_bench(tmp_path, name, text)], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    assert env.episode.op.producer is None
    assert not env.current_masks()[0][T["TPF"]]
    assert env.current_masks()[0][T["TP"]]


_CONV_RELU = """
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @main(%x: tensor<1x8x18x18xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<1x16x16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x16x16x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32>
  %conv = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
      ins(%x, %w : tensor<1x8x18x18xf32>, tensor<16x8x3x3xf32>) outs(%f : tensor<1x16x16x16xf32>)
      -> tensor<1x16x16x16xf32>
  %relu = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel",
      "parallel"]} ins(%conv : tensor<1x16x16x16xf32>) outs(%e : tensor<1x16x16x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<1x16x16x16xf32>
  return %relu : tensor<1x16x16x16xf32>
}
"""


def test_fused_conv_gets_no_layout_change_nor_im2col(tmp_path):
    """Once the relu's TPF fused the NCHW conv into its tiles, L would put a transpose between them (fusion then
    finds no producer) and im2col of the fused copy computed wrong tiles: both are masked for the fused conv,
    and allowed for the same conv unfused."""
    env = MlirSchedulingEnv([_text_bench(tmp_path, "conv_relu", _CONV_RELU)], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    env.step(make_action(env, "TPF", (0, 4, 0, 0)))
    env.step(make_action(env, "NT"))
    assert env.episode.op.name == "linalg.conv_2d_nchw_fchw"
    assert not env.current_masks()[0][T["L"]] and not env.current_masks()[0][T["IM2COL"]]
    env.reset()
    env.step(make_action(env, "NT"))
    assert env.current_masks()[0][T["L"]] and env.current_masks()[0][T["IM2COL"]]


_ARGMAX = """
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
func.func @main(%x: tensor<1x4x64x64xf32>) -> (tensor<1x4x64xf32>, tensor<1x4x64xi64>) {
  %c0 = arith.constant 0 : i64
  %ninf = arith.constant 0xFF800000 : f32
  %ei = tensor.empty() : tensor<1x4x64xi64>
  %fi = linalg.fill ins(%c0 : i64) outs(%ei : tensor<1x4x64xi64>) -> tensor<1x4x64xi64>
  %ef = tensor.empty() : tensor<1x4x64xf32>
  %ff = linalg.fill ins(%ninf : f32) outs(%ef : tensor<1x4x64xf32>) -> tensor<1x4x64xf32>
  %r:2 = linalg.generic {indexing_maps = [#map, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel",
      "reduction"]} ins(%x : tensor<1x4x64x64xf32>) outs(%ff, %fi : tensor<1x4x64xf32>, tensor<1x4x64xi64>) {
  ^bb0(%in: f32, %out: f32, %out_1: i64):
    %i = linalg.index 3 : index
    %ii = arith.index_cast %i : index to i64
    %m = arith.maximumf %in, %out : f32
    %c = arith.cmpf ogt, %in, %out : f32
    %s = arith.select %c, %ii, %out_1 : i64
    linalg.yield %m, %s : f32, i64
  } -> (tensor<1x4x64xf32>, tensor<1x4x64xi64>)
  return %r#0, %r#1 : tensor<1x4x64xf32>, tensor<1x4x64xi64>
}
"""


def test_no_v_for_a_max_with_its_index(tmp_path):
    """torch-mlir's max over a row with its argmax (gpt_block's softmax) is one reduction with two results: the
    vectorizer fails on it ("Attempted to vectorize, but failed") however it is tiled, so V is masked."""
    env = MlirSchedulingEnv([_text_bench(tmp_path, "argmax", _ARGMAX)], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    env.step(make_action(env, "T", (0, 1, 8, 0)))
    assert math.prod(env.episode.op.bounds) <= env.cfg.vector_limit
    assert not env.current_masks()[0][T["V"]]


_CONV_BIAS = """
func.func @main(%x: tensor<1x8x18x18xf32>, %w: tensor<32x8x3x3xf32>, %b: tensor<32xf32>) -> tensor<1x32x16x16xf32> {
  %e = tensor.empty() : tensor<1x32x16x16xf32>
  %bias = linalg.broadcast ins(%b : tensor<32xf32>) outs(%e : tensor<1x32x16x16xf32>) dimensions = [0, 2, 3]
  %conv = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
      ins(%x, %w : tensor<1x8x18x18xf32>, tensor<32x8x3x3xf32>) outs(%bias : tensor<1x32x16x16xf32>)
      -> tensor<1x32x16x16xf32>
  return %conv : tensor<1x32x16x16xf32>
}
"""


def test_bias_broadcast_of_a_relaid_conv_has_its_nhwc_loops(tmp_path):
    """L on the conv rebuilds its bias broadcast in NHWC: the broadcast's masks and observation must follow its
    new loops (n, h, w, c). With the NCHW ones (n, c, h, w) a tile of 32 on the 32 channels fell on h (16) and
    left the tile shapes dynamic, where vectorization fails (resnet18 blocks: "Attempted to vectorize, but
    failed")."""
    env = MlirSchedulingEnv([_text_bench(tmp_path, "conv_bias", _CONV_BIAS)], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    env.step(make_action(env, "L"))
    env.step(make_action(env, "NT"))
    assert env.episode.op.name == "linalg.broadcast"
    assert env.episode.op.bounds == [1, 16, 16, 32]
    env.reset()
    env.step(make_action(env, "NT"))
    assert env.episode.op.bounds == [1, 32, 16, 16]


_CONV1X1_POOL = """
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
func.func @main(%x: tensor<1x8x7x7xf32>, %w: tensor<16x8x1x1xf32>) -> tensor<1x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x16x7x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x16x7x7xf32>) -> tensor<1x16x7x7xf32>
  %conv = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
      ins(%x, %w : tensor<1x8x7x7xf32>, tensor<16x8x1x1xf32>) outs(%f : tensor<1x16x7x7xf32>) -> tensor<1x16x7x7xf32>
  %e2 = tensor.empty() : tensor<1x16xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<1x16xf32>) -> tensor<1x16xf32>
  %sum = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction",
      "reduction"]} ins(%conv : tensor<1x16x7x7xf32>) outs(%f2 : tensor<1x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %a = arith.addf %in, %out : f32
    linalg.yield %a : f32
  } -> tensor<1x16xf32>
  return %sum : tensor<1x16xf32>
}
"""


def test_tpf_reduction_tiles_do_not_shrink_the_fused_producer(tmp_path):
    """TPF tiles the parallel loops with scf.forall, fuses, then tiles the reductions: the fused conv spans the
    whole 7x7 window the sum reads (mobilenetv2's global average pool). Its bounds once took the reduction tiles
    too (oh = ow = 1), so V looked legal and `decompose` failed on the real 7x7 copy."""
    env = MlirSchedulingEnv([_text_bench(tmp_path, "conv_pool", _CONV1X1_POOL)], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    env.step(make_action(env, "TPF", (0, 4, 1, 1)))
    env.step(make_action(env, "NT"))
    assert env.episode.op.name == "linalg.conv_2d_nchw_fchw"
    assert env.episode.op.bounds == [1, 4, 7, 7, 8, 1, 1]
    assert not env.current_masks()[0][T["V"]]


WIDE_CAST = """
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @main(%x: tensor<16x768xf32>) -> tensor<16x768xf64> {
  %e = tensor.empty() : tensor<16x768xf64>
  %r = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<16x768xf32>) outs(%e : tensor<16x768xf64>) {
  ^bb0(%in: f32, %o: f64):
    %w = arith.extf %in : f32 to f64
    linalg.yield %w : f64
  } -> tensor<16x768xf64>
  return %r : tensor<16x768xf64>
}
"""


def test_v_on_a_casting_op_needs_narrow_vectors():
    """LLVM took 41 s to generate a 768-wide f32 -> f64 vector cast (layer norm's widening to f64, one row a tile):
    V on a casting body is masked when the innermost tiled loop exceeds cast_vector_limit."""
    cfg = EnvConfig()
    [info] = analyze(WIDE_CAST)
    for sizes, allowed in (((1, 0), False), ((1, 128), False), ((4, 64), True)):
        st = OpState.start(info, None)
        advance(st, "T", Action("tile", sizes))
        assert can_vectorize(cfg, st) == allowed, sizes
    relu = OpState.start(next(i for i in analyze((DATA / "relu_128x3072.mlir").read_text())
                              if i.name == "linalg.generic"), None)
    advance(relu, "T", Action("tile", (1, 1024)))
    assert can_vectorize(cfg, relu)  # no cast: wide vectors stay allowed


def test_v_holds_few_rows():
    """Each row of a vector is lowered on its own: a 2x2 average pool over 512 channels vectorized whole (1024 rows
    of 2) compiled past the 10 s limit, 128 rows in 0.24 s; at most 256 rows. A tanh expands each row into dozens of
    instructions: a bias between two GELUs vectorized whole (192 rows of 3) compiled past 10 s, 48 rows in 1.4 s;
    at most 64 rows there."""
    cfg = EnvConfig()
    pool = next(i for i in analyze((DATA.parent / "train" / "resnet18_block97_2ops.mlir").read_text())
                if i.tag == "op_1")
    for sizes, allowed in (((0, 0, 0, 0), False), ((0, 256, 0, 0), False), ((0, 128, 0, 0), True)):
        st = OpState.start(pool, None)
        if any(sizes):
            advance(st, "T", Action("tile", sizes))
        assert can_vectorize(cfg, st) == allowed, sizes
    infos = analyze((DATA.parent / "train" / "random_s0_0124_depthwise_conv_2d_nchw_chw_5ops.mlir").read_text())
    gelus = next(i for i in infos if i.tag == "op_2")
    for sizes, allowed in (((0, 0, 0, 0), False), ((1, 0, 0, 0), False), ((1, 16, 0, 0), True), ((1, 1, 1, 0), True)):
        st = OpState.start(gelus, None)
        if any(sizes):
            advance(st, "T", Action("tile", sizes))
        assert can_vectorize(cfg, st) == allowed, sizes


def test_v_is_masked_where_the_vectorizer_refuses_the_maps(tmp_path):
    """LQCD kernels read real and imaginary parts through constant map results, (d0, d1, d4, 1): no projected
    permutation, which the vectorizer refuses. 56% of the masked random schedules on them were transform_error
    until the mask knew it; the real vectorizer confirms the refusal."""
    from rl_autoschedular.execution.measure import compile_schedule
    from rl_autoschedular.execution.schedule import OpSchedule, Schedule
    from rl_autoschedular.execution.tools_path import mlir_opt

    bench = load_benchmark(DATA.parent / "train" / "lqcd_su3_matmul_4x4x4x8_f32.mlir")
    env = MlirSchedulingEnv([bench], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    assert not env.current_masks()[0][T["V"]]
    env.step(make_action(env, "T", (4, 0, 1, 0, 0, 0)))
    assert not env.current_masks()[0][T["V"]]
    payload, script = compile_schedule(bench, Schedule((OpSchedule(env.episode.tag, (
        Action("tile", (4, 0, 1, 0, 0, 0)), Action("vectorize"))),)))
    (tmp_path / "payload.mlir").write_text(payload)
    (tmp_path / "script.mlir").write_text(script)
    done = subprocess.run([str(mlir_opt()), str(tmp_path / "payload.mlir"),
                           f"--transform-preload-library=transform-library-paths={tmp_path / 'script.mlir'}",
                           "--transform-interpreter"], capture_output=True, text=True)
    assert done.returncode != 0 and "Attempted to vectorize, but failed" in done.stderr
    relu = OpState.start(next(i for i in analyze((DATA / "relu_128x3072.mlir").read_text())
                              if i.name == "linalg.generic"), None)
    advance(relu, "T", Action("tile", (1, 1024)))
    assert can_vectorize(EnvConfig(), relu)  # identity maps stay vectorizable


def test_every_expert_sequence_of_bench_env_is_legal_under_the_masks():
    """The expert sequences of evaluation/bench_env.py are plain env actions: a mask change that forbids one of
    them (as the cast-width limit did to layer norm's f32 -> f64 row) must show here, not in a benchmark run."""
    sys.path.insert(0, str(DATA.parents[1] / "evaluation"))
    from bench_env import EXPERT, play_expert

    families = load_dataset(DATA.parent / "families")
    env = MlirSchedulingEnv(families, None, EnvConfig(reward_mode="proxy"))
    assert {b.family for b in families} == set(EXPERT)
    for bench in families:
        play_expert(env, bench.name, EXPERT[bench.family])  # raises on a masked action or a sequence too long
        assert env.done


# A 1x1 max pooling and a 1x1 convolution, both of stride 2, whose 1-row output reads a 2-row input: already 1-D in
# shape (no tiling can make them so), but MLIR 22's decomposition of them computes wrong values.
_TALL_POOL = """
func.func @main(%x: tensor<1x8x2x8xf32>) -> tensor<1x8x1x4xf32> {
  %cst = arith.constant -3.40282347E+38 : f32
  %k = tensor.empty() : tensor<1x1xf32>
  %e = tensor.empty() : tensor<1x8x1x4xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x8x1x4xf32>) -> tensor<1x8x1x4xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
    ins(%x, %k : tensor<1x8x2x8xf32>, tensor<1x1xf32>) outs(%f : tensor<1x8x1x4xf32>) -> tensor<1x8x1x4xf32>
  return %r : tensor<1x8x1x4xf32>
}
"""
_TALL_CONV = """
func.func @main(%x: tensor<1x8x2x8xf32>, %w: tensor<4x8x1x1xf32>) -> tensor<1x4x1x4xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x1x4xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x1x4xf32>) -> tensor<1x4x1x4xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
    ins(%x, %w : tensor<1x8x2x8xf32>, tensor<4x8x1x1xf32>) outs(%f : tensor<1x4x1x4xf32>) -> tensor<1x4x1x4xf32>
  return %r : tensor<1x4x1x4xf32>
}
"""


@pytest.mark.parametrize("text", [_TALL_POOL, _TALL_CONV], ids=["pool", "conv"])
def test_untiled_decomposition_of_a_taller_input_is_masked(tmp_path, fast_config, text):
    """Found by training on a random program (4 wrong_output schedules, max error 735): V is masked on such ops,
    and the upstream miscompile is still there (when this test fails on the status, MLIR fixed it: drop the mask)."""
    path = tmp_path / "tall.mlir"
    path.write_text(text)
    bench = load_benchmark(path)
    env = MlirSchedulingEnv([bench], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    assert not env.current_masks()[0][ACTION_TYPES.index("V")]
    tag = env.episode.tag
    with Measurer(tmp_path / "cache", fast_config) as m:
        result = m.measure(bench, Schedule((OpSchedule(tag, (Action("vectorize"),)),)))
    assert result.status == "wrong_output", result


def test_a_producer_read_transposed_into_an_output_of_its_shape_is_not_fusible(tmp_path, fast_config):
    """A 4x7x7 row sum, its transpose, and a sigmoid of that: the sum's and the transpose's inits are one
    `tensor.empty` after CSE, so fusing the sum into the transpose's tiles writes each tile's sums into the
    transpose's output at the transposed position, where other tiles overwrite them (outputs off by 1, found by
    bench_masks on held-out code). TPF is masked there; the sigmoid still fuses the transpose, which it reads where
    it writes. The reduced schedule, built by hand, still computes wrong values with the pinned MLIR."""
    bench = load_benchmark(ROOT / "data" / "eval" / "random_s1_0019_conv_2d_nhwc_hwcf_4ops.mlir")
    env = MlirSchedulingEnv([bench], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    analysed = env.episode.bench
    assert analysed.fusible_producer("op_4") is None and analysed.fusible_producer("op_5") == "op_4"
    fused = Schedule((OpSchedule("op_5", (Action("interchange", perm=(2, 1, 0)), Action("vectorize"))),
                      OpSchedule("op_4", (Action("tile_fuse", (0, 1, 1), producer="op_3"), Action("vectorize")))))
    with Measurer(tmp_path, fast_config) as m:
        assert m.baseline(bench).verified
        assert m.measure(bench, fused).status == "wrong_output"
