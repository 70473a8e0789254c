"""The MLIR side of `nn_to_mlir.py`: cut single ops and producer/consumer blocks out of an exported model.

Works on the xtc `mlir` bindings only (never beside torch_mlir). An extracted benchmark is a fresh module whose
`@main` takes every value the ops read from outside as an argument, except what only initialises them (constants,
`tensor.empty`, a `linalg.fill` of a constant), which is cloned in, and returns the results of the last op. The
extraction itself lives in the core package (rl_autoschedular/ir/extract.py); this module adds what only dataset
generation needs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from mlir import ir

from rl_autoschedular.ir.extract import (  # noqa: F401 (body_ops and extract: used as nn_extract.X)
    body_ops,
    domain_problem,
    extract,
    is_core,
    producers,
)

_SSA = re.compile(r"%[\w$.-]+")


@dataclass
class Piece:
    """One extracted benchmark: its text, the linalg ops it computes and the index of the last one in @main."""

    text: str
    ops: list[str]
    root: int


def clean(text: str, ctx: ir.Context) -> ir.Module:
    """Parse exported text and drop `cf.assert` (torch-mlir's runtime shape checks, outside the benchmark format;
    the shapes are static, so they always hold)."""
    module = ir.Module.parse(text, ctx)
    asserts = []

    def visit(op):
        if op.name == "cf.assert":
            asserts.append(op)
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit)
    for op in asserts:
        op.erase()
    return module


def block(ops: list, root: int, size: int) -> list[int] | None:
    """The producer/consumer block ending at `root`: its producers breadth-first (glue ops pass through and do
    not count) until it holds `size` linalg ops; None when fewer are reachable."""
    chosen, queue, count = [root], [root], 1
    while queue and count < size:
        for j in producers(ops, queue.pop(0)):
            if j in chosen or count >= size:
                continue
            chosen.append(j)
            queue.append(j)
            count += is_core(ops[j])
    return sorted(chosen) if count == size else None


def structural_hash(text: str) -> str:
    """sha256 of `text` with SSA names renamed in order of appearance, so equal computations hash equal."""
    names: dict[str, str] = {}
    normal = _SSA.sub(lambda m: names.setdefault(m.group(0), f"%v{len(names)}"), text)
    return hashlib.sha256(normal.encode()).hexdigest()


_GROW_LIMIT = 8  # producers added at most to make one piece's domain valid (layer norm's variance needs 4)


def valid_domain(ops: list, chosen: list[int]) -> tuple[list[int], str | None]:
    """`chosen` grown by its nearest producers until every partial math op gets a valid operand (layer norm's
    rsqrt with the variance that feeds it); (chosen, reason) when no chain of up to _GROW_LIMIT ops makes it so."""
    chosen = sorted(chosen)
    problem = domain_problem(ops, chosen)
    added = 0
    while problem and added < _GROW_LIMIT:
        frontier = [j for i in reversed(chosen) for j in producers(ops, i) if j not in chosen]
        if not frontier:
            break
        chosen = sorted(chosen + [frontier[0]])
        added += is_core(ops[frontier[0]])
        problem = domain_problem(ops, chosen)
    return chosen, problem and f"{problem}, and no chain of {_GROW_LIMIT} producers guarantees one"
