"""Statistics of an env's measurements, as a Gymnasium wrapper in the style of `RecordEpisodeStatistics`.

After each step the env holds the measurement that step made, if any, with its wall seconds
(`MlirSchedulingEnv.step_measurement`; not in `info`, which must not depend on the cache or the clock); this wrapper
adds them up. Every measurement counts, those in the middle of an episode (the `immediate` reward mode measures when
each op ends) as well as the last one.
"""

from __future__ import annotations

import time
from collections import Counter

import gymnasium as gym


class MeasurementStatistics(gym.Wrapper):
    """Counts the wrapped env's measurements over its whole life (`measurements`, `cached_measurements`,
    `measure_seconds`, `failures` by status), and at the end of each episode puts that episode's figures in
    `info[stats_key]`, next to RecordEpisodeStatistics' return `r`, length `l` and time `t`:

        info["episode"] = {"r": ..., "l": ..., "t": ..., "measurements": ..., "cached_measurements": ...,
                           "measure_seconds": ..., "failures": {status: count}}

    The counters are plain attributes: a caller may set them (e.g. `measure_seconds = 0.0`) to start over."""

    def __init__(self, env: gym.Env, stats_key: str = "episode"):
        super().__init__(env)
        self.stats_key = stats_key
        self.measurements = 0
        self.cached_measurements = 0  # served by the results cache
        self.measure_seconds = 0.0
        self.failures: Counter[str] = Counter()
        self._start_episode()

    def _start_episode(self) -> None:
        self._t0 = time.perf_counter()
        self._episode = {"r": 0.0, "l": 0, "measurements": 0, "cached_measurements": 0, "measure_seconds": 0.0,
                         "failures": Counter()}

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        """Reset the env and the current episode's figures (not the lifetime counters)."""
        self._start_episode()
        return super().reset(seed=seed, options=options)

    def step(self, action):
        """Step the env and count what the step measured."""
        obs, reward, terminated, truncated, info = super().step(action)
        ep = self._episode
        ep["r"] += reward
        ep["l"] += 1
        made = self.env.unwrapped.step_measurement
        if made is not None:
            m, seconds = made
            self.measurements += 1
            self.cached_measurements += m.cached
            self.measure_seconds += seconds
            ep["measurements"] += 1
            ep["cached_measurements"] += m.cached
            ep["measure_seconds"] += seconds
            if not m.verified:
                self.failures[m.status] += 1
                ep["failures"][m.status] += 1
        if terminated or truncated:
            assert self.stats_key not in info
            info[self.stats_key] = {**ep, "t": round(time.perf_counter() - self._t0, 6),
                                    "failures": dict(ep["failures"])}
        return obs, reward, terminated, truncated, info
