"""The scheduling environment: a Gymnasium Env in which an agent schedules each linalg op of a benchmark.

One episode is one benchmark. Ops are visited from the last consumer to the first producer (zero fills are not
visited: tiling pulls them into the tiles). Each op gets up to `max_steps_per_op` decisions and ends on a terminal
action (V or NT; the last decision is masked to those). The actions of all ops form ONE schedule, measured as one
transform script by the measurement core.

Rewards (`EnvConfig.reward_mode`):
- final: 0 until the last step, then log(speedup) of the whole schedule, or the status's penalty if it failed;
- immediate: when an op is done, the schedule so far is measured (the cache serves repeats) and the reward is the
  change in log(speedup) since the previous op, so the rewards of an episode add up to the final log speedup. An op
  whose actions make the schedule fail gets the penalty and its actions are dropped;
- proxy: like immediate, with `proxy.proxy_log_speedup` instead of a measurement (no execution at all).
An action that breaks the mask gets the `invalid_action` penalty and ends the op as NT (policies that use the mask
never send one; `check_env` does).

`info` carries `action_mask` (for the next decision), the benchmark and op, the schedule so far (canonical JSON),
the measured `status`, `time_ns`, `baseline_ns`, `speedup`, the ops that were `skipped` (with why), and
`invalid_action` when there was one.
"""

from __future__ import annotations

import copy
import math
import time

import gymnasium as gym
import numpy as np

from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.actions import OpState, advance, decode, flat_mask, masks, nvec
from rl_autoschedular.env.observation import fits, history_features, observation_layout, observation_size, op_features
from rl_autoschedular.env.proxy import proxy_log_speedup
from rl_autoschedular.execution.measure import Measurement, Measurer, compile_schedule
from rl_autoschedular.execution.schedule import OpSchedule, Schedule
from rl_autoschedular.ir.analysis import OpInfo, analyze
from rl_autoschedular.ir.benchmarks import Benchmark
from rl_autoschedular.ir.layout import to_channels_last


def fused_bounds(consumer: OpInfo, consumer_bounds: list[int], producer: OpInfo) -> list[int]:
    """The producer's loop bounds once it is fused into the consumer's tiles: each producer loop that indexes the
    result dim the consumer reads with a tiled loop spans one tile; the others (its reductions) stay whole."""
    bounds = [l.bound for l in producer.loops]
    store = [a for a in producer.accesses if a.role == "store"][-1]
    shape = producer.operand_shapes[store.operand]
    loads = [a for a in consumer.accesses if a.role == "load" and consumer.operand_shapes[a.operand] == shape]
    if not loads:
        return bounds

    def unit(row):
        hits = [i for i, c in enumerate(row[:-1]) if c]
        return hits[0] if len(hits) == 1 and row[hits[0]] == 1 and row[-1] == 0 else None

    for p_row, c_row in zip(store.matrix, loads[0].matrix):
        d, c = unit(p_row), unit(c_row)
        if d is not None and c is not None:
            bounds[d] = min(bounds[d], consumer_bounds[c])
    return bounds


class _Bench:
    """Per benchmark, computed once: the analysis, the visiting order and what was skipped."""

    def __init__(self, bench: Benchmark, cfg: EnvConfig):
        self.bench = bench
        self.infos = {o.tag: o for o in analyze(bench.text)}
        self.skipped: dict[str, str] = {}
        self.order: list[str] = []
        for info in reversed(list(self.infos.values())):
            if info.name == "linalg.fill":
                continue
            why = fits(cfg, info)
            if why:
                self.skipped[info.tag] = why
            else:
                self.order.append(info.tag)
        self._nhwc: dict[str, OpInfo] = {}

    def fusible_producer(self, tag: str) -> str | None:
        for p in self.infos[tag].producers:
            info = self.infos[p]
            if p in self.order and info.consumers == [tag]:
                return p
        return None

    def nhwc_info(self, tag: str) -> OpInfo:
        """The op's analysis after the layout action (computed once)."""
        if tag not in self._nhwc:
            self._nhwc[tag] = next(o for o in analyze(to_channels_last(self.bench.text, [tag])) if o.tag == tag)
        return self._nhwc[tag]


class MlirSchedulingEnv(gym.Env):
    """Gymnasium env over a list of benchmarks; `measurer` is the measurement core (or anything with its
    `measure(bench, schedule) -> Measurement` method and a `config.threads`)."""

    metadata = {"render_modes": []}

    def __init__(self, benchmarks: list[Benchmark], measurer: Measurer | None, config: EnvConfig = EnvConfig()):
        if config.reward_mode != "proxy" and measurer is None:
            raise ValueError(f"reward mode {config.reward_mode!r} measures schedules: pass a Measurer")
        self.cfg = config
        self.measurer = measurer
        self.benches = [_Bench(b, config) for b in benchmarks]
        self.skipped = {b.bench.name: b.skipped for b in self.benches if b.skipped}
        self.benches = [b for b in self.benches if b.order]
        if not self.benches:
            raise ValueError(f"no benchmark has an op the encoding can hold (skipped: {self.skipped})")
        self.action_space = gym.spaces.MultiDiscrete(nvec(config))
        self.observation_space = gym.spaces.Box(-16.0, 16.0, (observation_size(config),), np.float32)
        self.layout = observation_layout(config)
        self.measure_seconds = 0.0  # wall time spent in measurement, for bench_env
        self.measurements = 0
        self.cached_measurements = 0  # served by the results cache
        self._b: _Bench | None = None

    @property
    def benchmark(self) -> Benchmark:
        return self._b.bench

    # Episode state -------------------------------------------------------------------------------------------

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        """Start an episode on `options["benchmark"]` (a name or an index) or on a benchmark drawn at random."""
        super().reset(seed=seed)
        choice = (options or {}).get("benchmark")
        if choice is None:
            self._b = self.benches[int(self.np_random.integers(len(self.benches)))]
        elif isinstance(choice, str):
            by_name = {b.bench.name: b for b in self.benches}
            if choice not in by_name:
                raise ValueError(f"unknown benchmark {choice!r}")
            self._b = by_name[choice]
        else:
            self._b = self.benches[int(choice)]
        self._states: dict[str, OpState] = {}
        self._fused: dict[str, list[int]] = {}
        self._index = 0
        self._step = 0
        self._last_log_speedup = 0.0  # log(1x), the unscheduled program; immediate rewards are changes from it
        self.last_measurement: Measurement | None = None  # the latest measurement of this episode
        self._masks: list[np.ndarray] | None = None
        self._start_op()
        return self._observation(), self._info()

    def _start_op(self) -> None:
        tag = self._b.order[self._index]
        # An op already fused into its consumer's tiles cannot pull its own producer in: that producer sits
        # outside the consumer's loop.
        producer = None if tag in self._fused else self._b.fusible_producer(tag)
        self._states[tag] = OpState.start(self._b.infos[tag], producer, self._fused.get(tag))
        self._step = 0
        self._masks = None

    @property
    def _op(self) -> OpState:
        return self._states[self._b.order[self._index]]

    @property
    def done(self) -> bool:
        return self._index >= len(self._b.order)

    def schedule(self) -> Schedule:
        """The schedule of the ops decided so far, consumers first (the order the builder applies them)."""
        return Schedule(tuple(OpSchedule(tag, tuple(st.actions)) for tag, st in self._states.items()))

    def schedule_files(self) -> tuple[str, str]:
        """(payload, transform script) of the schedule so far: the script applies to the payload, which is the
        benchmark itself unless a layout action rewrote it. Both replay with `bin/measure.py` and `mlir-opt`."""
        return compile_schedule(self._b.bench, self.schedule())

    def schedule_script(self) -> str:
        """The transform script of the schedule so far (see `schedule_files` for its payload)."""
        return self.schedule_files()[1]

    # Steps ------------------------------------------------------------------------------------------------------

    def current_masks(self) -> list[np.ndarray]:
        """Per-component masks of the next decision (all False once the episode is over); computed once per
        decision, since the step, the observation and the info all need them."""
        if self._masks is None:
            self._masks = [np.zeros(n, bool) for n in nvec(self.cfg)] if self.done else \
                masks(self.cfg, self._op, self._step)
        return self._masks

    def _apply(self, action) -> tuple[float, dict, bool]:
        """Decide the current op's next action (no measurement): (invalid-action penalty, info extras, op done)."""
        st = self._op
        kind, sched_action, error = decode(self.cfg, st, action, self.current_masks())
        if np.shape(action) == self.action_space.shape:
            st.history.append(np.asarray(action, dtype=np.int64).copy())
        reward, extra = 0.0, {}
        if error:
            extra["invalid_action"] = error
            reward += self.cfg.penalties["invalid_action"]
            kind, sched_action = "NT", None
        if kind == "L":
            st.relayout(self._b.nhwc_info(st.info.tag))
        advance(st, kind, sched_action)
        if kind == "TPF" and sched_action is not None:
            producer = self._b.infos[st.producer]
            self._fused[st.producer] = fused_bounds(st.info, st.bounds, producer)
        self._step += 1
        self._masks = None
        return reward, extra, st.done

    def step(self, action):
        reward, extra, op_done = self._apply(action)
        if op_done:
            reward += self._finish_op()
        terminated = self.done
        if terminated and self.cfg.reward_mode == "final":
            reward += self._final_reward()
        return self._observation(), float(reward), terminated, False, self._info(extra)

    def pending_measurement(self, action) -> Schedule | None:
        """The schedule `step(action)` would measure (None if it measures nothing), leaving the episode as it is.

        A trainer running many envs measures these in parallel first (on Dask workers, into the shared cache), so
        that the steps themselves are served by the cache."""
        if self.cfg.reward_mode == "proxy":
            return None
        saved = copy.deepcopy((self._states, self._fused, self._index, self._step, self._masks))
        try:
            _, _, op_done = self._apply(action)
            last_op = self._index == len(self._b.order) - 1
            return self.schedule() if op_done and (last_op or self.cfg.reward_mode == "immediate") else None
        finally:
            self._states, self._fused, self._index, self._step, self._masks = saved

    def clone(self) -> "MlirSchedulingEnv":
        """Another env over the same analysed benchmarks and measurer, with its own episode (call reset)."""
        other = copy.copy(self)
        other._b = None
        return other

    def _finish_op(self) -> float:
        self._index += 1
        if not self.done:
            self._start_op()
        if self.cfg.reward_mode == "final":
            return 0.0
        if self.cfg.reward_mode == "proxy":
            now = proxy_log_speedup(list(self._states.values()), self.measurer.config.threads if self.measurer else 1)
        else:
            self.last_measurement = self._measure()
            if not self.last_measurement.verified:
                # The op's actions broke the schedule: drop them, so the next ops build on a working schedule.
                self._states[self._b.order[self._index - 1]].actions.clear()
                return self.cfg.penalties.get(self.last_measurement.status, -1.0)
            now = math.log(self.last_measurement.speedup)
        reward, self._last_log_speedup = now - self._last_log_speedup, now
        return reward

    def _final_reward(self) -> float:
        self.last_measurement = self._measure()
        if self.last_measurement.verified:
            return math.log(self.last_measurement.speedup)
        return self.cfg.penalties.get(self.last_measurement.status, -1.0)

    def _measure(self) -> Measurement:
        t0 = time.perf_counter()
        result = self.measurer.measure(self._b.bench, self.schedule())
        self.measure_seconds += time.perf_counter() - t0
        self.measurements += 1
        self.cached_measurements += result.cached
        return result

    # Observation and info -----------------------------------------------------------------------------------------

    def _observation(self) -> np.ndarray:
        obs = np.zeros(self.observation_space.shape, np.float32)
        lay = self.layout
        if not self.done:
            st = self._op
            obs[lay["op"]] = op_features(self.cfg, st.info, st.bounds, st.kinds)
            if st.producer is not None:
                obs[lay["producer"]] = op_features(self.cfg, self._b.infos[st.producer])
            obs[lay["history"]] = history_features(self.cfg, st.history)
            obs[lay["progress"]] = [self._index / len(self._b.order), self._step / self.cfg.max_steps_per_op]
        obs[lay["action_mask"]] = flat_mask(self.current_masks())
        return obs

    def _info(self, extra: dict | None = None) -> dict:
        info = {
            "action_mask": flat_mask(self.current_masks()),
            "benchmark": self._b.bench.name,
            "op": None if self.done else self._b.order[self._index],
            "op_name": None if self.done else self._op.name,
            "schedule": self.schedule().canonical(),
            "skipped": dict(self._b.skipped),
        }
        if self.last_measurement is not None:
            r = self.last_measurement
            info.update(status=r.status, message=r.message, time_ns=r.time_ns, baseline_ns=r.baseline_ns,
                        speedup=r.speedup, verified=r.verified, cached=r.cached)
        info.update(extra or {})
        return info

