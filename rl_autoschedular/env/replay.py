"""Replay store: every rewarded episode, kept across runs in SQLite (WAL mode, next to the results cache), for
offline updates (`agent/offline.py`, `bin/train_offline.py`) and self-imitation.

One row is one finished episode: the benchmark (name and IR hash), its source (`SOURCES`), the observations and
actions of each step, the behaviour policy's log-probability of each action where it is known (NaN for the
searches and the prior, which have none), the per-step rewards, the measured outcome (status, verified speedup,
canonical schedule) and a timestamp. Observations only mean something to a policy of the same encoding, so each row
carries the hash of the env config that laid them out (`encoding_key`) and readers filter on it.
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np

from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.observation import observation_layout

SOURCES = ("agent", "random", "greedy", "ranked", "prior", "staging", "production-file")
_TABLE = "episodes_v1"
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {_TABLE} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    benchmark TEXT NOT NULL,
    ir_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    encoding TEXT NOT NULL,
    obs BLOB NOT NULL,
    actions BLOB NOT NULL,
    logps BLOB NOT NULL,
    rewards BLOB NOT NULL,
    episode_return REAL NOT NULL,
    status TEXT,
    speedup REAL,
    schedule TEXT NOT NULL,
    extra TEXT NOT NULL,
    created REAL NOT NULL
)
"""


def encoding_key(cfg: EnvConfig) -> str:
    """Hash of the env settings that fix the observation and action layout (not the reward settings), and of the
    layout itself, which changes with the code."""
    layout = cfg.model_dump(exclude={"reward_mode", "penalties"})
    layout["observation"] = {name: [s.start, s.stop] for name, s in observation_layout(cfg).items()}
    return hashlib.sha256(json.dumps(layout, sort_keys=True).encode()).hexdigest()[:16]


def _pack(a: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(a), allow_pickle=False)
    return buf.getvalue()


def _unpack(b: bytes) -> np.ndarray:
    return np.load(io.BytesIO(b), allow_pickle=False)


@dataclass
class Episode:
    """One finished episode. `speedup` is None unless the final measurement was verified."""

    benchmark: str
    ir_hash: str
    source: str
    encoding: str
    obs: np.ndarray  # (steps, observation size) float32
    actions: np.ndarray  # (steps, action components) int64
    logps: np.ndarray  # (steps,) behaviour log-probabilities, NaN where unknown
    rewards: np.ndarray  # (steps,)
    status: str | None
    speedup: float | None
    schedule: str
    extra: dict
    created: float = 0.0
    id: int | None = None

    @property
    def episode_return(self) -> float:
        return float(np.sum(self.rewards))


class ReplayStore:
    """Append-only episodes in one SQLite file; safe under concurrent writers (every add commits at once)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)

    def add(self, ep: Episode) -> int:
        """Store one episode; returns its id."""
        if ep.source not in SOURCES:
            raise ValueError(f"unknown source {ep.source!r}; expected one of {', '.join(SOURCES)}")
        cur = self._db.execute(
            f"INSERT INTO {_TABLE} (benchmark, ir_hash, source, encoding, obs, actions, logps, rewards, "
            "episode_return, status, speedup, schedule, extra, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (ep.benchmark, ep.ir_hash, ep.source, ep.encoding, _pack(ep.obs.astype(np.float32)),
             _pack(ep.actions.astype(np.int64)), _pack(ep.logps.astype(np.float32)),
             _pack(ep.rewards.astype(np.float32)), ep.episode_return, ep.status, ep.speedup, ep.schedule,
             json.dumps(ep.extra), ep.created or time.time()))
        return int(cur.lastrowid)

    def episodes(self, encoding: str | None = None, sources: tuple[str, ...] | None = None,
                 benchmarks: list[str] | None = None, best_per_benchmark: int | None = None) -> list[Episode]:
        """Stored episodes in insertion order, optionally only those of one encoding, sources and benchmarks, and
        of those only the `best_per_benchmark` highest returns of each benchmark."""
        where, args = [], []
        if encoding is not None:
            where.append("encoding = ?")
            args.append(encoding)
        for column, values in (("source", sources), ("benchmark", benchmarks)):
            if values is not None:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                args.extend(values)
        selected = f"SELECT * FROM {_TABLE} {'WHERE ' + ' AND '.join(where) if where else ''}"
        if best_per_benchmark is not None:
            selected = (f"SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY benchmark ORDER BY "
                        f"episode_return DESC, id) AS rank FROM ({selected})) WHERE rank <= ?")
            args.append(best_per_benchmark)
        rows = self._db.execute(
            f"SELECT id, benchmark, ir_hash, source, encoding, obs, actions, logps, rewards, status, speedup, "
            f"schedule, extra, created FROM ({selected}) ORDER BY id", args).fetchall()
        return [Episode(benchmark=r[1], ir_hash=r[2], source=r[3], encoding=r[4], obs=_unpack(r[5]),
                        actions=_unpack(r[6]), logps=_unpack(r[7]), rewards=_unpack(r[8]), status=r[9],
                        speedup=r[10], schedule=r[11], extra=json.loads(r[12]), created=r[13], id=r[0])
                for r in rows]

    def counts(self) -> dict[str, int]:
        """Episodes per source."""
        return dict(self._db.execute(f"SELECT source, COUNT(*) FROM {_TABLE} GROUP BY source").fetchall())

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "ReplayStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def episode_of(env: gym.Env, source: str, obs: list, actions: list, rewards: list, info: dict,
               logps: list | None = None, extra: dict | None = None) -> Episode:
    """The Episode that a finished episode of `env` (bare or wrapped) played: its steps and its last `info`."""
    bench = env.unwrapped.benchmark
    return Episode(benchmark=bench.name, ir_hash=bench.ir_hash, source=source,
                   encoding=encoding_key(env.unwrapped.cfg), obs=np.stack(obs), actions=np.stack(actions),
                   logps=np.asarray(logps if logps is not None else [np.nan] * len(actions), np.float32),
                   rewards=np.asarray(rewards, np.float32), status=info.get("status"),
                   speedup=info.get("speedup") if info.get("verified") else None, schedule=info["schedule"],
                   extra=extra or {})


class Recorder(gym.Wrapper):
    """Writes every episode played through it to a ReplayStore, with `source` (the searches use it)."""

    def __init__(self, env: gym.Env, store: ReplayStore, source: str):
        super().__init__(env)
        self.store, self.source = store, source
        self._obs: list = []
        self._steps: list = []

    def reset(self, **kwargs):
        obs, info = self.env.reset(**kwargs)
        self._obs, self._steps = [obs], []
        return obs, info

    def step(self, action):
        obs, reward, done, truncated, info = self.env.step(action)
        self._steps.append((np.asarray(action), reward))
        if done or truncated:
            actions, rewards = zip(*self._steps)
            self.store.add(episode_of(self.env, self.source, self._obs[:len(actions)], list(actions),
                                      list(rewards), info))
        else:
            self._obs.append(obs)
        return obs, reward, done, truncated, info
