"""What the analysis says about an op, as plain data: the env, the agent and the builder read it without loading
the MLIR bindings."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

TAG = "tag"
# The NCHW ops that the layout action rewrites to NHWC/HWCF (`layout.to_channels_last`).
LAYOUT_OPS = ("linalg.conv_2d_nchw_fchw", "linalg.pooling_nchw_max", "linalg.pooling_nchw_sum")
# Body ops whose vector form changes the element type.
CASTS = frozenset({"arith.extf", "arith.truncf", "arith.sitofp", "arith.uitofp", "arith.fptosi", "arith.fptoui",
                   "arith.extsi", "arith.extui", "arith.trunci", "arith.index_cast"})
# The transposes a layout change adds (ir/layout.py), by tag suffix, with their permutations (result dim i is input
# dim perm[i]); the schedule builder vectorizes them. Here, not in layout.py, so the builder needs no MLIR bindings.
TRANSPOSES = {".nhwc_in": [0, 2, 3, 1], ".hwcf": [2, 3, 1, 0], ".nhwc_init": [0, 2, 3, 1], ".nchw_out": [0, 3, 1, 2]}


class IRError(ValueError):
    """The module does not parse, or cannot be analysed. The message is one line."""


@dataclass
class LoopInfo:
    """One loop of an op's iteration space."""

    bound: int
    kind: str  # "parallel" or "reduction"


@dataclass
class Access:
    """One operand's indexing map as an access matrix.

    `matrix` has one row per map result and one column per loop dim, plus a last column for the constant term.
    A scalar operand (e.g. the value of a `linalg.fill`) has no rows.
    """

    operand: int
    role: str  # "load" for inputs, "store" for outputs (inits)
    matrix: list[list[int]]


@dataclass
class OpInfo:
    """What the agent and the schedule builder need to know about one tagged linalg op."""

    tag: str
    name: str
    loops: list[LoopInfo]
    accesses: list[Access]
    arith_counts: dict[str, int]
    producers: list[str]
    consumers: list[str] = field(default_factory=list)
    dtype: str = ""
    operand_shapes: list[list[int]] = field(default_factory=list)
    # Per operand, the tag of the op whose result it is, with nothing (no pad, reshape or slice) between: only such a
    # producer can be fused into the op's tiles.
    operand_producers: list[str | None] = field(default_factory=list)

    def to_json(self) -> dict:
        """A JSON-ready dict: tag, name, loops, accesses, arith_counts, producers, consumers, dtype, shapes and the
        direct producer of each operand."""
        return asdict(self)

    @property
    def is_dot_product(self) -> bool:
        """Whether the innermost loop is a reduction along which every input (two or more) is contiguous, in the
        analysed loop order: a one-row matmul against an untransposed weight, y[j] = sum_k x[k] W[j, k]. Its tile
        vectorizes as one horizontal sum per output, not as outer products over the reduction."""
        n = len(self.loops)
        innermost = [0] * (n - 1) + [1, 0]  # an access row that the innermost loop alone walks, offset 0
        loads = [a for a in self.accesses if a.role == "load"]
        return (n > 0 and self.loops[-1].kind == "reduction" and len(loads) > 1
                and all(a.matrix and a.matrix[-1] == innermost for a in loads))
