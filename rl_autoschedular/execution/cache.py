"""Results cache: SQLite in WAL mode, safe under concurrent writers (processes, later Dask workers).

An entry is keyed by the benchmark IR hash, the canonical schedule, the machine fingerprint, the MLIR version and
the thread count, so timings from another machine, compiler or thread count are never served. Every `put` commits
at once: a process killed a moment later loses nothing it already stored.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS measurements (
    ir_hash TEXT NOT NULL,
    schedule TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    mlir_version TEXT NOT NULL,
    threads INTEGER NOT NULL,
    status TEXT NOT NULL,
    result TEXT NOT NULL,
    created REAL NOT NULL DEFAULT (julianday('now')),
    PRIMARY KEY (ir_hash, schedule, fingerprint, mlir_version, threads)
)
"""


class ResultsCache:
    """A persistent map from (ir_hash, schedule, fingerprint, mlir_version, threads) to a result dict."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # autocommit mode; a generous busy timeout lets concurrent writers queue instead of failing
        self._conn = sqlite3.connect(str(self.path), timeout=60.0, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute(_SCHEMA)

    def get(self, ir_hash: str, schedule: str, fingerprint: str, mlir_version: str, threads: int) -> dict | None:
        """The stored result, or None."""
        row = self._conn.execute(
            "SELECT result FROM measurements WHERE ir_hash=? AND schedule=? AND fingerprint=? AND mlir_version=? "
            "AND threads=?", (ir_hash, schedule, fingerprint, mlir_version, threads)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, ir_hash: str, schedule: str, fingerprint: str, mlir_version: str, threads: int,
            result: dict) -> None:
        """Store (or replace) a result; committed before returning."""
        self._conn.execute(
            "INSERT OR REPLACE INTO measurements (ir_hash, schedule, fingerprint, mlir_version, threads, status, "
            "result) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (ir_hash, schedule, fingerprint, mlir_version, threads, result.get("status", ""),
             json.dumps(result, sort_keys=True)))

    def __len__(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM measurements").fetchone()[0]

    def close(self) -> None:
        self._conn.close()
