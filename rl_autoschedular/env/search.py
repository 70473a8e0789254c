"""Search baselines built on the env, so that every comparison uses the same action space and masks.

- `random_search`: N episodes of a uniformly random masked policy; keeps the best verified schedule.
- `greedy_search`: at each decision, tries each candidate action (NT for the rest of the ops), measures, keeps the
  best, until the episode ends or the measurement budget is spent.
Both count measurements (the cache may serve some of them) and failures through `MeasurementStatistics`, and return
the best verified `Measurement`; given a `ReplayStore`, they write every episode they measure to it. Every function
here takes the env bare or wrapped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import gymnasium as gym
import numpy as np

from rl_autoschedular.env.actions import ACTION_TYPES, pointer_mask
from rl_autoschedular.env.replay import Recorder, ReplayStore
from rl_autoschedular.env.wrappers import MeasurementStatistics
from rl_autoschedular.execution.measure import Measurement, compile_schedule
from rl_autoschedular.execution.schedule import Schedule

NT = ACTION_TYPES.index("NT")


def make_action(env: gym.Env, kind: str = "NT", sizes: tuple[int, ...] = (),
                perm: tuple[int, ...] = ()) -> np.ndarray:
    """The action vector of type `kind` with tile `sizes` (values, one per loop; 0 = untiled) and interchange
    choices `perm`. Left out: untiled loops and the identity interchange, which every mask allows."""
    cfg = env.unwrapped.cfg
    a = np.zeros(env.action_space.shape, np.int64)
    a[0] = ACTION_TYPES.index(kind)
    L = cfg.max_loops
    if cfg.interchange_mode == "pointers":
        a[1 + L:] = np.arange(L)
    for i, size in enumerate(sizes):
        a[1 + i] = cfg.size_choices.index(size)
    for j, p in enumerate(perm):
        a[1 + L + j] = p
    return a


def sample_action(env: gym.Env, rng: np.random.Generator) -> np.ndarray:
    """A uniformly random action under the current masks, the interchange drawn level by level."""
    comp, cfg = env.unwrapped.current_masks(), env.unwrapped.cfg
    a = make_action(env)
    a[0] = rng.choice(np.flatnonzero(comp[0]))
    L = cfg.max_loops
    for i in range(L):
        a[1 + i] = rng.choice(np.flatnonzero(comp[1 + i]))
    if cfg.interchange_mode == "pointers":
        chosen: list[int] = []
        for j in range(L):
            a[1 + L + j] = rng.choice(np.flatnonzero(pointer_mask(comp[1 + L + j], chosen)))
            chosen.append(int(a[1 + L + j]))
    else:
        a[1 + L] = rng.choice(np.flatnonzero(comp[1 + L]))
    return a


@dataclass
class SearchResult:
    """The best verified outcome of a search on one benchmark."""

    benchmark: str
    best: Measurement | None = None
    schedule: Schedule | None = None
    actions: list[list[int]] = field(default_factory=list)
    measurements: int = 0
    failures: dict[str, int] = field(default_factory=dict)

    def consider(self, result: Measurement, schedule: Schedule, actions: list[np.ndarray]) -> None:
        """Keep `result` if it is verified and the best so far."""
        if result.verified and (self.best is None or result.speedup > self.best.speedup):
            self.best, self.schedule, self.actions = result, schedule, [list(map(int, a)) for a in actions]

    def count(self, stats: MeasurementStatistics) -> None:
        """Take the measurement and failure counts of the search's statistics wrapper."""
        self.measurements, self.failures = stats.measurements, dict(stats.failures)

    @property
    def speedup(self) -> float | None:
        return self.best.speedup if self.best else None


def finish_episode(stats: gym.Env, actions: list[np.ndarray]) -> tuple[Measurement, Schedule]:
    """Replay `actions` from the start through `stats` (the statistics wrapper, perhaps recorded), end every
    remaining op with NT, and return the measurement."""
    env = stats.unwrapped
    stats.reset(options={"benchmark": env.benchmark.name})
    done = False
    for a in actions:
        _, _, done, _, _ = stats.step(a)
    while not done:
        _, _, done, _, _ = stats.step(make_action(env))
    return env.last_measurement, env.schedule()


def random_search(env: gym.Env, benchmark: str, budget: int, seed: int = 0,
                  store: ReplayStore | None = None) -> SearchResult:
    """`budget` random masked episodes on `benchmark`; the env must be in the "final" reward mode."""
    rng = np.random.default_rng(seed)
    stats = MeasurementStatistics(env.unwrapped)  # this search's own counts
    player = Recorder(stats, store, "random") if store is not None else stats
    out = SearchResult(benchmark)
    for _ in range(budget):
        player.reset(options={"benchmark": benchmark})
        actions, done = [], False
        while not done:
            a = sample_action(stats, rng)
            actions.append(a)
            _, _, done, _, _ = player.step(a)
        out.consider(stats.unwrapped.last_measurement, stats.unwrapped.schedule(), actions)
    out.count(stats)
    return out


def candidate_actions(env: gym.Env) -> list[np.ndarray]:
    """The actions greedy search tries at the current decision: every allowed type, tilings with uniform sizes
    (each loop tiled to the largest allowed size up to 4, 8, 16, 32 or 64), and moving each loop innermost."""
    comp, cfg = env.unwrapped.current_masks(), env.unwrapped.cfg
    L, choices = cfg.max_loops, cfg.size_choices
    out = []
    for t, kind in enumerate(ACTION_TYPES):
        if not comp[0][t]:
            continue
        if kind in ("T", "TP", "TPF"):
            for target in (4, 8, 16, 32, 64):
                a = make_action(env, kind)
                for i in range(L):
                    ok = [k for k in np.flatnonzero(comp[1 + i]) if 0 < choices[k] <= target]
                    a[1 + i] = max(ok, key=lambda k: choices[k]) if ok else 0
                if a[1:1 + L].any() and not any((a == b).all() for b in out):
                    out.append(a)
        elif kind == "I" and cfg.interchange_mode == "pointers":
            n = int(comp[1 + L].sum())
            for inner in range(n - 1):
                a = make_action(env, kind)
                a[1 + L:1 + L + n] = [i for i in range(n) if i != inner] + [inner]
                out.append(a)
        elif kind == "I":
            for k in np.flatnonzero(comp[1 + L]):
                a = make_action(env, kind)
                a[1 + L] = k
                out.append(a)
        else:
            out.append(make_action(env, kind))
    return out


def greedy_search(env: gym.Env, benchmark: str, budget: int, store: ReplayStore | None = None) -> SearchResult:
    """Greedy over single actions, each judged by measuring the schedule completed with NT."""
    env = env.unwrapped
    stats = MeasurementStatistics(env)  # this search's own counts
    player = Recorder(stats, store, "greedy") if store is not None else stats
    out = SearchResult(benchmark)
    env.reset(options={"benchmark": benchmark})
    prefix: list[np.ndarray] = []
    done = False
    while not done and stats.measurements < budget:
        best_a, best_speedup = None, -1.0
        for a in candidate_actions(env):
            if stats.measurements >= budget:
                break
            result, schedule = finish_episode(player, prefix + [a])
            out.consider(result, schedule, prefix + [a])
            if result.verified and result.speedup > best_speedup:
                best_a, best_speedup = a, result.speedup
        prefix.append(best_a if best_a is not None else make_action(env))
        # Replayed on the bare env, not counted: a prefix that ends the episode was measured above, as a candidate.
        env.reset(options={"benchmark": benchmark})
        for a in prefix:
            _, _, done, _, _ = env.step(a)
    out.count(stats)
    return out


def save_schedule(env: gym.Env, result: SearchResult, folder: str | Path) -> dict[str, str]:
    """Write the best schedule as canonical JSON (replays with `bin/measure.py --schedule`), its transform script
    and the payload the script applies to (replays with `mlir-opt`). Returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if result.schedule is None:
        return {}
    bench = next(b.bench for b in env.unwrapped.benches if b.bench.name == result.benchmark)
    payload, script = compile_schedule(bench, result.schedule)
    paths = {"schedule": folder / f"{result.benchmark}.schedule.json",
             "script": folder / f"{result.benchmark}.transform.mlir",
             "payload": folder / f"{result.benchmark}.payload.mlir"}
    paths["schedule"].write_text(json.dumps(json.loads(result.schedule.canonical()), indent=1) + "\n")
    paths["script"].write_text(script)
    paths["payload"].write_text(payload)
    return {k: str(v) for k, v in paths.items()}
