"""The scheduling environment: a Gymnasium Env in which an agent schedules each linalg op of a benchmark.

One episode is one benchmark. The episode state and how an action moves it on are in `episode.py`; the reward
modes in `rewards.py`; counts of measurements and failures in the `wrappers.MeasurementStatistics` wrapper. The
actions of all ops form ONE schedule, measured as one transform script by the measurement core.

An action that breaks the mask gets the `invalid_action` penalty and ends the op as NT (policies that use the mask
never send one; `check_env` does). `action_masks()` gives the mask of the next decision, for MaskablePPO.

`info` carries `action_mask` (for the next decision), the benchmark and op, the schedule so far (canonical JSON),
the ops that were `skipped` (with why), `invalid_action` when there was one, and, from the episode's latest
measurement, `status`, `message`, `time_ns`, `baseline_ns`, `speedup` and `verified`. What a measurement cost
(whether the cache served it, its wall time) is in `step_measurement`, not in `info`: the same seed and actions
must give the same `info` (Gymnasium's determinism check), and the cache and the clock do not.
"""

from __future__ import annotations

import copy
import time

import gymnasium as gym
import numpy as np

from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.actions import flat_mask, masks, nvec
from rl_autoschedular.env.episode import AnalysedBenchmark, Episode, apply_action, start
from rl_autoschedular.env.observation import history_features, observation_layout, observation_size, op_features
from rl_autoschedular.env.prior import HeuristicPrior
from rl_autoschedular.env.rewards import reward_mode
from rl_autoschedular.execution.measure import Measurement, Measurer, compile_schedule
from rl_autoschedular.execution.schedule import Schedule
from rl_autoschedular.ir.benchmarks import Benchmark


class MlirSchedulingEnv(gym.Env):
    """Gymnasium env over a list of benchmarks; `measurer` is the measurement core (or anything with its
    `measure(bench, schedule) -> Measurement` method and a `config.threads`)."""

    metadata = {"render_modes": []}

    def __init__(self, benchmarks: list[Benchmark], measurer: Measurer | None, config: EnvConfig = EnvConfig()):
        if config.reward_mode != "proxy" and measurer is None:
            raise ValueError(f"reward mode {config.reward_mode!r} measures schedules: pass a Measurer")
        self.cfg = config
        self.measurer = measurer
        threads = measurer.config.threads if measurer else 1
        self.reward = reward_mode(config, threads)
        self.prior = HeuristicPrior(threads)  # its proposal is part of the observation
        analysed = [AnalysedBenchmark(b, config) for b in benchmarks]
        self.skipped = {b.bench.name: b.skipped for b in analysed if b.skipped}
        self.benches = [b for b in analysed if b.order]
        if not self.benches:
            raise ValueError(f"no benchmark has an op the encoding can hold (skipped: {self.skipped})")
        self.action_space = gym.spaces.MultiDiscrete(nvec(config))
        high = max(16.0, float(max(nvec(config))))  # the prior's action holds choice indices
        self.observation_space = gym.spaces.Box(-high, high, (observation_size(config),), np.float32)
        self.layout = observation_layout(config)
        self._episode: Episode | None = None
        self._masks: list[np.ndarray] | None = None
        self.last_measurement: Measurement | None = None  # the latest measurement of this episode
        # The measurement the latest step (or reset) made and its wall seconds; None if it made none.
        self.step_measurement: tuple[Measurement, float] | None = None

    @property
    def episode(self) -> Episode:
        """The current episode's state (a RuntimeError before the first reset)."""
        if self._episode is None:
            raise RuntimeError("no episode yet; call reset()")
        return self._episode

    def _set_episode(self, ep: Episode) -> None:
        self._episode, self._masks = ep, None

    @property
    def benchmark(self) -> Benchmark:
        return self.episode.bench.bench

    @property
    def done(self) -> bool:
        return self.episode.done

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        """Start an episode on `options["benchmark"]` (a name or an index) or on a benchmark drawn at random."""
        super().reset(seed=seed)
        choice = (options or {}).get("benchmark")
        if choice is None:
            bench = self.benches[int(self.np_random.integers(len(self.benches)))]
        elif isinstance(choice, str):
            by_name = {b.bench.name: b for b in self.benches}
            if choice not in by_name:
                raise ValueError(f"unknown benchmark {choice!r}")
            bench = by_name[choice]
        else:
            bench = self.benches[int(choice)]
        self._set_episode(start(bench))
        self.last_measurement = self.step_measurement = None
        return self._observation(), self._info()

    def schedule(self) -> Schedule:
        """The schedule of the ops decided so far, consumers first (the order the builder applies them)."""
        return self.episode.schedule()

    def schedule_files(self) -> tuple[str, str]:
        """(payload, transform script) of the schedule so far: the script applies to the payload, which is the
        benchmark itself unless a layout action rewrote it. Both replay with `bin/measure.py` and `mlir-opt`."""
        return compile_schedule(self.benchmark, self.schedule())

    def schedule_script(self) -> str:
        """The transform script of the schedule so far (see `schedule_files` for its payload)."""
        return self.schedule_files()[1]

    def current_masks(self) -> list[np.ndarray]:
        """Per-component masks of the next decision (all False once the episode is over); computed once per
        decision, since the step, the observation and the info all need them."""
        if self._masks is None:
            ep = self.episode
            self._masks = [np.zeros(n, bool) for n in nvec(self.cfg)] if ep.done else \
                masks(self.cfg, ep.op, ep.step)
        return self._masks

    def action_masks(self) -> np.ndarray:
        """The flat mask of the next decision, the same array as `info["action_mask"]`: the per-component masks
        concatenated in the order of the MultiDiscrete components, which is the layout sb3-contrib's MaskablePPO
        expects. MaskablePPO masks each component on its own, so in the "pointers" interchange mode it may send
        level pointers that repeat a loop (the level-pointer rule, `actions.pointer_mask`, depends on the earlier
        levels' choices); the env answers those with the invalid-action penalty. In the "swaps" mode every action
        MaskablePPO samples is valid."""
        return flat_mask(self.current_masks())

    def step(self, action):
        """Decide the current op's next action; measure or estimate as the reward mode says."""
        ep = self.episode
        if ep.done:
            raise RuntimeError("episode is over; call reset()")
        self.step_measurement = None
        ep, decision = apply_action(self.cfg, ep, action, self.current_masks())
        reward = self.cfg.penalties["invalid_action"] if decision.error else 0.0
        if decision.op_done:
            op_reward, ep = self.reward.after_op(ep, self._measure)
            reward += op_reward
        if ep.done:
            reward += self.reward.at_end(ep, self._measure)
        self._set_episode(ep)
        extra = {"invalid_action": decision.error} if decision.error else {}
        return self._observation(), float(reward), ep.done, False, self._info(extra)

    def pending_measurement(self, action) -> Schedule | None:
        """The schedule `step(action)` would measure (None if it measures nothing), leaving the episode as it is.

        A trainer running many envs measures these in parallel first (on Dask workers, into the shared cache), so
        that the steps themselves are served by the cache."""
        ep = self.episode
        if ep.done:
            return None
        after, decision = apply_action(self.cfg, ep, action, self.current_masks())
        return after.schedule() if self.reward.measures(after, decision.op_done) else None

    def clone(self) -> "MlirSchedulingEnv":
        """Another env over the same analysed benchmarks, measurer and random generator, with a copy of this
        env's episode (if any) that goes on independently."""
        other = copy.copy(self)
        if self._episode is not None:
            other._set_episode(self._episode.copy())
        return other

    def _measure(self, ep: Episode) -> Measurement:
        t0 = time.perf_counter()
        self.last_measurement = self.measurer.measure(ep.bench.bench, ep.schedule())
        self.step_measurement = (self.last_measurement, time.perf_counter() - t0)
        return self.last_measurement

    def _observation(self) -> np.ndarray:
        obs = np.zeros(self.observation_space.shape, np.float32)
        lay, ep = self.layout, self.episode
        if not ep.done:
            st = ep.op
            obs[lay["op"]] = op_features(self.cfg, st.info, st.bounds, st.kinds)
            if st.producer is not None:
                obs[lay["producer"]] = op_features(self.cfg, ep.bench.infos[st.producer])
            obs[lay["history"]] = history_features(self.cfg, st.history)
            obs[lay["progress"]] = [ep.index / len(ep.bench.order), ep.step / self.cfg.max_steps_per_op]
            obs[lay["prior"]] = self.prior.act(self)
        obs[lay["action_mask"]] = self.action_masks()
        return obs

    def _info(self, extra: dict | None = None) -> dict:
        ep = self.episode
        info = {
            "action_mask": self.action_masks(),
            "benchmark": ep.bench.bench.name,
            "op": None if ep.done else ep.tag,
            "op_name": None if ep.done else ep.op.name,
            "schedule": ep.schedule().canonical(),
            "skipped": dict(ep.bench.skipped),
        }
        if self.last_measurement is not None:
            r = self.last_measurement
            info.update(status=r.status, message=r.message, time_ns=r.time_ns, baseline_ns=r.baseline_ns,
                        speedup=r.speedup, verified=r.verified)
        info.update(extra or {})
        return info
