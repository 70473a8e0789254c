"""The fixed-size observation. `observation_layout` is the one place that says where everything is.

    [ op features of the current op | op features of its fusible producer (zeros if none)
      | action history of the current op | progress | the heuristic prior's action | action mask ]

Op features (`op_feature_layout`): op-kind one-hot, loop bounds and current tile bounds (log2-scaled), loop kinds
(1 = reduction), loop presence, the access matrices (loads in the first slots, the store in the last, one row per
tensor dim, one column per loop plus the constant), and the body's arithmetic counts (log-scaled).
History: per decision of the op, the type one-hot, the tile-size choices (scaled to [0, 1]) and the interchange
choices (scaled to [0, 1]). The prior's action is the MultiDiscrete vector the rules of `prior.py` would take at
this decision on this machine (raw choice indices): the policy adds a learned bonus to it, so that on code it never
trained on it follows the rules unless it learned to depart from them. The mask is `actions.flat_mask` of the
current decision.
"""

from __future__ import annotations

import numpy as np

from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.actions import ACTION_TYPES, nvec
from rl_autoschedular.ir.op_info import OpInfo

OP_KINDS = ("matmul", "batch_matmul", "conv_nchw", "conv_nhwc", "depthwise_conv", "pool_nchw", "pool_nhwc",
            "generic", "elementwise", "transpose", "broadcast", "fill", "other")
ARITH = ("arith.addf", "arith.mulf", "arith.subf", "arith.divf", "max", "arith.cmpf", "arith.select", "math.exp",
         "other")
_LOG_SCALE = 16.0  # log2 of a loop bound of 65536 maps to 1
_ACCESS_CLIP = 8.0


def op_kind(name: str) -> str:
    """The op-kind bucket of a linalg op name."""
    short = name.removeprefix("linalg.")
    if short in ("matmul", "batch_matmul", "generic", "transpose", "broadcast", "fill"):
        return short
    if short.startswith("conv_2d_nchw"):
        return "conv_nchw"
    if short.startswith(("conv_2d_nhwc", "conv_1d", "conv_3d")):
        return "conv_nhwc"
    if short.startswith("depthwise_conv"):
        return "depthwise_conv"
    if short.startswith("pooling_nchw"):
        return "pool_nchw"
    if short.startswith("pooling_"):
        return "pool_nhwc"
    if short in ("add", "sub", "mul", "div", "max", "min", "exp", "abs", "map", "elemwise_unary", "elemwise_binary"):
        return "elementwise"
    return "other"


def op_feature_layout(cfg: EnvConfig) -> dict[str, slice]:
    """Named slices of one op's feature vector."""
    L = cfg.max_loops
    sizes = {"kind": len(OP_KINDS), "bounds": L, "tile_bounds": L, "reduction": L, "present": L,
             "accesses": cfg.max_operands * cfg.max_rank * (L + 1), "arith": len(ARITH)}
    out, start = {}, 0
    for name, size in sizes.items():
        out[name] = slice(start, start + size)
        start += size
    return out


def _size(layout: dict[str, slice]) -> int:
    return max(s.stop for s in layout.values())


def history_width(cfg: EnvConfig) -> int:
    """Features of one past decision."""
    return len(ACTION_TYPES) + 2 * cfg.max_loops


def observation_layout(cfg: EnvConfig) -> dict[str, slice]:
    """Named slices of the whole observation vector."""
    op = _size(op_feature_layout(cfg))
    sizes = {"op": op, "producer": op, "history": cfg.max_steps_per_op * history_width(cfg), "progress": 2,
             "prior": len(nvec(cfg)), "action_mask": sum(nvec(cfg))}
    out, start = {}, 0
    for name, size in sizes.items():
        out[name] = slice(start, start + size)
        start += size
    return out


def observation_size(cfg: EnvConfig) -> int:
    return _size(observation_layout(cfg))


def fits(cfg: EnvConfig, info: OpInfo) -> str:
    """Empty if the op fits the encoding, else why it does not (the op is then reported and skipped)."""
    if not info.loops:
        return f"{info.name} has no loop nest"
    if len(info.loops) > cfg.max_loops:
        return f"{len(info.loops)} loops > max_loops {cfg.max_loops}"
    if any(len(a.matrix) > cfg.max_rank for a in info.accesses):
        return f"an operand of rank > max_rank {cfg.max_rank}"
    return ""


def _log_bounds(bounds: list[int], width: int) -> np.ndarray:
    out = np.zeros(width, np.float32)
    out[:len(bounds)] = np.log2(np.asarray(bounds, np.float64) + 1) / _LOG_SCALE
    return out


def _encoded_loads(loads: list, slots: int) -> list:
    """The loads that fill the encoding's slots, in operand order: all of them if they fit, else those of the
    highest rank. A merged elementwise tail (a layer norm's: the input, the row mean and scale, the weight and the
    bias) reads more operands than there are slots; its full-size input tells more than its per-row scalars."""
    if len(loads) <= slots:
        return loads
    keep = sorted(range(len(loads)), key=lambda i: -len(loads[i].matrix))[:slots]
    return [loads[i] for i in sorted(keep)]


def op_features(cfg: EnvConfig, info: OpInfo | None, tile_bounds: list[int] | None = None,
                kinds: list[str] | None = None) -> np.ndarray:
    """One op's feature vector (zeros for None). `tile_bounds` and `kinds` are the current ones, in loop order."""
    lay = op_feature_layout(cfg)
    out = np.zeros(_size(lay), np.float32)
    if info is None:
        return out
    L = cfg.max_loops
    out[lay["kind"]][OP_KINDS.index(op_kind(info.name))] = 1
    bounds = [l.bound for l in info.loops]
    out[lay["bounds"]] = _log_bounds(bounds, L)
    out[lay["tile_bounds"]] = _log_bounds(tile_bounds or bounds, L)
    kinds = kinds or [l.kind for l in info.loops]
    out[lay["reduction"]][:len(kinds)] = [k == "reduction" for k in kinds]
    out[lay["present"]][:len(kinds)] = 1
    acc = np.zeros((cfg.max_operands, cfg.max_rank, L + 1), np.float32)
    loads = _encoded_loads([a for a in info.accesses if a.role == "load"], cfg.max_operands - 1)
    stores = [a for a in info.accesses if a.role == "store"][-1:]
    for slot, a in list(enumerate(loads)) + [(cfg.max_operands - 1, s) for s in stores]:
        for r, row in enumerate(a.matrix):
            acc[slot, r, :len(row) - 1] = row[:-1]
            acc[slot, r, L] = row[-1]
    out[lay["accesses"]] = np.clip(acc, -_ACCESS_CLIP, _ACCESS_CLIP).ravel()
    counts = np.zeros(len(ARITH), np.float32)
    for name, n in info.arith_counts.items():
        key = "max" if name in ("arith.maximumf", "arith.maxnumf") else name
        counts[ARITH.index(key) if key in ARITH else ARITH.index("other")] += n
    out[lay["arith"]] = np.log1p(counts)
    return out


def history_features(cfg: EnvConfig, history: list[np.ndarray]) -> np.ndarray:
    """The current op's past decisions, one block each, zeros for decisions not yet made."""
    width, L = history_width(cfg), cfg.max_loops
    out = np.zeros((cfg.max_steps_per_op, width), np.float32)
    n_sizes = len(cfg.size_choices) - 1
    for i, a in enumerate(history[:cfg.max_steps_per_op]):
        out[i, int(a[0])] = 1
        out[i, len(ACTION_TYPES):len(ACTION_TYPES) + L] = a[1:1 + L] / max(1, n_sizes)
        out[i, len(ACTION_TYPES) + L:] = a[1 + L:1 + 2 * L] / max(1, nvec(cfg)[1 + L] - 1)
    return out.ravel()
