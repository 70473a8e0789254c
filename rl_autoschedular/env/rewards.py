"""Reward modes (`EnvConfig.reward_mode`), each a small strategy over the episode state:

- final: 0 until the last step, then log(speedup) of the whole schedule, or the status's penalty if it failed;
- immediate: when an op is done, the schedule so far is measured (the cache serves repeats) and the reward is the
  change in log(speedup) since the previous op, so the rewards of an episode add up to the final log speedup. An op
  whose actions make the schedule fail gets the penalty and its actions are dropped (`episode.drop_actions`), so
  the next ops build on a working schedule;
- proxy: like immediate, with `proxy.proxy_log_speedup` instead of a measurement (no execution at all).

A mode answers: the reward when an op ends (`after_op`, which may change the episode), the extra reward on the
last step (`at_end`), and whether a step measures (`measures`, so that a trainer can measure ahead, in parallel).
It keeps no state of its own: what it carries from op to op is `Episode.log_speedup`. `measure(ep)` is the env's:
it measures `ep.schedule()` and records the outcome for `info`.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Callable

from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.episode import Episode, drop_actions
from rl_autoschedular.env.proxy import proxy_log_speedup
from rl_autoschedular.execution.measure import Measurement

Measure = Callable[[Episode], Measurement]


def penalty(cfg: EnvConfig, status: str) -> float:
    """The reward of a failed measurement with `status`."""
    return cfg.penalties.get(status, -1.0)


class RewardMode:
    """The interface, and its neutral answers: no reward, no measurement."""

    def measures(self, ep: Episode, op_done: bool) -> bool:
        """Whether the step that led to `ep` (and ended an op, or not) measures `ep.schedule()`."""
        return False

    def after_op(self, ep: Episode, measure: Measure) -> tuple[float, Episode]:
        """The reward of the op that just ended, and the episode to go on with."""
        return 0.0, ep

    def at_end(self, ep: Episode, measure: Measure) -> float:
        """The extra reward of the episode's last step."""
        return 0.0


class FinalReward(RewardMode):
    """log(speedup) of the whole schedule on the last step, or the failure's penalty."""

    def __init__(self, cfg: EnvConfig):
        self.cfg = cfg

    def measures(self, ep: Episode, op_done: bool) -> bool:
        return ep.done

    def at_end(self, ep: Episode, measure: Measure) -> float:
        m = measure(ep)
        return math.log(m.speedup) if m.verified else penalty(self.cfg, m.status)


class ImmediateReward(RewardMode):
    """The change in measured log(speedup) when each op ends; a failing op's actions are dropped."""

    def __init__(self, cfg: EnvConfig):
        self.cfg = cfg

    def measures(self, ep: Episode, op_done: bool) -> bool:
        return op_done

    def after_op(self, ep: Episode, measure: Measure) -> tuple[float, Episode]:
        m = measure(ep)
        if not m.verified:
            return penalty(self.cfg, m.status), drop_actions(ep, ep.bench.order[ep.index - 1])
        now = math.log(m.speedup)
        return now - ep.log_speedup, replace(ep, log_speedup=now)


class ProxyReward(RewardMode):
    """The change in the static estimate `proxy_log_speedup` when each op ends; nothing runs."""

    def __init__(self, threads: int):
        self.threads = threads

    def after_op(self, ep: Episode, measure: Measure) -> tuple[float, Episode]:
        now = proxy_log_speedup(list(ep.states.values()), self.threads)
        return now - ep.log_speedup, replace(ep, log_speedup=now)


def reward_mode(cfg: EnvConfig, threads: int) -> RewardMode:
    """The strategy of `cfg.reward_mode`; `threads` is what the proxy assumes a parallel loop gets."""
    if cfg.reward_mode == "proxy":
        return ProxyReward(threads)
    return {"final": FinalReward, "immediate": ImmediateReward}[cfg.reward_mode](cfg)
