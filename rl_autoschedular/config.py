"""Validated configuration of the environment (and, through `load_config`, of whole runs).

Every model forbids unknown keys, so a typo in a config file is an error naming the key, not a silently ignored
setting.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .runner import STATUSES


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _powers_of_two(limit: int) -> list[int]:
    return [2 ** i for i in range(limit.bit_length()) if 2 ** i <= limit]


class EnvConfig(_Strict):
    """The scheduling environment: action space, observation sizes and reward."""

    max_steps_per_op: int = Field(5, ge=2, description="decisions per op; the last one must be terminal (V or NT)")
    tile_sizes: list[int] = Field(default_factory=lambda: _powers_of_two(128),
                                  description="candidate tile sizes of parallel loops")
    reduction_tile_sizes: list[int] = Field(default_factory=lambda: _powers_of_two(256),
                                            description="candidate tile sizes of reduction loops")
    divisible_tiles: bool = Field(True, description="mask sizes that do not divide the loop (partial tiles do not "
                                                    "vectorize)")
    max_tilings: int = Field(2, ge=1, description="T actions per op (outer tile, then register tile)")
    vector_limit: int = Field(2048, ge=1, description="V needs the tiled iteration space to hold at most this many "
                                                      "points")
    interchange_mode: Literal["pointers", "swaps"] = "pointers"
    max_loops: int = Field(8, ge=1, description="loops the encoding holds; ops with more are reported and skipped")
    max_operands: int = Field(4, ge=2, description="operands (access matrices) the encoding holds per op")
    max_rank: int = Field(4, ge=1, description="tensor rank the access matrices hold")
    reward_mode: Literal["final", "immediate", "proxy"] = "final"
    penalties: dict[str, float] = Field(default_factory=lambda: {
        "transform_error": -1.0, "compile_error": -1.0, "crash": -2.0, "timeout": -2.0, "wrong_output": -2.0,
        "lost": -1.0, "invalid_action": -0.5})

    @field_validator("tile_sizes", "reduction_tile_sizes")
    @classmethod
    def _positive_sorted(cls, v: list[int]) -> list[int]:
        if not v or any(s < 1 for s in v) or sorted(set(v)) != v:
            raise ValueError("tile sizes must be positive, distinct and increasing")
        return v

    @field_validator("penalties")
    @classmethod
    def _known_statuses(cls, v: dict[str, float]) -> dict[str, float]:
        known = set(STATUSES) - {"ok"} | {"lost", "invalid_action"}
        unknown = set(v) - known
        if unknown:
            raise ValueError(f"unknown statuses {sorted(unknown)}; expected some of {sorted(known)}")
        if any(p > 0 for p in v.values()):
            raise ValueError("penalties must not be positive: a failure is never rewarded")
        return {s: v.get(s, -1.0) for s in sorted(known)}

    @property
    def size_choices(self) -> list[int]:
        """Tile size per choice index: 0 = not tiled, then every candidate of either list."""
        return [0] + sorted(set(self.tile_sizes) | set(self.reduction_tile_sizes))
