"""Results cache: SQLite in WAL mode, safe under concurrent writers (processes, later Dask workers).

An entry is keyed by the benchmark IR hash, the canonical schedule, the machine fingerprint, the MLIR version, the
thread count and the measurement identity (`machine.measurement_identity`: a hash of the builder, lowering and
verification code and of the seed, timing and reference-check settings), so a timing from another machine,
compiler, thread count, code or setting is never served. Every `put` commits at once: a process killed a moment
later loses nothing it already stored.

The table is named for its schema version: a cache file written by an older schema keeps its old table, which is
never read, so an old file is simply not served instead of failing.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

_TABLE = "measurements_v2"
_KEY = ("ir_hash", "schedule", "fingerprint", "mlir_version", "threads", "config_hash")
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {_TABLE} (
    ir_hash TEXT NOT NULL,
    schedule TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    mlir_version TEXT NOT NULL,
    threads INTEGER NOT NULL,
    config_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT NOT NULL,
    created REAL NOT NULL DEFAULT (julianday('now')),
    PRIMARY KEY ({", ".join(_KEY)})
)
"""


class ResultsCache:
    """A persistent map from (ir_hash, schedule, fingerprint, mlir_version, threads, config_hash) to a result."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # autocommit mode; a generous busy timeout lets concurrent writers queue instead of failing
        self._conn = sqlite3.connect(str(self.path), timeout=60.0, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute(_SCHEMA)

    def get(self, ir_hash: str, schedule: str, fingerprint: str, mlir_version: str, threads: int,
            config_hash: str) -> dict | None:
        """The stored result, or None."""
        row = self._conn.execute(
            f"SELECT result FROM {_TABLE} WHERE " + " AND ".join(f"{k}=?" for k in _KEY),
            (ir_hash, schedule, fingerprint, mlir_version, threads, config_hash)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, ir_hash: str, schedule: str, fingerprint: str, mlir_version: str, threads: int,
            config_hash: str, result: dict) -> None:
        """Store (or replace) a result; committed before returning."""
        self._conn.execute(
            f"INSERT OR REPLACE INTO {_TABLE} ({', '.join(_KEY)}, status, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (ir_hash, schedule, fingerprint, mlir_version, threads, config_hash, result.get("status", ""),
             json.dumps(result, sort_keys=True)))

    def verified_times(self, ir_hash: str, threads: int) -> list[tuple[str, str, int]]:
        """(schedule, measurement identity, median ns) of every ok result of one benchmark at `threads`; results
        of one identity (machine, MLIR, measurement config) are comparable with each other, not across."""
        rows = self._conn.execute(
            f"SELECT schedule, fingerprint || mlir_version || config_hash, result FROM {_TABLE} "
            "WHERE ir_hash=? AND threads=? AND status='ok'", (ir_hash, threads)).fetchall()
        return [(s, ident, json.loads(r)["time_ns"]) for s, ident, r in rows]

    def __len__(self) -> int:
        return self._conn.execute(f"SELECT COUNT(*) FROM {_TABLE}").fetchone()[0]

    def close(self) -> None:
        self._conn.close()
