"""The hierarchical action space: a type, then that type's parameters, with masks from each op's real structure.

One action is a MultiDiscrete vector:

    [type] + [tile size choice per loop slot] (max_loops) + [interchange] (max_loops)

- type: one of ACTION_TYPES. T tiles (outer, then register tile), TP tiles the parallel loops with scf.forall,
  TPF does TP and fuses the op's fusible producer into the tiles, I interchanges, V vectorizes (terminal), IM2COL,
  L (layout NCHW -> NHWC) and FLAT (an elementwise op's loops collapsed into one) are an op's first action, P packs
  a tiled contraction's vector operands (each tile copied into a contiguous buffer), NT ends the op untouched.
- tile sizes: choice 0 = loop not tiled, choice k = `EnvConfig.size_choices[k]`.
- interchange, "pointers" mode: slot j names the loop that goes to level j; a policy masks the loops chosen at
  earlier levels (`pointer_mask`), so the n choices form a permutation in one step. "swaps" mode: slot 0 picks one
  pair (i, j) of `swap_pairs` to exchange; the other slots have a single choice.

`OpState` follows one op through its decisions (current loop order, tile bounds, what it may still do).
`masks` gives one boolean array per action component; `decode` checks an action against them and turns it into
schedule Actions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from itertools import combinations

import numpy as np

from rl_autoschedular.config import EnvConfig
from rl_autoschedular.execution.schedule import Action
from rl_autoschedular.ir.op_info import CASTS, LAYOUT_OPS, OpInfo

ACTION_TYPES = ("T", "TP", "TPF", "I", "V", "IM2COL", "L", "FLAT", "P", "NT")
TERMINAL = ("V", "NT")
IM2COL_OPS = ("linalg.conv_2d_nhwc_hwcf", "linalg.conv_2d_nchw_fchw")
# Loop positions of (oh, ow, kh, kw) in each convolution or pooling that `decompose` turns into a 1-D op: it needs
# oh and kh (or ow and kw) tiled to 1.
_WINDOW_LOOPS = {
    "linalg.conv_2d_nhwc_hwcf": (1, 2, 4, 5),
    "linalg.conv_2d_nchw_fchw": (2, 3, 5, 6),
    "linalg.depthwise_conv_2d_nhwc_hwc": (1, 2, 4, 5),
    "linalg.pooling_nhwc_max": (1, 2, 4, 5),
    "linalg.pooling_nhwc_sum": (1, 2, 4, 5),
    "linalg.pooling_nchw_max": (2, 3, 4, 5),
    "linalg.pooling_nchw_sum": (2, 3, 4, 5),
}
_WINDOWED_PREFIXES = ("linalg.conv_", "linalg.depthwise_conv_", "linalg.pooling_")


def swap_pairs(n: int) -> list[tuple[int, int]]:
    """The loop pairs of the "swaps" interchange mode, in choice order."""
    return list(combinations(range(n), 2))


def nvec(cfg: EnvConfig) -> list[int]:
    """Choices per action component."""
    L = cfg.max_loops
    inter = [L] * L if cfg.interchange_mode == "pointers" else [max(1, len(swap_pairs(L)))] + [1] * (L - 1)
    return [len(ACTION_TYPES)] + [len(cfg.size_choices)] * L + inter


def im2col_bounds(name: str, b: tuple[int, ...]) -> tuple[int, ...]:
    """Loops of the GEMM-like op im2col makes of a convolution (batch, rows, cols, reduction)."""
    if name == "linalg.conv_2d_nhwc_hwcf":  # (n, oh, ow, f, kh, kw, c) -> (n, oh*ow, f, kh*kw*c)
        return (b[0], b[1] * b[2], b[3], b[4] * b[5] * b[6])
    return (b[0], b[1], b[2] * b[3], b[4] * b[5] * b[6])  # nchw: (n, f, oh, ow, c, kh, kw) -> (n, f, oh*ow, c*kh*kw)


@dataclass
class OpState:
    """One op during an episode: its analysis, current loop order and tile bounds, and the decisions so far."""

    info: OpInfo
    name: str
    kinds: list[str]
    bounds: list[int]
    producer: str | None = None  # the fusible producer TPF would fuse
    fused: bool = False  # fused into a consumer's tiles: no layout change or im2col (see `masks`)
    actions: list[Action] = field(default_factory=list)
    history: list[np.ndarray] = field(default_factory=list)  # the raw action vectors, for the observation
    tilings: int = 0
    parallel: bool = False
    reduction_tiled: bool = False  # a reduction loop was tiled: the op sits alone in that loop
    interchanged: bool = False
    done: bool = False

    @staticmethod
    def start(info: OpInfo, producer: str | None, bounds: list[int] | None = None) -> "OpState":
        """A fresh op; `bounds` overrides the loop bounds (an op fused into a consumer's tiles spans one tile)."""
        return OpState(info, info.name, [l.kind for l in info.loops], bounds or [l.bound for l in info.loops],
                       producer, fused=bounds is not None)

    @property
    def n_loops(self) -> int:
        return len(self.kinds)

    def copy(self) -> "OpState":
        """An independent copy: its lists are new (the analysis, the Actions and the history's arrays are never
        changed in place, so they are shared)."""
        return replace(self, kinds=list(self.kinds), bounds=list(self.bounds), actions=list(self.actions),
                       history=list(self.history))

    def relayout(self, info: OpInfo) -> None:
        """After L: the op is its NHWC twin, with that twin's loops."""
        self.info, self.name = info, info.name
        self.kinds, self.bounds = [l.kind for l in info.loops], [l.bound for l in info.loops]


def _size_mask(cfg: EnvConfig, kind: str, bound: int) -> np.ndarray:
    allowed = set(cfg.tile_sizes if kind == "parallel" else cfg.reduction_tile_sizes)
    return np.array([k == 0 or (s in allowed and s < bound and (not cfg.divisible_tiles or bound % s == 0))
                     for k, s in enumerate(cfg.size_choices)])


def flattenable(st: OpState) -> bool:
    """FLAT: an elementwise op of rank 2 or more whose operands all follow its loops in order (no broadcast, no
    transpose), so that its loops collapse into one. Small odd trailing dims (7x7) then tile and vectorize."""
    n = st.n_loops
    identity = [[int(i == j) for j in range(n)] + [0] for i in range(n)]
    return (n >= 2 and all(k == "parallel" for k in st.kinds) and st.name != "linalg.fill"
            and "linalg.index" not in st.info.arith_counts  # an index-reading body is not elementwise upstream
            and all(a.matrix == identity for a in st.info.accesses if a.matrix))


def pack_flags(st: OpState) -> tuple[int, ...]:
    """P: one flag per operand, 1 for the inputs that the register tile reads as vectors, i.e. whose innermost
    dimension follows the op's innermost parallel loop (B[k, n] of a matmul; A[m, k] is broadcast by element).
    All zero where P does not apply: an op not yet tiled, already packed or interchanged (the access matrices
    follow the analysed loop order), without a reduction, or windowed (a convolution's tile is read through
    its window)."""
    n = st.n_loops
    none = (0,) * len(st.info.accesses)
    tiled = st.tilings or st.parallel
    if (not tiled or st.interchanged or "reduction" not in st.kinds or st.name.startswith(_WINDOWED_PREFIXES)
            or any(a.kind == "pack" for a in st.actions)):
        return none
    inner = max(i for i in range(n) if st.kinds[i] == "parallel") if "parallel" in st.kinds else -1
    follows = [a.role == "load" and bool(a.matrix) and a.matrix[-1][:n] == [int(j == inner) for j in range(n)]
               for a in st.info.accesses]
    return tuple(int(f) for f in follows) if any(follows) else none


def _decomposable(st: OpState) -> bool:
    """Whether `decompose` can make the op 1-D: its output rows and window rows (or columns) are tiled to 1. Where
    both were 1 from the start (no tiling made a slice), the input must be 1 there too: MLIR 22 decomposes a
    1-row output of a 2-row input (a stride-2 or 1x1-window op) into wrong results (reproducer in
    tests/test_env.py::test_untiled_decomposition_of_a_taller_input_is_masked)."""
    loops = _WINDOW_LOOPS.get(st.name)
    if loops is None or st.interchanged:
        return False
    image = st.info.operand_shapes[0] if st.info.operand_shapes else []
    nchw = st.name.endswith(("nchw_fchw", "nchw_max", "nchw_sum"))
    rows_dim, cols_dim = (2, 3) if nchw else (1, 2)

    def one(out: int, window: int, dim: int) -> bool:
        if st.bounds[loops[out]] != 1 or st.bounds[loops[window]] != 1:
            return False
        untiled = st.info.loops[loops[out]].bound == 1 and st.info.loops[loops[window]].bound == 1
        return not untiled or len(image) <= dim or image[dim] == 1

    return one(0, 2, rows_dim) or one(1, 3, cols_dim)


def _dilated(st: OpState) -> bool:
    """Whether an input is read along a window loop with a step above 1 (a dilated convolution): upstream
    `convert_conv2d_to_img2col` refuses it, and the transform fails to apply."""
    window = _WINDOW_LOOPS.get(st.name, ())[2:]
    return any(row[w] > 1 for a in st.info.accesses if a.role == "load" for row in a.matrix for w in window)


def _vectorizable_maps(st: OpState) -> bool:
    """The vectorizer's precondition on a non-windowed op: every indexing map is a projected permutation, zero
    results allowed. A map result that is another constant (an LQCD kernel reading the imaginary part at index 1)
    or a sum of loops fails it ("not projected permutations"). After im2col the op is no longer the analysed one."""
    if st.name.startswith(_WINDOWED_PREFIXES) or any(a.kind == "im2col" for a in st.actions):
        return True
    return _plain_reads(st, False) is not None


def plain_loop(row: list[int]) -> int | None:
    """The loop an access row reads with a plain index (one loop, coefficient 1, no constant), else None."""
    hits = [i for i, c in enumerate(row[:-1]) if c]
    return hits[0] if len(hits) == 1 and row[hits[0]] == 1 and row[-1] == 0 else None


# Points a vector transpose may hold: its lowering goes element by element, and LLVM's time grows with it (an
# interchanged rank-5 attention transpose compiled in 1 s at 256 points, 5 s at 512, past the 10 s limit at 2048).
TRANSPOSE_VECTOR_LIMIT = 256
# Rows (the tile's points over its innermost loop) a vector may hold: each row is lowered on its own, and LLVM's
# time grows faster than their number (a 2x2 average pool over 512 channels: 128 rows compiled in 0.24 s, 256 in
# 0.6 s, 512 in 3.8 s, 1024 past the 10 s limit). A body with math ops expands each row into dozens of instructions:
# a bias between two GELUs, 192 rows of 3, compiled past 10 s; 48 rows took 1.4 s.
_VECTOR_ROWS, _MATH_VECTOR_ROWS = 256, 64


def _transposes(st: OpState) -> bool:
    """Whether V would transpose a vector: the op has no reduction (a contraction's operands become outer products,
    not transposes) and an operand's innermost dim is walked by another loop than the innermost one, which the
    operand also reads."""
    if "reduction" in st.kinds or st.name.startswith(_WINDOWED_PREFIXES) or any(
            a.kind in ("im2col", "flatten") for a in st.actions):
        return False
    perm = next((a.perm for a in st.actions if a.kind == "interchange"), None)
    inner = perm[-1] if perm else st.n_loops - 1  # the access matrices follow the analysed loop order
    for access in st.info.accesses:
        loops = [plain_loop(row) for row in access.matrix]
        if loops and loops[-1] not in (None, inner) and inner in loops[:-1]:
            return True
    return False


def _plain_reads(st: OpState, fold_units: bool) -> list[list[int | None]] | None:
    """Each access's dims as the current loop that reads it (None: index 0), with the tile's loops of one iteration
    folded away if `fold_units`; None where a dim reads a sum, a scaled loop (a stride) or an offset, or two dims
    read one loop: maps the vectorizer refuses."""
    perm = next((a.perm for a in st.actions if a.kind == "interchange"), tuple(range(st.n_loops)))
    where = {old: new for new, old in enumerate(perm)}
    reads = []
    for access in st.info.accesses:
        dims = []
        for row in access.matrix:
            kept = [0 if fold_units and st.bounds[where[i]] == 1 else c for i, c in enumerate(row[:-1])] + [row[-1]]
            loop = plain_loop(kept)
            if loop is None and any(kept):
                return None
            dims.append(None if loop is None else where.get(loop, loop))
        loops = [d for d in dims if d is not None]
        if len(set(loops)) != len(loops):
            return None
        reads.append(dims)
    return reads


def unit_foldable(st: OpState) -> bool:
    """V of a convolution or pooling that `decompose` cannot make 1-D (NCHW depthwise, an interchanged conv): its
    loops of one iteration fold away, and what is left reads plain loops. A reduction loop must have been tiled,
    so that the op sits alone in that loop, where the builder folds. A vector that would be transposed holds at
    most `TRANSPOSE_VECTOR_LIMIT` points."""
    reads = _plain_reads(st, True) if st.reduction_tiled and st.name.startswith(_WINDOWED_PREFIXES) else None
    if reads is None:
        return False
    live = [i for i, b in enumerate(st.bounds) if b != 1]
    if not live or any(st.kinds[i] == "reduction" for i in live):
        return True  # a contraction's operands become outer products, not transposes
    inner = live[-1]
    transposes = any(d and d[-1] not in (None, inner) and inner in d[:-1] for d in reads)
    return not transposes or math.prod(st.bounds) <= TRANSPOSE_VECTOR_LIMIT


def can_vectorize(cfg: EnvConfig, st: OpState) -> bool:
    """V: the tiled iteration space holds more than one point and no more than the limit (for a casting body, its
    innermost loop, which becomes the 1-D vectors, under `cast_vector_limit`; for a transposing op, at most 256
    points; at most 256 rows, 64 for a body with math ops), the op is no reduction with several results (the
    vectorizer fails on a max and its index, as torch-mlir's argmax is), its maps are ones the vectorizer takes,
    and a convolution or pooling can be made 1-D first (`decompose`) or has its loops of one iteration folded
    (`unit_foldable`)."""
    # One element is no vector: V of a 1x1x1 tile of a GELU ran 6x slower than the untiled loops.
    if st.n_loops == 0 or not 1 < math.prod(st.bounds) <= cfg.vector_limit:
        return False
    # A casting body's vector width costs LLVM superlinear code generation time (an f32 -> f64 extf: 0.3 s at 64
    # lanes, 1.8 s at 128, 41 s at 768).
    if CASTS & st.info.arith_counts.keys() and st.bounds[-1] > cfg.cast_vector_limit:
        return False
    if math.prod(st.bounds) > TRANSPOSE_VECTOR_LIMIT and _transposes(st):
        return False
    rows = math.prod(st.bounds[:-1])
    if rows > (_MATH_VECTOR_ROWS if any(k.startswith("math.") for k in st.info.arith_counts) else _VECTOR_ROWS):
        return False
    if "reduction" in st.kinds and sum(a.role == "store" for a in st.info.accesses) > 1:
        return False
    if not _vectorizable_maps(st):
        return False
    return _decomposable(st) or unit_foldable(st) if st.name.startswith(_WINDOWED_PREFIXES) else True


def masks(cfg: EnvConfig, st: OpState, step: int) -> list[np.ndarray]:
    """One boolean mask per action component for `st` at its decision `step` (0-based)."""
    L, n = cfg.max_loops, st.n_loops
    sizes = [_size_mask(cfg, st.kinds[i], st.bounds[i]) if i < n else np.eye(len(cfg.size_choices), dtype=bool)[0]
             for i in range(L)]
    tileable = any(m[1:].any() for m in sizes)
    parallel_tileable = any(sizes[i][1:].any() for i in range(n) if st.kinds[i] == "parallel")
    first = not st.actions
    last = step >= cfg.max_steps_per_op - 1
    allowed = {
        "T": tileable and st.tilings < cfg.max_tilings,
        "TP": parallel_tileable and not st.parallel and st.tilings == 0 and not st.interchanged,
        "TPF": parallel_tileable and first and st.producer is not None,
        "I": 2 <= n and not st.interchanged,
        "V": can_vectorize(cfg, st),
        # Not on an op fused into its consumer's tiles: the layout change puts a transpose between the two, where
        # fusion finds no producer, and im2col of the fused copy computed wrong tiles.
        "IM2COL": first and st.name in IM2COL_OPS and not st.fused and not _dilated(st),
        "L": first and st.name in LAYOUT_OPS and not st.fused,
        "FLAT": first and not st.fused and flattenable(st),
        "P": any(pack_flags(st)),
        "NT": True,
    }
    types = np.array([allowed[t] and (t in TERMINAL or not last) for t in ACTION_TYPES])
    if cfg.interchange_mode == "pointers":
        inter = [np.arange(L) < n if j < n else np.arange(L) == j for j in range(L)]
    else:
        n_pairs = len(swap_pairs(L))
        inter = [np.array([j < n for _, j in swap_pairs(L)] or [True])[:max(1, n_pairs)]]
        inter += [np.ones(1, dtype=bool)] * (L - 1)
    return [types] + sizes + inter


def pointer_mask(level_mask: np.ndarray, chosen: list[int]) -> np.ndarray:
    """The level-pointer rule: a loop already placed at an earlier level cannot be chosen again."""
    out = level_mask.copy()
    out[list(chosen)] = False
    return out


def flat_mask(component_masks: list[np.ndarray]) -> np.ndarray:
    """All component masks concatenated, as int8 (the layout of `info["action_mask"]`)."""
    return np.concatenate(component_masks).astype(np.int8)


def decode(cfg: EnvConfig, st: OpState, action: np.ndarray, comp: list[np.ndarray]) -> tuple[str, Action | None, str]:
    """(type, schedule Action or None, error) of `action` under the decision's masks `comp` (from `masks`).
    A non-empty error means the action breaks a mask or a rule."""
    action = np.asarray(action, dtype=np.int64)
    if action.shape != (len(comp),):
        return "NT", None, f"action has shape {action.shape}, expected ({len(comp)},)"
    t = int(action[0])
    if not (0 <= t < len(ACTION_TYPES)) or not comp[0][t]:
        return "NT", None, f"type {t} is masked"
    kind = ACTION_TYPES[t]
    L, n = cfg.max_loops, st.n_loops
    if kind in ("T", "TP", "TPF"):
        choice = action[1:1 + L]
        for i in range(L):
            if not (0 <= choice[i] < len(comp[1 + i])) or not comp[1 + i][choice[i]]:
                return kind, None, f"tile size choice {int(choice[i])} of loop {i} is masked"
        sizes = tuple(cfg.size_choices[int(c)] for c in choice[:n])
        if not any(s for s, k in zip(sizes, st.kinds) if k == "parallel" or kind == "T"):
            return kind, None, ""  # tiles nothing (the masks cannot say "at least one loop"): a wasted step
        name = {"T": "tile", "TP": "tile_parallel", "TPF": "tile_fuse"}[kind]
        return kind, Action(name, sizes, producer=st.producer if kind == "TPF" else ""), ""
    if kind == "I":
        inter = action[1 + L:1 + 2 * L]
        if cfg.interchange_mode == "pointers":
            perm = tuple(int(p) for p in inter[:n])
            if sorted(perm) != list(range(n)):
                return kind, None, f"level pointers {list(perm)} are not a permutation of {n} loops"
        else:
            pairs = swap_pairs(L)
            k = int(inter[0])
            if not (0 <= k < len(pairs)) or pairs[k][1] >= n:
                return kind, None, f"swap choice {k} is outside the op's {n} loops"
            order = list(range(n))
            i, j = pairs[k]
            order[i], order[j] = order[j], order[i]
            perm = tuple(order)
        return kind, Action("interchange", perm=perm), ""
    if kind == "V" and st.name.startswith(_WINDOWED_PREFIXES) and not _decomposable(st):
        return kind, Action("vectorize", tuple(st.bounds)), ""  # the builder folds the unit loops first
    return kind, {"V": Action("vectorize"), "IM2COL": Action("im2col"), "L": Action("layout"),
                  "FLAT": Action("flatten"), "P": Action("pack", pack_flags(st)), "NT": None}[kind], ""


def advance(st: OpState, kind: str, action: Action | None) -> None:
    """Update the op's state with a decoded, valid action."""
    if action is None and kind != "NT":
        return  # a tiling that tiles nothing
    if action is not None:
        st.actions.append(action)
    if kind in ("T", "TP", "TPF"):
        st.bounds = [min(s, b) if s else b for s, b in zip(action.sizes, st.bounds)]
        st.tilings += kind == "T"
        st.parallel = st.parallel or kind != "T"
        st.reduction_tiled |= any(s and k == "reduction" for s, k in zip(action.sizes, st.kinds))
    elif kind == "I":
        st.kinds = [st.kinds[p] for p in action.perm]
        st.bounds = [st.bounds[p] for p in action.perm]
        st.interchanged = True  # the op is generalized: a convolution can no longer be decomposed and vectorized
    elif kind == "IM2COL":
        st.bounds = list(im2col_bounds(st.name, tuple(st.bounds)))
        st.kinds = ["parallel", "parallel", "parallel", "reduction"]
        st.name = "linalg.generic"
    elif kind == "FLAT":
        st.bounds, st.kinds = [math.prod(st.bounds)], ["parallel"]
    st.done = kind in TERMINAL
