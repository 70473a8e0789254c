"""The proxy reward: a static cost estimate from the IR analysis, with no compilation and no execution.

It is a crude roofline per op, meant for fast debugging of the agent and the env, not for judging schedules:

    time(op) = flops / compute_rate + bytes / bandwidth
    flops    = iteration points * max(1, arithmetic ops in the body)
    compute_rate = SCALAR_GFLOPS, x VECTOR_GAIN if vectorized, x threads if parallel-tiled
    bytes    = 4 * (elements of every operand), x REUSE_PENALTY unless the op is tiled so that one tile's
               operands fit in L2_BYTES (an untiled large op streams its operands again for every outer iteration)

The reward is log(time of the unscheduled ops / time under the schedule). It never sees layout, fusion or
interchange effects beyond these terms: those show only in measured rewards.
"""

from __future__ import annotations

import math

from rl_autoschedular.env.actions import OpState

SCALAR_GFLOPS = 1.0
VECTOR_GAIN = 8.0
BANDWIDTH_GBS = 10.0
L2_BYTES = 1 << 20
REUSE_PENALTY = 4.0


def _op_time(st: OpState | None, info, threads: int) -> float:
    points = math.prod(l.bound for l in info.loops)
    flops = points * max(1, sum(info.arith_counts.values()))
    rate = SCALAR_GFLOPS
    tiled_fits = False
    if st is not None:
        kinds = {a.kind for a in st.actions}
        rate *= VECTOR_GAIN if "vectorize" in kinds else 1.0
        rate *= threads if kinds & {"tile_parallel", "tile_fuse"} else 1.0
        if kinds & {"tile", "tile_parallel", "tile_fuse"}:
            tile_points = math.prod(st.bounds)
            tiled_fits = 4 * tile_points * max(1, len(info.accesses)) <= L2_BYTES
    elements = sum(math.prod(s) for s in info.operand_shapes if s)
    bytes_moved = 4 * elements * (1.0 if tiled_fits else REUSE_PENALTY)
    return flops / (rate * 1e9) + bytes_moved / (BANDWIDTH_GBS * 1e9)


def proxy_log_speedup(states: list[OpState], threads: int = 1) -> float:
    """log(estimated unscheduled time / estimated scheduled time) over the scheduled ops."""
    base = sum(_op_time(None, st.info, threads) for st in states)
    now = sum(_op_time(st, st.info, threads) for st in states)
    return math.log(base / now) if now > 0 and base > 0 else 0.0
