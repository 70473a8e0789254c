"""The episode state machine: which op is being decided, its decisions so far, and which producers are fused.

An `Episode` is plain, copyable data. The functions that move it on (`start`, `apply_action`, `drop_actions`)
return a new Episode and never change the one they are given, so the env can ask "what would this action do"
(`MlirSchedulingEnv.pending_measurement`) or hand an episode to a clone without saving and restoring anything.

Ops are visited from the last consumer to the first producer (zero fills are not visited: tiling pulls them into
the tiles). Each op gets up to `max_steps_per_op` decisions and ends on a terminal action (V or NT).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.actions import OpState, advance, decode, plain_loop
from rl_autoschedular.env.observation import fits
from rl_autoschedular.execution.schedule import OpSchedule, Schedule
from rl_autoschedular.ir.analysis import OpInfo, analyze
from rl_autoschedular.ir.benchmarks import Benchmark
from rl_autoschedular.ir.layout import to_channels_last


def _store(info: OpInfo):
    return [a for a in info.accesses if a.role == "store"][-1]


def projected_permutation(matrix: list[list[int]]) -> bool:
    """Whether an access is a projected permutation (every tensor dim a distinct plain loop index)."""
    dims = [plain_loop(row) for row in matrix]
    return None not in dims and len(set(dims)) == len(dims)


def fused_bounds(consumer: OpInfo, consumer_bounds: list[int], producer: OpInfo) -> list[int]:
    """The producer's loop bounds once it is fused into the consumer's tiles: each producer loop that indexes the
    result dim the consumer reads with a tiled loop spans one tile; the others (its reductions) stay whole."""
    bounds = [l.bound for l in producer.loops]
    load = next(a for a in consumer.accesses if a.operand == consumer.operand_producers.index(producer.tag))
    for p_row, c_row in zip(_store(producer).matrix, load.matrix):
        d, c = plain_loop(p_row), plain_loop(c_row)
        if d is not None and c is not None:
            bounds[d] = min(bounds[d], consumer_bounds[c])
    return bounds


class AnalysedBenchmark:
    """Per benchmark, computed once and shared by every episode on it: the analysis, the visiting order and the
    ops the encoding cannot hold (`skipped`, with why)."""

    def __init__(self, bench: Benchmark, cfg: EnvConfig):
        self.bench = bench
        self.infos = {o.tag: o for o in analyze(bench.text)}
        self.skipped: dict[str, str] = {}
        self.order: list[str] = []
        for info in reversed(list(self.infos.values())):
            if info.name == "linalg.fill":
                continue
            why = fits(cfg, info)
            if why:
                self.skipped[info.tag] = why
            else:
                self.order.append(info.tag)
        self._nhwc: dict[tuple[str, ...], dict[str, OpInfo]] = {}

    def fusible_producer(self, tag: str) -> str | None:
        """The producer TPF on `tag` would fuse: a visited op whose only consumer is `tag`, whose result is exactly
        one operand of `tag` with nothing between (fusion follows the tile's slice of that operand to the op that
        made it: through a pad or reshape it finds nothing, and a second use fuses a second copy into one handle).
        Both maps between them are projected permutations: fusion computes the producer's tile from its result map
        (a map like (d0, d1, 0) stops it: "unhandled tiled implementation generation when result is not accessed
        using a permuted projection"), and a tile read through a window (a convolution's input) has sizes that are
        not the tile's, which left the fused copy with shapes its own tiling and vectorization could not take.
        Not a producer whose result has the consumer's shape and that the consumer reads elsewhere than it writes
        (a transpose of it): the two inits are then one `tensor.empty` after CSE, fusion writes the producer's tile
        into the consumer's output at the transposed position, and other tiles overwrite it (a reduction fused
        into its transpose's 1x1 tiles gave outputs off by 1 on a 4x7x7 sigmoid)."""
        info = self.infos[tag]
        for p in info.producers:
            prod = self.infos[p]
            read = info.accesses[info.operand_producers.index(p)].matrix if p in info.operand_producers else None
            shared_init = prod.operand_shapes[-1] == info.operand_shapes[-1] and read != _store(info).matrix
            if p in self.order and prod.consumers == [tag] and info.operand_producers.count(p) == 1 \
                    and projected_permutation(_store(prod).matrix) and projected_permutation(read) \
                    and not shared_init:
                return p
        return None

    def relaid_info(self, tag: str, layout_tags: list[str]) -> OpInfo:
        """The op's analysis once the ops `layout_tags` are NHWC: the op itself after its L, or a bias broadcast
        that initialises one of them, which the layout change rebuilt in NHWC with other loops (computed once per
        set of tags)."""
        key = tuple(sorted(layout_tags))
        if key not in self._nhwc:
            self._nhwc[key] = {o.tag: o for o in analyze(to_channels_last(self.bench.text, key))}
        return self._nhwc[key][tag]


@dataclass
class Episode:
    """One episode's state. `states` holds the ops visited so far (the current one last), in visiting order,
    which is the order the schedule builder applies them. `fused` maps each producer that a consumer's TPF pulled
    into its tiles to the producer's bounds there. `log_speedup` is the schedule's value as the reward mode last
    judged it (immediate and proxy rewards are changes of it)."""

    bench: AnalysedBenchmark
    index: int = 0
    step: int = 0
    states: dict[str, OpState] = field(default_factory=dict)
    fused: dict[str, list[int]] = field(default_factory=dict)
    log_speedup: float = 0.0

    @property
    def done(self) -> bool:
        return self.index >= len(self.bench.order)

    @property
    def tag(self) -> str:
        """The tag of the op being decided."""
        return self.bench.order[self.index]

    @property
    def op(self) -> OpState:
        """The state of the op being decided."""
        return self.states[self.tag]

    def schedule(self) -> Schedule:
        """The schedule of the ops decided so far, consumers first."""
        return Schedule(tuple(OpSchedule(tag, tuple(st.actions)) for tag, st in self.states.items()))

    def copy(self) -> "Episode":
        """An independent copy (the analysed benchmark is shared: nothing changes it)."""
        return Episode(self.bench, self.index, self.step, {t: s.copy() for t, s in self.states.items()},
                       {t: list(b) for t, b in self.fused.items()}, self.log_speedup)


@dataclass(frozen=True)
class Decision:
    """What one action did: its type (NT when it was invalid), why it was invalid (empty if it was not), and
    whether it ended its op."""

    kind: str
    error: str
    op_done: bool


def _layout_tags(ep: Episode) -> list[str]:
    return [t for t, st in ep.states.items() if any(a.kind == "layout" for a in st.actions)]


def _start_op(ep: Episode, tag: str) -> None:
    # An op fused into its consumer's tiles cannot pull its own producer in: that producer sits outside the
    # consumer's loop.
    producer = None if tag in ep.fused else ep.bench.fusible_producer(tag)
    layouts = _layout_tags(ep)
    info = ep.bench.relaid_info(tag, layouts) if layouts else ep.bench.infos[tag]
    ep.states[tag] = OpState.start(info, producer, ep.fused.get(tag))


def start(bench: AnalysedBenchmark) -> Episode:
    """A new episode on `bench`, at the first decision of its first op."""
    ep = Episode(bench)
    _start_op(ep, ep.tag)
    return ep


def apply_action(cfg: EnvConfig, ep: Episode, action, comp: list[np.ndarray]) -> tuple[Episode, Decision]:
    """The episode after `action`, decided under the decision's masks `comp` (`actions.masks`). An action that
    breaks a mask or a rule ends the op as NT. Nothing is measured here."""
    ep = ep.copy()
    st = ep.op
    kind, sched_action, error = decode(cfg, st, action, comp)
    if np.shape(action) == (len(comp),):
        st.history.append(np.asarray(action, dtype=np.int64).copy())
    if error:
        kind, sched_action = "NT", None
    advance(st, kind, sched_action)
    if kind == "L":
        st.relayout(ep.bench.relaid_info(ep.tag, _layout_tags(ep)))
    if kind == "TPF" and sched_action is not None:
        # The producer follows the parallel tiles only: the reduction loops are tiled after the fusion, so the
        # fused copy spans them whole (TPF is the op's first action: its loops are still the analysed ones).
        tiles = [min(s, l.bound) if s and l.kind == "parallel" else l.bound
                 for s, l in zip(sched_action.sizes, st.info.loops)]
        ep.fused[st.producer] = fused_bounds(st.info, tiles, ep.bench.infos[st.producer])
    ep.step += 1
    if st.done:
        ep.index, ep.step = ep.index + 1, 0
        if not ep.done:
            _start_op(ep, ep.tag)
    return ep, Decision(kind, error, st.done)


def drop_actions(ep: Episode, tag: str) -> Episode:
    """The episode without the actions of the decided op `tag` (they broke the schedule). A producer that its TPF
    fused is no longer fused: its masks and observation must show its own loop bounds, and it may fuse its own
    producer again. A dropped L leaves the bias broadcast it rebuilt in NCHW again. If that producer or broadcast
    was already started, it is the op now being decided, at its first decision (actions are dropped right after
    their op ends), so it simply starts again."""
    ep = ep.copy()
    st = ep.states[tag]
    fused = st.producer if any(a.kind == "tile_fuse" for a in st.actions) else None
    relaid = any(a.kind == "layout" for a in st.actions)
    st.actions.clear()
    if fused is not None:
        ep.fused.pop(fused, None)
    if not ep.done and (ep.tag == fused or relaid):
        _start_op(ep, ep.tag)  # unfused, or back to NCHW if it was the bias broadcast of the dropped L's op
    return ep
