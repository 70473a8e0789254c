"""A heuristic prior policy: the schedule a performance engineer would write first, as env actions.

It reads the op being decided (its loops, body and layout) and the machine (vector width, L1 and L2 sizes) and
proposes one action at a time, always one the masks allow. The env puts its proposal in every observation, and the
policy starts from it:

- an NCHW convolution changes layout (L), so that it decomposes to a 1-D op that vectorizes, or with a 1x1 window,
  a stride, or no more output pixels than filters, and pixels that fill whole vectors, becomes a matmul (IM2COL);
  a convolution or pooling gets its window rows tiled to 1 (decomposable), then a register tile, then V; an NCHW
  depthwise convolution (no 1-D form upstream) puts channels outermost, tiles (channel, row) pairs and its window
  to 1, then V (its unit loops fold away, which leaves rows of plain loads), and a strided NCHW pooling over rows
  longer than a vector is tiled by rows without V (vectorized, its strided reads become shuffles);
- a contraction (a reduction whose body multiplies and adds, over two or more parallel loops: matmul, batch
  matmul, im2col'd convolutions) gets an outer tile whose B panel fits in a quarter of L2, its vector operand packed
  (P), a register tile of 4 rows by two vectors, then V; when its B operand is a weight transpose (a linear
  layer, x @ W.T), the transpose is fused into column tiles of four vectors (TPF) instead, with no P; a dot
  product (a one-row linear layer or one query's attention scores, whose transpose the loader folds away) takes 4
  rows by 256 of the reduction;
- any other reduction (row sums, maxima) keeps its rows short and its reduction whole up to L1's share (with a
  casting body, as torch-mlir's f64 layer-norm sums have, no longer than V allows), then V;
- a transpose (an elementwise op reading an input through a permutation whose innermost dim another loop walks)
  gets a 2-D tile of 32 bytes of each input row by 32 of each result row (8x8 f32; whole cache lines of input
  rows a multiple of 4 KiB apart), then V: tiled
  by rows, each vector gathers its lanes one by one (a 256x1024 f32 transpose took 0.87 ms tiled 1x1 or by rows
  and 0.11 ms tiled 16x8; in the GPT block the weight transposes before its matmuls were 1.7 of 4.0 ms);
- an elementwise op collapses small trailing dims (FLAT), fuses its producer into its row tiles (TPF) when it has
  one, tiles its innermost loop to eight vectors, then V;
- with more than one thread, the first tile of each op is a parallel one (TP), so the outermost loops spread over
  the threads.
Anything the masks refuse is skipped; an op ends with V when it may, else NT. The rules are what the expert action
sequences of `evaluation/bench_env.py` do on each block family, written once for any op.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np

from rl_autoschedular.env.actions import (
    ACTION_TYPES,
    OpState,
    flattenable,
    pack_flags,
    plain_loop,
)
from rl_autoschedular.env.search import make_action
from rl_autoschedular.ir.op_info import CASTS, OpInfo

_WINDOWED = ("linalg.conv_", "linalg.depthwise_conv_", "linalg.pooling_")
_BYTES = {"f16": 2, "bf16": 2, "f32": 4, "f64": 8, "i8": 1, "i32": 4, "i64": 8}
# Per convolution or pooling: the first tile (window rows to 1, so that it decomposes to a 1-D op, and what else
# keeps the vector small), then the register tile or None; -1 stands for one vector of lanes, -2 for two.
_WINDOW_TILES = {
    "linalg.conv_2d_nhwc_hwcf": ((0, 1, 0, 0, 1, 0, 0), (0, 0, 4, -2, 1, 1, 1)),  # (n, oh, ow, f, kh, kw, c)
    "linalg.conv_2d_nchw_fchw": ((0, 0, 1, 0, 0, 1, 0), (0, 8, 0, -1, 1, 0, 0)),  # (n, f, oh, ow, c, kh, kw)
    "linalg.depthwise_conv_2d_nhwc_hwc": ((0, 1, 0, 0, 1, 0), (0, 0, 4, -2, 1, 1)),  # (n, oh, ow, c, kh, kw)
    # The window one step at a time inside the register tile, around a hoisted accumulator, not vectorized with it:
    # a 3x3/2 max pool over 64x112x112 NHWC, 0.32-0.37 -> 0.21 ms.
    "linalg.pooling_nhwc_max": ((1, 1, 0, 0, 0, 0), (0, 0, 4, -2, 1, 1)),  # (n, oh, ow, c, kh, kw)
    "linalg.pooling_nhwc_sum": ((1, 1, 0, 0, 0, 0), (0, 0, 4, -2, 1, 1)),
    "linalg.pooling_nchw_max": ((1, 1, 1, 0, 1, 0), None),  # (n, c, oh, ow, kh, kw): vectors along ow
    "linalg.pooling_nchw_sum": ((1, 1, 1, 0, 1, 0), None),
}
# The NCHW depthwise convolution has no 1-D form upstream: channels go outermost, each (channel, row) is a tile.
_DEPTHWISE_NCHW = "linalg.depthwise_conv_2d_nchw_chw"


@dataclass(frozen=True)
class Machine:
    """What the rules need to know of the CPU: bytes per vector register and the data cache sizes."""

    vector_bytes: int = 32
    l1_bytes: int = 32 * 1024
    l2_bytes: int = 512 * 1024

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def detect() -> "Machine":
        """This machine: AVX-512 (64-byte vectors) or else AVX2-sized ones, and the caches the kernel reports
        under /sys (the defaults where it does not)."""
        flags = ""
        try:
            flags = next((line for line in Path("/proc/cpuinfo").read_text().splitlines()
                          if line.startswith(("flags", "Features"))), "")
        except OSError:
            pass
        sizes = {}
        for index in Path("/sys/devices/system/cpu/cpu0/cache").glob("index*"):
            try:
                level, kind = (index / "level").read_text().strip(), (index / "type").read_text().strip()
                size = (index / "size").read_text().strip()
            except OSError:
                continue
            if kind in ("Data", "Unified") and size.endswith("K"):
                sizes[int(level)] = int(size[:-1]) * 1024
        default = Machine()
        return Machine(64 if " avx512f" in flags else 32, sizes.get(1, default.l1_bytes),
                       sizes.get(2, default.l2_bytes))


class HeuristicPrior:
    """`act(env)` gives the prior's next action for the env's current decision (bare or wrapped env)."""

    def __init__(self, threads: int = 1, machine: Machine | None = None):
        self.threads = threads
        self.machine = machine or Machine.detect()

    def act(self, env: gym.Env) -> np.ndarray:
        """The next action: the rules' proposal projected onto the masks, or V/NT when nothing else fits."""
        base = env.unwrapped
        ep, comp = base.episode, base.current_masks()
        st = ep.op
        kind, sizes = self.propose(st, ep.bench.infos[st.producer] if st.producer else None,
                                   base.cfg.cast_vector_limit)
        if kind == "I" and base.cfg.interchange_mode != "pointers":
            kind = "NT"  # a permutation of more than one swap; the rules' other steps assume it
        if kind in ("T", "TP", "TPF"):
            sizes = _allowed_sizes(base.cfg, comp, sizes, st.bounds)
            if not any(sizes):
                kind = "V"
        if kind == "IM2COL" and not comp[0][ACTION_TYPES.index(kind)]:
            kind = "L"  # a dilated convolution, which upstream im2col refuses: the layout change takes it
        if not comp[0][ACTION_TYPES.index(kind)]:
            kind = "V" if comp[0][ACTION_TYPES.index("V")] else "NT"
        if kind == "I":
            return make_action(env, "I", (), sizes)
        return make_action(env, kind, sizes if kind in ("T", "TP", "TPF") else ())

    def propose(self, st: OpState, producer: OpInfo | None = None,
                cast_limit: int | None = None) -> tuple[str, tuple[int, ...]]:
        """The rules' next (action type, tile sizes, or the permutation of I) for an op in state `st` whose fusible
        producer is `producer`, before the masks have their say; `cast_limit` is the longest innermost loop V takes
        on a casting body."""
        width = _BYTES.get(st.info.dtype, 4)
        lanes = max(1, self.machine.vector_bytes // width)
        n = st.n_loops
        first, tiled = not st.actions, st.tilings > 0 or st.parallel
        if first and st.name == "linalg.conv_2d_nchw_fchw":
            # im2col copies the input kh*kw / stride^2 times, then the conv is a matmul with contiguous columns.
            # Worth it up to about 3 copies: 1x1 (1.27 ms against 1.67 through the layout change's transposes, 64 ->
            # 256 channels at 56x56) and 3x3/2 (3.1 ms against 3.6, 128 channels), not 3x3/1 (3.5 against 3.0) nor
            # a 7x7/2 stem (12 copies; 2x slower). The layout change also transposes the whole filter on every call:
            # when the output has no more pixels than the conv has filters, im2col's copy (c*kh*kw per pixel) is
            # the smaller one at any stride, if the pixels, which the matmul vectorizes, fill whole vectors (6x6
            # and 3x3 outputs ran 2x slower so). ResNet-18's last 3x3/1 convs at a 64x64 input: 512 filters at
            # 2x2, 10.6 -> 0.5 ms; 256 at 4x4, 1.17 -> 0.22; 128 at 8x8, 0.46 -> 0.25 (64 at 16x16: 0.25 against
            # 0.31 through the layout change). Either way only where the pixels fill whole vectors: a 3x3/2 conv
            # of 512 filters into 7x7 took 19.6 ms as a matmul, 4.3 ms through the layout change.
            pixels = st.bounds[2] * st.bounds[3]
            fills = pixels % lanes == 0 or lanes % pixels == 0
            few_copies = st.bounds[5] * st.bounds[6] <= 3 * _stride(st) ** 2
            return ("IM2COL" if fills and (few_copies or pixels <= st.bounds[1]) else "L"), ()
        if st.name.startswith(_WINDOWED):
            return self._windowed(st, lanes)
        reductions = [i for i in range(n) if st.kinds[i] == "reduction"]
        parallel = [i for i in range(n) if st.kinds[i] == "parallel"]
        if is_contraction(st):
            return self._contraction(st, lanes, width, parallel, reductions, producer)
        if reductions:
            if tiled:
                return "V", ()
            sizes = [1] * n
            inner = parallel[-1] if parallel else None
            if inner is not None:
                sizes[inner] = min(8, st.bounds[inner])
            share = self.machine.l1_bytes // 4 // width
            for i in reductions:  # whole when 8 rows of it fit in a quarter of L1, else 256 at a time
                sizes[i] = 0 if st.bounds[i] * 8 <= share else 256
            if cast_limit and CASTS & st.info.arith_counts.keys() and (sizes[-1] or st.bounds[-1]) > cast_limit:
                # Else V is masked and the sum stays scalar: a layer norm's 64x256 f32 -> f64 mean ran 1.7x slower so.
                sizes[-1] = cast_limit
            return self._first_tile(sizes)
        transposed = transposed_read(st)
        if transposed is not None:
            across, step = transposed
            if tiled:
                return "V", ()
            sizes = [1] * n
            if st.bounds[across] == 1:  # one input row (a copy fused into a consumer's row): a strided gather
                sizes[-1] = lanes
            else:
                # 32 bytes of each input row by 32 bytes of each result row: LLVM turns an 8x8 f32 tile into
                # shuffles of 256-bit vectors. A 1024x256 f32 transpose took 0.12-0.15 ms by 16x16 (AVX-512's two
                # vectors), 0.09-0.13 by 16x8, 0.055 by 8x8; f64 0.185 by 16x8, 0.114 by 8x8, 0.089 by 8x4.
                # Input rows (what the result's rows step through) a multiple of 4 KiB apart fall in the same cache
                # sets, and the half line a tile leaves is gone when the next one needs it: whole lines (16 f32).
                # 256x1024: 0.085-0.135 ms by 8x8, 0.08 by 16x8; 512x2048 0.34-0.53 against 0.32-0.35; 128x4096
                # 0.17-0.27 against 0.16; 768x768 (3 KiB apart) 0.11 against 0.13. Result rows that 8 does not
                # divide keep 256 bytes a tile (16x4 for rows of 100: 8192x100 by 8x4 took 0.25 or 0.38 ms, by 16x4
                # 0.22); odd ones take a gather of 16 (64 measured the same alone, and 1.45x slower inside a pooling
                # program).
                inner = next(s for s in (32 // width, 16 // width, 8 // width, 1) if s and st.bounds[-1] % s == 0)
                line = 64 // width if step * width % 4096 == 0 else 32 // width
                sizes[across] = max(line, 256 // (inner * width)) if inner > 1 else min(16, 2 * lanes)
                sizes[-1] = inner
            return self._first_tile(sizes)
        if first and st.bounds[-1] < 2 * lanes and flattenable(st):
            return "FLAT", ()
        if tiled:
            return "V", ()
        flat = any(a.kind == "flatten" for a in st.actions)
        sizes = [1] * (n - 1) + [(4 if flat else 8) * lanes]  # short rows of a flattened op: fewer, fuller tiles
        if producer is not None and all(l.kind == "parallel" for l in producer.loops):
            # Elementwise chains only: a convolution or a contraction in a row tile would lose its own recipe.
            return "TPF", tuple(sizes)
        return self._first_tile(sizes)

    def _first_tile(self, sizes: list[int]) -> tuple[str, tuple[int, ...]]:
        return ("TP" if self.threads > 1 else "T"), tuple(sizes)

    def _windowed(self, st: OpState, lanes: int) -> tuple[str, tuple[int, ...]]:
        if st.name == _DEPTHWISE_NCHW:
            if not st.interchanged:
                return "I", (0, 3, 1, 2, 4, 5)  # (n, oh, ow, c, kh, kw) -> (n, c, oh, ow, kh, kw)
            if st.tilings:
                return "V", ()
            # Window and (channel, row) to 1: V then folds them away and vectorizes plain rows of ow (0.58 ms as
            # loops, 0.27 ms so, on 144x56x56).
            return "T", (0, 1, 1, 0 if st.bounds[3] <= 8 * lanes else 8 * lanes, 1, 1)
        tiles = _WINDOW_TILES.get(st.name)
        if st.name.startswith("linalg.pooling_nchw") and _strided(st) and st.bounds[3] > lanes:
            # Strided rows longer than a vector vectorize into shuffles: 10x slower than the loops over 56 columns,
            # 7x over 16 (ResNet-18's and VGG's 2x2/2 and 3x3/2 poolings); 7 columns gain 8x. Where windows
            # overlap and the channels fill vectors, the layout change vectorizes along the channels instead:
            # ResNet's padded 3x3/2 stem pool over 64x112x112, 0.92 -> 0.43 ms with its transposes. Not where each
            # input is read once: VGG's 2x2/2 over 32x64x64 went from 0.012 to 0.053 ms so. Else rows only, no V.
            overlap = st.bounds[4] * st.bounds[5] > _stride(st) ** 2
            if not st.actions and not st.fused and overlap and st.bounds[1] % lanes == 0:
                return "L", ()
            return ("T", (1, 1, 1, 0, 0, 0)) if st.tilings == 0 else ("NT", ())
        if tiles is None or st.interchanged or st.tilings >= 1 + (tiles[1] is not None):
            return "V", ()
        sizes = list(tiles[st.tilings])
        if (st.name == "linalg.conv_2d_nhwc_hwcf" and st.tilings == 1 and st.bounds[0] == 1
                and 4 < st.bounds[2] < 4 * sizes[2] and st.bounds[2] % sizes[2]):
            # Output rows of 5-15 pixels that rows of 4 do not divide (7 and 14 at a 224x224 input) would get rows
            # of 1 or 2: a single image's conv takes all of the row by one vector instead. ResNet-18's 3x3 convs
            # of 256 filters at 14x14 and 512 at 7x7: 9.6-11.0 -> 4.3-6.4 ms and 34-38 -> 20-22 ms in two runs.
            # (Batched, V was refused on such tiles; poolings ran up to 1.8x slower.)
            sizes[2], sizes[3] = 0, -1
        return "T", tuple(-s * lanes if s < 0 else s for s in sizes)

    def _contraction(self, st: OpState, lanes: int, width: int, parallel: list[int], reductions: list[int],
                     producer: OpInfo | None) -> tuple[str, tuple[int, ...]]:
        n = st.n_loops
        tiles = st.tilings + int(st.parallel)  # a parallel first tile (TP) does not count in `tilings`
        fused = any(a.kind == "tile_fuse" for a in st.actions)
        if st.info.is_dot_product and not st.interchanged:
            if tiles:
                return "V", ()
            # A dot product (a one-row linear layer, its weight read untransposed, or a row sum of products such as
            # a layer norm's variance): 4 rows at a time, 256 deep, each row one horizontal sum. 1x1024 @
            # (2048x1024).T: 0.12 ms (0.13 by 8x64 or 4x128). Against the contraction rule, on every bundled
            # benchmark with a dot product: VGG's 1x8192 classifier 0.32 -> 0.054 ms, a BERT variance 1.7x, none
            # slower.
            sizes = [1 if i in parallel[:-1] else 0 for i in range(n)]
            sizes[parallel[-1]] = 4
            for i in reductions:
                sizes[i] = 0 if st.bounds[i] <= 256 else 256
            return self._first_tile(sizes)
        if tiles == 0 and fuses_weight_transpose(st, producer):
            # A linear layer's weight transpose (torch-mlir's x @ W.T): fused into column tiles of four vectors, it
            # is transposed one panel at a time into a buffer the register tile reads contiguously, and never
            # written whole. 64x256 @ (768x256).T: 0.42 ms transposed first and packed, 0.33 ms so; 128x768 @
            # (768x768).T: 2.6 -> 1.8 ms.
            sizes = [1 if i in parallel[:-2] else 0 for i in range(n)]
            sizes[parallel[-1]] = 4 * lanes
            return "TPF", tuple(sizes)
        if tiles == 0:
            sizes = [1 if i in parallel[:-2] else 0 for i in range(n)]  # batch loops one at a time
            cols, depth = 128, 256
            while cols * depth * width > self.machine.l2_bytes // 4 and depth > 16:
                depth //= 2
            sizes[parallel[-1]] = cols
            narrow = st.bounds[parallel[-1]] <= lanes
            for i in reductions:
                # Columns that fill one vector or less, read whole from L2: splitting the reduction only reloads
                # the accumulators (an im2col'd conv over 2x2 pixels, 4608 deep: 0.87 ms split by 256, 0.52 whole).
                whole = narrow and st.bounds[parallel[-1]] * st.bounds[i] * width <= self.machine.l2_bytes // 4
                sizes[i] = 0 if whole else depth
            if any(0 < s < st.bounds[i] for i, s in enumerate(sizes)):
                return self._first_tile(sizes)
            tiles = 1  # the op fits one outer tile (a 1x1 conv at 8x8): straight to the register tile
        # A tile whose columns fill less than a register tile's row gains nothing from the copy, which then runs
        # once per tiny tile: on an LQCD baryon contraction (3-wide loops) it made the kernel 2.2x slower.
        if tiles == 1 and not fused and any(pack_flags(st)) and st.bounds[parallel[-1]] >= 2 * lanes:
            return "P", ()
        if tiles == 1:
            sizes = [1 if i in parallel[:-2] or i in reductions else 0 for i in range(n)]
            # Eight accumulator vectors: four rows of two, or eight rows of columns that fill one vector or less (an
            # im2col'd conv of 512 filters over 2x2 pixels: 1.03 ms with 4 rows, 0.87 with 8, in one run).
            rows = 4 if st.bounds[parallel[-1]] > lanes else 8
            sizes[parallel[-2]], sizes[parallel[-1]] = rows, 2 * lanes
            return "T", tuple(sizes)
        return "V", ()


def transposed_read(st: OpState) -> tuple[int, int] | None:
    """For an elementwise op in its original loop order that reads an input through a full permutation whose
    innermost dim is walked by a loop other than the innermost: that loop, and how many elements apart in the input
    the innermost loop's steps read; else None."""
    n = st.n_loops
    if n < 2 or st.interchanged:
        return None
    for a in st.info.accesses:
        loops = _permuted_read(a, n)
        if loops is not None and loops[-1] != n - 1:
            return loops[-1], math.prod(st.bounds[lp] for lp in loops[loops.index(n - 1) + 1:])
    return None


def _permuted_read(access, n: int) -> list[int] | None:
    """The loops that a load reads its dims with, when they are a full permutation of the op's `n` loops."""
    loops = [plain_loop(row) for row in access.matrix]
    return loops if access.role == "load" and None not in loops and sorted(loops) == list(range(n)) else None


def is_contraction(st: OpState) -> bool:
    """A reduction whose body multiplies and adds, over two or more parallel loops (matmul, batch matmul, an
    im2col'd convolution): the contraction rule's ops."""
    return ("reduction" in st.kinds and st.kinds.count("parallel") >= 2
            and {"arith.mulf", "arith.addf"} <= st.info.arith_counts.keys())


def fuses_weight_transpose(st: OpState, producer: OpInfo | None) -> bool:
    """Whether the op's fusible producer `producer` is a transpose that makes its B operand (a linear layer's
    weight): the contraction rule then fuses it into column tiles."""
    return producer is not None and _is_transpose(producer) and st.info.operand_producers.index(producer.tag) == 1


def _is_transpose(info: OpInfo) -> bool:
    """Whether `info` only moves data through a permutation: every loop parallel, one input read through a full
    permutation other than the identity (a `linalg.transpose`, or a generic that copies so)."""
    n = len(info.loops)
    loads = [a for a in info.accesses if a.role == "load"]
    if any(l.kind != "parallel" for l in info.loops) or len(loads) != 1 or info.arith_counts:
        return False
    loops = _permuted_read(loads[0], n)
    return loops is not None and loops != list(range(n))


def _stride(st: OpState) -> int:
    """The largest stride an input is read with along some loop (1 unless a strided convolution or pooling)."""
    return max([1] + [c for a in st.info.accesses if a.role == "load" for row in a.matrix for c in row[:-1]])


def _strided(st: OpState) -> bool:
    """Whether an input is read with a stride above 1 along some loop (a strided convolution or pooling)."""
    return _stride(st) > 1


def _allowed_sizes(cfg, comp: list[np.ndarray], sizes: tuple[int, ...], bounds: list[int]) -> tuple[int, ...]:
    """Each wanted tile size replaced by the largest one the loop's mask allows that is not above it, preferring
    those that divide it (0 when none is): a loop no longer than the wanted tile stays whole (a 64-lane row tile of
    a 3-wide loop is the loop, not tiles of 1). A tile of whole vectors stays so: with 28 among the choices, 784
    columns wanted 128 wide took 28, and the conv's 28-lane register tile ran at 35 ms instead of 2.4."""
    out = []
    for i, want in enumerate(sizes):
        allowed = [s for k, s in enumerate(cfg.size_choices) if k and comp[1 + i][k] and s <= want]
        allowed = [s for s in allowed if want % s == 0] or allowed
        out.append(max(allowed) if want and allowed and want < bounds[i] else 0)
    return tuple(out)


def prior_episode(env: gym.Env, benchmark: str | int, prior: HeuristicPrior) -> dict:
    """Play one whole episode of the prior on `benchmark`; the final step's info (its measurement)."""
    env.reset(options={"benchmark": benchmark})
    done, info = False, {}
    while not done:
        _, _, done, _, info = env.step(prior.act(env))
    return info
