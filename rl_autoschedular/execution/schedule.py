"""Schedules and the single schedule builder: per-op actions -> ONE transform-dialect script for a benchmark.

A schedule is an ordered list of (op tag, actions). Ops are matched in the payload by their `tag` attribute (set by
`ir_analysis.tag_ops`), and each op's handle is re-matched before its actions, so earlier transformations (fusion
clones a producer into a consumer's loop) never leave a stale handle. The text the builder emits is a plain
transform module: stock `mlir-opt --transform-interpreter` applies it with the same result as `lowering.apply_schedule`.

The vectorize action carries the recipe of shared/DESIGN.md section 8: contraction patterns right after vectorizing,
hoisting of the accumulator out of the reduction loops on tensors, and (once, at the end of the script) the vector
lowering patterns with the contraction lowered to outer products.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from rl_autoschedular.ir.op_info import TRANSPOSES

# Marker the schedule builder puts on scf.forall loops that must run sequentially (plain tiling). They are tiled
# as scf.forall so that producers (the zero fill) can be fused through shared outputs, and become scf.for after
# bufferization, where `transform.loop.forall_to_for` is legal. forall_to_for needs the loop count in the script,
# so the lowering first sets the marker to each loop's actual rank (tiling drops loops of a single trip).
SEQUENTIAL_ATTR = "mlir_rl.sequential"

ACTION_KINDS = ("layout", "tile", "tile_parallel", "tile_fuse", "interchange", "vectorize", "im2col", "decompose",
                "flatten", "pack")

_CONV_PREFIXES = ("linalg.conv_", "linalg.depthwise_conv_", "linalg.pooling_")


@dataclass(frozen=True)
class Action:
    """One transformation of one op.

    kind: one of ACTION_KINDS. `layout` (NCHW -> NHWC, see layout.py) rewrites the payload before the script runs,
        so it emits nothing here and must be an op's first action; the builder gets the rewritten op's facts.
    sizes: tile sizes, one per loop of the op (0 = not tiled), for tile / tile_parallel / tile_fuse; for pack, one
        flag per operand (inputs, then inits): 1 copies the operand's tile into a contiguous buffer; for vectorize
        of a convolution or pooling that `decompose` cannot make 1-D, the tile's loop bounds: its loops of one
        iteration (window loops tiled to 1 among them) fold away first, which leaves plain loads to vectorize.
    perm: loop permutation for interchange.
    producer: the tag of the producer fused by tile_fuse.
    """

    kind: str
    sizes: tuple[int, ...] = ()
    perm: tuple[int, ...] = ()
    producer: str = ""

    def __post_init__(self):
        if self.kind not in ACTION_KINDS:
            raise ValueError(f"unknown action kind {self.kind!r}; expected one of {', '.join(ACTION_KINDS)}")
        if any(s < 0 for s in self.sizes):
            raise ValueError(f"negative tile size in {self.sizes}")
        if self.perm and sorted(self.perm) != list(range(len(self.perm))):
            raise ValueError(f"interchange {self.perm} is not a permutation")

    def to_json(self) -> dict:
        out: dict = {"kind": self.kind}
        if self.sizes:
            out["sizes"] = list(self.sizes)
        if self.perm:
            out["perm"] = list(self.perm)
        if self.producer:
            out["producer"] = self.producer
        return out

    @staticmethod
    def from_json(d: dict) -> "Action":
        return Action(d["kind"], tuple(d.get("sizes", ())), tuple(d.get("perm", ())), d.get("producer", ""))


@dataclass(frozen=True)
class OpSchedule:
    """The actions of one op, in order."""

    tag: str
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class Schedule:
    """A whole benchmark's schedule: op schedules in application order (consumers first)."""

    ops: tuple[OpSchedule, ...] = ()

    def canonical(self) -> str:
        """Stable text of the schedule, used as the cache key. The empty schedule is the baseline."""
        return json.dumps([{"tag": o.tag, "actions": [a.to_json() for a in o.actions]} for o in self.ops if o.actions],
                          sort_keys=True, separators=(",", ":"))

    @staticmethod
    def from_canonical(text: str) -> "Schedule":
        return Schedule(tuple(OpSchedule(d["tag"], tuple(Action.from_json(a) for a in d["actions"]))
                              for d in json.loads(text)))

    @property
    def is_empty(self) -> bool:
        return not any(o.actions for o in self.ops)

    def layout_tags(self) -> list[str]:
        """The ops whose layout changes to NHWC before the script runs."""
        return [o.tag for o in self.ops if any(a.kind == "layout" for a in o.actions)]


@dataclass
class OpFacts:
    """What the builder needs to know about an op (from ir_analysis): its name, loop kinds and init fill, and
    whether it is a dot product (`OpInfo.is_dot_product`)."""

    tag: str
    name: str
    loop_kinds: tuple[str, ...]
    fill_tag: str | None = None
    bounds: tuple[int, ...] = ()
    dot: bool = False


@dataclass
class _Emitter:
    lines: list[str] = field(default_factory=list)
    counter: int = 0
    # Handles of ops fused into a consumer's tiles, by tag. The copy is renamed (`_fuse`) and the dead original
    # survives (nothing erased it), so re-matching the tag would find the original: later actions use these handles.
    fused: dict[str, str] = field(default_factory=dict)

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"%{stem}{self.counter}"

    def emit(self, line: str) -> None:
        self.lines.append("    " + line)


_ANY = "!transform.any_op"


def _match_tag(em: _Emitter, tag: str) -> str:
    h = em.fresh("op")
    em.emit(f'{h} = transform.structured.match attributes {{tag = "{tag}"}} in %root : ({_ANY}) -> {_ANY}')
    return h


def _split_sizes(sizes: tuple[int, ...], kinds: tuple[str, ...]) -> tuple[list[int], list[int]]:
    par = [s if k == "parallel" else 0 for s, k in zip(sizes, kinds)]
    red = [s if k == "reduction" else 0 for s, k in zip(sizes, kinds)]
    return par, red


class _OpState:
    """Tracks one op while its actions are emitted: current loop kinds and whether its fill can still be fused."""

    def __init__(self, facts: OpFacts):
        self.facts = facts
        self.kinds = facts.loop_kinds
        self.name = facts.name  # interchange and im2col turn the op into a linalg.generic
        # The zero fill can follow the tiles only while it directly initialises the op: not once a reduction loop
        # sits between them, and not after im2col (the init then goes through a reshape).
        self.fill_fusible = facts.fill_tag is not None
        self.dot = facts.dot  # in the analysed loop order only: interchange and im2col clear it


def _fuse(em: _Emitter, producer: str, loop: str, tag: str) -> tuple[str, str]:
    """Fuse `producer` into the tiles of `loop`; returns the handles of the fused copy and of the loop.
    The copy gets the tag `<tag>.fused`, so that a later match on `tag` finds only the original, which other ops
    may still read: matching the copy too would try to fuse it into tiles where it has no use ("could not find
    next producer to fuse into container")."""
    fused, new_loop, name = em.fresh("fused"), em.fresh("forall"), em.fresh("name")
    em.emit(f"{fused}, {new_loop} = transform.structured.fuse_into_containing_op {producer} into {loop} "
            f": ({_ANY}, {_ANY}) -> ({_ANY}, {_ANY})")
    em.emit(f'{name} = transform.param.constant "{tag}.fused" -> !transform.any_param')
    em.emit(f'transform.annotate {fused} "tag" = {name} : {_ANY}, !transform.any_param')
    return fused, new_loop


def _emit_tiling(em: _Emitter, st: _OpState, h: str, a: Action, producer_facts: OpFacts | None) -> str:
    if len(a.sizes) != len(st.kinds):
        raise ValueError(f"{st.facts.tag}: {len(a.sizes)} tile sizes for {len(st.kinds)} loops")
    par, red = _split_sizes(a.sizes, st.kinds)
    if any(par):
        tiled, loop = em.fresh("tiled"), em.fresh("forall")
        em.emit(f"{tiled}, {loop} = transform.structured.tile_using_forall {h} tile_sizes {par} "
                f": ({_ANY}) -> ({_ANY}, {_ANY})")
        h = tiled
        if a.kind == "tile_fuse":
            em.fused[a.producer], loop = _fuse(em, _match_tag(em, a.producer), loop, a.producer)
            if producer_facts is not None and producer_facts.fill_tag:
                # The fill is matched by tag: fused copies of it in other ops' tiles were renamed.
                _, loop = _fuse(em, _match_tag(em, producer_facts.fill_tag), loop, producer_facts.fill_tag)
        if st.fill_fusible:
            # The op's own init, not its fill's tag: after an outer tiling that init is the fill's copy in the outer
            # tiles, and a fill shared with other ops has other copies.
            fill = em.fresh("fill")
            em.emit(f"{fill} = transform.get_producer_of_operand {loop}[0] : ({_ANY}) -> {_ANY}")
            _, loop = _fuse(em, fill, loop, st.facts.fill_tag)
        if a.kind == "tile":
            em.emit(f'transform.annotate {loop} "{SEQUENTIAL_ATTR}" : {_ANY}')
    if any(red):
        n_loops = sum(1 for s in red if s)
        tiled = em.fresh("tiled")
        loops = ", ".join([_ANY] * n_loops)
        em.emit(f"{tiled}, {em.fresh('loops')}:{n_loops} = transform.structured.tile_using_for {h} tile_sizes {red} "
                f": ({_ANY}) -> ({_ANY}, {loops})")
        h = tiled
        st.fill_fusible = False
    return h


def _emit_unit_fold(em: _Emitter, st: _OpState, h: str, bounds: tuple[int, ...]) -> str:
    """Generalize the op and fold its loops of one iteration away, so that a window read (oh + kh, with kh tiled
    to 1) becomes a plain one. The patterns run on the op's own loop: the env allows this only once a reduction
    loop was tiled, so that loop holds the op alone (folding the function's pads added a copy). The rewritten op
    loses its tag; it is the one generic in that loop."""
    if len(bounds) != len(st.kinds):
        raise ValueError(f"{st.facts.tag}: vectorize names {len(bounds)} loop bounds for {len(st.kinds)} loops")
    g, parent, folded = em.fresh("generic"), em.fresh("loop"), em.fresh("folded")
    em.emit(f"{g} = transform.structured.generalize {h} : ({_ANY}) -> {_ANY}")
    em.emit(f"{parent} = transform.get_parent_op {g} : ({_ANY}) -> {_ANY}")
    em.emit(f"transform.apply_patterns to {parent} {{")
    em.emit("  transform.apply_patterns.linalg.fold_unit_extent_dims_via_slices")
    em.emit(f"}} : {_ANY}")
    em.emit(f'{folded} = transform.structured.match ops{{["linalg.generic"]}} in {parent} : ({_ANY}) -> {_ANY}')
    st.kinds = tuple(k for k, b in zip(st.kinds, bounds) if b != 1)
    st.name = "linalg.generic"
    return folded


def _emit_vectorize(em: _Emitter, st: _OpState, h: str, bounds: tuple[int, ...] = ()) -> str:
    if bounds:
        h = _emit_unit_fold(em, st, h, bounds)
    elif st.name.startswith(_CONV_PREFIXES):
        # Vectorization handles 1-D convolutions and poolings; tiling has made the H dims unit, decompose drops them.
        d = em.fresh("decomposed")
        em.emit(f"{d} = transform.structured.decompose {h} : ({_ANY}) -> {_ANY}")
        h = d
    em.emit(f"transform.structured.vectorize {h} : {_ANY}")
    f = em.fresh("func")
    em.emit(f'{f} = transform.structured.match ops{{["func.func"]}} in %root : ({_ANY}) -> {_ANY}')
    # Contraction first: an earlier canonicalization folds the reduction into mulf/addf and no contract forms.
    # Only where a contraction can form: on the permuted reads of a rank-5 transpose (attention's head split, tile
    # 1x1x2x1x8) these patterns, with the later leading-unit-dim casts, wrote wrong values (an upstream bug). Not
    # for a dot product: as a contraction, lowered to outer products over the reduction, it transposed both tiles;
    # left a multi-reduction, each row is one horizontal sum (1x1024 @ (2048x1024).T, 4x256 tiles: 0.60 -> 0.12 ms).
    if "reduction" in st.kinds and not st.dot:
        em.emit(f"transform.apply_patterns to {f} {{")
        em.emit("  transform.apply_patterns.vector.reduction_to_contract")
        em.emit("  transform.apply_patterns.vector.transfer_permutation_patterns")
        em.emit(f"}} : {_ANY}")
    em.emit(f"transform.apply_patterns to {f} {{")
    em.emit("  transform.apply_patterns.canonicalization")
    em.emit("  transform.apply_patterns.tensor.fold_tensor_subset_ops_into_vector_transfers")
    em.emit(f"}} {{apply_cse}} : {_ANY}")
    # Keep the accumulator in registers across the reduction loops (12.4 ms -> 2.45 ms on a 512 matmul).
    loops = em.fresh("loops")
    em.emit(f'{loops} = transform.structured.match ops{{["scf.for"]}} in {f} : ({_ANY}) -> {_ANY}')
    em.emit(f"transform.loop.hoist_loop_invariant_subsets {loops} : {_ANY}")
    # Each op's reductions are lowered here, by its own innermost loop: a row reduction (softmax, layer norm) becomes
    # one horizontal reduction per row; "innerparallel", right for reductions over outer loops, transposed the
    # 8x128 tile of a softmax row sum into 1024 scalar extracts. Earlier ops' reductions are lowered by now.
    strategy = "innerreduction" if st.kinds and st.kinds[-1] == "reduction" else "innerparallel"
    em.emit(f"transform.apply_patterns to {f} {{")
    em.emit(f'  transform.apply_patterns.vector.lower_multi_reduction lowering_strategy = "{strategy}"')
    em.emit(f"}} : {_ANY}")
    return h


def _divisor(bound: int, wanted: tuple[int, ...]) -> int:
    return next(w for w in wanted + (1,) if bound % w == 0)


def _transpose_tile(bounds: tuple[int, ...], perm: list[int]) -> list[int] | None:
    """Tile sizes (over the result's dims) for a vectorized transpose, or None to leave it as loops. A 2-D tile: 8
    elements along the input's innermost non-unit dim by 8 along the result's, which LLVM turns into in-register
    shuffles (a 256x1024 f32 transpose: 0.87 ms as scalar loops, 0.11 ms by 16x8 on AVX2; on AVX-512, 64x112x112
    to NHWC took 0.22 ms by 16x8, 0.19 so; 32x64x64, whose channels are 16 KiB apart, 0.034 by 16x8 and 0.053 so,
    and takes 16 (sizes in f32; f64 rows twice as far apart may be missed). Input dims shorter than a vector (a 3x3
    filter's kh, kw) are taken whole instead, by one along the next dim: a 512x512x3x3 filter to HWCF took 6.7 ms
    tiled one element by 8 filters, 3.1 ms so. Up to 128 elements a tile: a 7x7 stem filter taken whole by 8
    filters took 2.3 s to compile, and ran no faster than by rows of 7. Only sizes that divide the loops: a partial
    tile does not vectorize."""
    sizes = [1] * len(perm)
    inner = [perm.index(d) for d in reversed(range(len(perm))) if bounds[perm.index(d)] > 1]
    short, whole = [], 1
    for p in inner:
        if bounds[p] >= 8 or whole * bounds[p] * 8 > 128:
            break
        short.append(p)
        whole *= bounds[p]
    for p in short:
        sizes[p] = 0
    if not short:
        if not inner or inner[0] == len(perm) - 1:
            return None  # the contiguous dim stays innermost: rows copy as they are
        # Input rows (what the result's innermost dim steps through) a multiple of 4 KiB apart share cache sets: a
        # whole line of each (16 f32) instead of half of one, which is gone when the next tile needs it.
        shape = [bounds[perm.index(d)] for d in range(len(perm))]
        aliased = math.prod(shape[perm[-1] + 1:]) * 4 % 4096 == 0
        sizes[inner[0]] = _divisor(bounds[inner[0]], (16, 8, 4, 2) if aliased else (8, 4, 2))
    if sizes[-1]:
        sizes[-1] = _divisor(bounds[-1], (8, 4, 2))
    elements = math.prod(b if s == 0 else s for b, s in zip(bounds, sizes))
    return sizes if elements >= 4 else None


def _emit_layout_transposes(em: _Emitter, tag: str, facts: dict[str, OpFacts]) -> bool:
    """Vectorize the transposes a layout change of `tag` added (tiles of `_transpose_tile`). Returns whether any
    was."""
    any_done = False
    for suffix, perm in TRANSPOSES.items():
        t = facts.get(tag + suffix)
        if t is None or len(t.bounds) != len(perm):
            continue
        sizes = _transpose_tile(t.bounds, perm)
        if sizes is None:
            continue
        st = _OpState(t)
        h = _emit_tiling(em, st, _match_tag(em, t.tag), Action("tile", tuple(sizes)), None)
        _emit_vectorize(em, st, h)
        any_done = True
    return any_done


def _emit_vector_lowering(em: _Emitter) -> None:
    f = em.fresh("func")
    em.emit(f'{f} = transform.structured.match ops{{["func.func"]}} in %root : ({_ANY}) -> {_ANY}')
    # Leading unit dims first, and no lower_broadcast next to canonicalization: that pair loops forever on
    # conv/pool IR (DESIGN.md section 8).
    em.emit(f"transform.apply_patterns to {f} {{")
    em.emit("  transform.apply_patterns.vector.cast_away_vector_leading_one_dim")
    em.emit(f"}} : {_ANY}")
    em.emit(f"transform.apply_patterns to {f} {{")
    em.emit('  transform.apply_patterns.vector.lower_contraction lowering_strategy = "outerproduct"')
    em.emit("  transform.apply_patterns.vector.lower_outerproduct")
    em.emit("  transform.apply_patterns.vector.lower_transfer max_transfer_rank = 1")
    em.emit("  transform.apply_patterns.vector.lower_transpose")
    em.emit("  transform.apply_patterns.vector.lower_shape_cast")
    em.emit(f"}} : {_ANY}")
    # Canonicalization in a set of its own: beside lower_transpose and lower_shape_cast it turned the unit-dim
    # transposes of an interchanged, vectorized elementwise op into shape casts and back, forever.
    em.emit(f"transform.apply_patterns to {f} {{")
    em.emit("  transform.apply_patterns.canonicalization")
    em.emit(f"}} : {_ANY}")


def build_script(schedule: Schedule, facts: dict[str, OpFacts]) -> str:
    """Build the ONE transform script (a module with @__transform_main) that applies `schedule`.

    `facts` maps op tags to their OpFacts. Raises ValueError for a schedule that does not fit the ops.
    """
    em = _Emitter()
    vectorized = False
    for op_sched in schedule.ops:
        if not op_sched.actions:
            continue
        if op_sched.tag not in facts:
            raise ValueError(f"the schedule names op {op_sched.tag!r}, which the benchmark does not have")
        st = _OpState(facts[op_sched.tag])
        h = em.fused.get(op_sched.tag) or _match_tag(em, op_sched.tag)
        for i, a in enumerate(op_sched.actions):
            if a.kind == "layout":
                if i:
                    raise ValueError(f"{op_sched.tag}: layout must be the op's first action")
                vectorized |= _emit_layout_transposes(em, op_sched.tag, facts)
            elif a.kind in ("tile", "tile_parallel", "tile_fuse"):
                prod = facts.get(a.producer) if a.producer else None
                if a.kind == "tile_fuse" and prod is None:
                    raise ValueError(f"{op_sched.tag}: tile_fuse names unknown producer {a.producer!r}")
                h = _emit_tiling(em, st, h, a, prod)
            elif a.kind == "interchange":
                if len(a.perm) != len(st.kinds):
                    raise ValueError(f"{op_sched.tag}: interchange {a.perm} for {len(st.kinds)} loops")
                g, i = em.fresh("generic"), em.fresh("interchanged")
                em.emit(f"{g} = transform.structured.generalize {h} : ({_ANY}) -> {_ANY}")
                em.emit(f"{i} = transform.structured.interchange {g} iterator_interchange = {list(a.perm)} "
                        f": ({_ANY}) -> {_ANY}")
                st.kinds = tuple(st.kinds[p] for p in a.perm)
                st.name = "linalg.generic"
                st.dot = False
                h = i
            elif a.kind == "vectorize":
                h = _emit_vectorize(em, st, h, a.sizes)
                vectorized = True
            elif a.kind == "im2col":
                img, reshaped, mm = em.fresh("im2col"), em.fresh("reshaped"), em.fresh("gemm")
                em.emit(f"{img}, {reshaped} = transform.structured.convert_conv2d_to_img2col {h} "
                        f": ({_ANY}) -> ({_ANY}, {_ANY})")
                # The second handle is the expand_shape of the result; the GEMM-like generic produces it.
                em.emit(f"{mm} = transform.get_producer_of_operand {reshaped}[0] : ({_ANY}) -> {_ANY}")
                # The conv becomes a batched GEMM-like generic: (batch, rows, cols) parallel, one reduction.
                st.kinds = ("parallel", "parallel", "parallel", "reduction")
                st.name = "linalg.generic"
                st.fill_fusible = False
                st.dot = False
                h = mm
            elif a.kind == "flatten":
                # One loop over all elements: the operands are collapsed views, the result is expanded back.
                flat = em.fresh("flat")
                em.emit(f"{flat} = transform.structured.flatten_elementwise {h} : ({_ANY}) -> {_ANY}")
                st.kinds = ("parallel",)
                st.name = "linalg.generic"
                st.fill_fusible = False  # the init now reaches the op through a collapse_shape
                h = flat
            elif a.kind == "pack":
                # A nofold pad with nothing to pad is a copy: the tile of a row-major B (768x3072) read by the
                # register tile one row per k-step mapped every row to the same L1 set; packed, a 128x768x3072
                # matmul went from 25 to 11 ms. A zero of each operand's element type is the default padding value.
                padded = em.fresh("packed")
                em.emit(f"{padded}, {em.fresh('pad')}, {em.fresh('copy')} = transform.structured.pad {h} "
                        f"{{padding_dimensions = {list(range(len(st.kinds)))}, nofold_flags = {list(a.sizes)}, "
                        f'copy_back_op = "none"}} : ({_ANY}) -> ({_ANY}, {_ANY}, {_ANY})')
                h = padded
            elif a.kind == "decompose":
                d = em.fresh("decomposed")
                em.emit(f"{d} = transform.structured.decompose {h} : ({_ANY}) -> {_ANY}")
                h = d
    if vectorized:
        _emit_vector_lowering(em)
    body = "\n".join(em.lines)
    return ("module attributes {transform.with_named_sequence} {\n"
            f"  transform.named_sequence @__transform_main(%root: {_ANY} {{transform.readonly}}) {{\n"
            f"{body}\n    transform.yield\n  }}\n}}\n")
