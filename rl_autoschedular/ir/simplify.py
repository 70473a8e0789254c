"""Load-time simplification of what torch-mlir and the generators emit: results of `linalg.generic` that nothing
reads are dropped, a transpose of a transpose becomes one transpose (or none), a one-row matmul reads a transposed
operand untransposed, and chains of elementwise generics
merge into their readers.

torch-mlir lowers softmax's max through `aten.max.dim`, a generic that also computes the argmax (an i64 index per
row, with a compare and a select per element) which softmax never reads. That dead result kept the reduction
scalar: 1.28 ms of a 1.6 ms softmax on 12x128x128, where the max alone vectorizes. Upstream's
EraseUnusedOperandsAndResults patterns do this but no pass or transform op of the pinned MLIR exposes them.
"""

from __future__ import annotations

from mlir import ir, passmanager
from mlir.dialects import arith, linalg

from rl_autoschedular.ir.analysis import main_func
from rl_autoschedular.ir.op_info import CASTS


def _has_uses(value: ir.Value) -> bool:
    return any(True for _ in value.uses)


def _erase_dead_ops(block: ir.Block) -> None:
    """Erase ops of `block` whose results nothing uses, last to first: a generic's body ops (arith, math,
    linalg.index) or @main's tensor ops (the dropped result's fill and empty tensor), all free of side effects."""
    changed = True
    while changed:
        changed = False
        for op in reversed(list(block.operations)):
            dead = op.results and not any(_has_uses(r) for r in op.results)
            if dead and op.name not in ("linalg.yield", "func.return"):
                op.erase()
                changed = True


def _rebuild_without(op, keep: list[int]) -> None:
    """Replace generic `op` by one with only the results (and their outs operands) in `keep`."""
    n_in = len(op.inputs)
    maps = list(op.attributes["indexing_maps"])
    with ir.InsertionPoint(op), op.location:
        maps = ir.ArrayAttr.get(maps[:n_in] + [maps[n_in + i] for i in keep])
        new = linalg.GenericOp([op.results[i].type for i in keep], list(op.inputs), [op.outputs[i] for i in keep],
                               maps, op.attributes["iterator_types"])
    for name in ("doc", "library_call"):
        if name in op.attributes:
            new.attributes[name] = op.attributes[name]
    block = op.regions[0].blocks[0]
    block.append_to(new.regions[0])
    yield_op = list(block.operations)[-1]
    with ir.InsertionPoint(yield_op), yield_op.location:
        linalg.YieldOp([yield_op.operands[i] for i in keep])
    yield_op.erase()
    _erase_dead_ops(block)
    for i in sorted(set(range(len(op.results))) - set(keep), reverse=True):
        block.erase_argument(n_in + i)
    for new_index, i in enumerate(keep):
        op.results[i].replace_all_uses_with(new.results[new_index])
    op.erase()


def drop_unused_results(module: ir.Module) -> int:
    """Drop, in place, every result of a `linalg.generic` that nothing uses (while another result is used); a
    result whose block argument the kept computation still reads stays. Returns how many generics changed."""
    found = []

    def visit(op):
        if op.name == "linalg.generic" and len(op.results) > 1:
            found.append(op.opview)
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit)
    changed = 0
    for op in found:
        keep = [i for i, r in enumerate(op.results) if _has_uses(r)]
        if not keep or len(keep) == len(op.results):
            continue
        block = op.regions[0].blocks[0]
        n_in = len(op.inputs)
        yielded = list(block.operations)[-1].operands
        # A dropped output's block argument must not feed a kept result (then the result is not independent).
        dropped_args = {n_in + i for i in range(len(op.results)) if i not in keep}
        if _reads_args(block, [yielded[i] for i in keep], dropped_args):
            continue
        parent = op.operation.block
        _rebuild_without(op, keep)
        _erase_dead_ops(parent)
        changed += 1
    return changed


def _reads_args(block: ir.Block, values, arg_numbers: set[int]) -> bool:
    """Whether any of `values` depends, through body ops, on a block argument numbered in `arg_numbers`."""
    seen, stack = set(), list(values)
    while stack:
        v = stack.pop()
        if isinstance(v, ir.BlockArgument):
            if v.owner == block and v.arg_number in arg_numbers:
                return True
            continue
        owner = v.owner.operation
        if owner not in seen:
            seen.add(owner)
            stack.extend(owner.operands)
    return False


def _ops_named(module: ir.Module, name: str) -> list:
    """The ops of `module` named `name`, as OpViews, collected before any is changed."""
    found = []

    def visit(op):
        if op.name == name:
            found.append(op.opview)
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit)
    return found


def fold_transpose_chains(module: ir.Module) -> int:
    """Replace, in place, each `linalg.transpose` of a `linalg.transpose`'s result by one transpose of the inner
    one's input, or by that input itself when the two cancel; an inner transpose left unused is erased. Returns how
    many transposes were replaced.

    The builder canonicalizes between ops, which folds such a pair anyway and drops the tag of the op not yet
    scheduled: its later actions then matched nothing ("requires exactly one containing_op handle (got 0)" on
    random_s1_0020_matmul_5ops). Folding at load gives the agent the program that really runs."""
    changed = 0
    for op in _ops_named(module, "linalg.transpose"):
        inner = op.input.owner  # an OpView, or a Block for a function argument
        if not isinstance(inner, ir.OpView) or inner.operation.name != "linalg.transpose":
            continue
        outer_perm, inner_perm = list(op.permutation), list(inner.permutation)
        composed = [inner_perm[q] for q in outer_perm]  # result dim i is input dim inner[outer[i]]
        parent = op.operation.block
        if composed == list(range(len(composed))):
            op.results[0].replace_all_uses_with(inner.input)
        else:
            with ir.InsertionPoint(op), op.location:
                new = linalg.transpose(inner.input, outs=[op.init], permutation=composed)
            op.results[0].replace_all_uses_with(new.results[0] if isinstance(new, ir.OpView) else new)
        op.operation.erase()
        _erase_dead_ops(parent)
        changed += 1
    return changed


def _maps(dims: str, *results: str) -> tuple[str, ...]:
    return tuple(f"affine_map<({dims}) -> ({r})>" for r in results)


# Per contraction: the transpose of B that a row reads through, its default maps, and the maps that read the
# untransposed B instead (B's row dim and the reduction swapped).
_DOT_FOLDS = {
    "linalg.matmul": ([1, 0], _maps("d0, d1, d2", "d0, d2", "d2, d1", "d0, d1"),
                      _maps("d0, d1, d2", "d0, d2", "d1, d2", "d0, d1")),
    "linalg.batch_matmul": ([0, 2, 1], _maps("d0, d1, d2, d3", "d0, d1, d3", "d0, d3, d2", "d0, d1, d2"),
                            _maps("d0, d1, d2, d3", "d0, d1, d3", "d0, d2, d3", "d0, d1, d2")),
}


def fold_matvec_transposes(module: ir.Module) -> int:
    """Replace, in place, each `linalg.matmul` (or `linalg.batch_matmul`) of one row (1xK per batch) whose B operand
    is a transpose of its last two dims used nowhere else by a generic that reads the untransposed B: a dot product
    of the row with each row of B, contiguous along the reduction. Returns how many ops were replaced.

    torch-mlir writes a linear layer, x @ W.T, as a transpose of W and a matmul, and attention's q @ k.T alike. For
    one row the transpose reads and writes the whole operand to save one read of it: on a 256-512-256-10 MLP the
    program read its weights three times where IREE reads them once (0.12 against 0.03 ms). Folded, a 1x1024 @
    (2048x1024).T ran in 0.12 ms against 1.08 transposed first (IREE: 0.19)."""
    changed = 0
    for name, (perm, default_maps, dot_maps) in _DOT_FOLDS.items():
        for op in _ops_named(module, name):
            a, b = op.inputs
            tr = b.owner
            if (not isinstance(tr, ir.OpView) or tr.operation.name != "linalg.transpose"
                    or list(tr.permutation) != perm or ir.RankedTensorType(a.type).shape[-2] != 1
                    or len(list(b.uses)) != 1
                    or tuple(str(m) for m in op.attributes["indexing_maps"]) != default_maps
                    or len({ir.RankedTensorType(v.type).element_type for v in (a, b, op.outputs[0])}) != 1
                    or not isinstance(ir.RankedTensorType(a.type).element_type, ir.FloatType)):
                continue  # the generic's body is mulf and addf: an integer matmul keeps its transpose
            element = ir.RankedTensorType(a.type).element_type
            with ir.InsertionPoint(op), op.location:
                maps = ir.ArrayAttr.get([ir.AffineMapAttr(ir.Attribute.parse(m)) for m in dot_maps])
                kinds = ir.ArrayAttr.get([ir.Attribute.parse("#linalg.iterator_type<parallel>")] * len(perm)
                                         + [ir.Attribute.parse("#linalg.iterator_type<reduction>")])
                new = linalg.GenericOp([op.results[0].type], [a, tr.input], [op.outputs[0]], maps, kinds)
                body = new.regions[0].blocks.append(element, element, element)
                with ir.InsertionPoint(body):
                    product = arith.MulFOp(body.arguments[0], body.arguments[1])
                    linalg.YieldOp([arith.AddFOp(body.arguments[2], product)])
            op.results[0].replace_all_uses_with(new.results[0])
            parent = op.operation.block
            op.operation.erase()
            _erase_dead_ops(parent)
            changed += 1
    return changed


def _all_parallel_generic(op) -> bool:
    return op.name == "linalg.generic" and not any("reduction" in str(t) for t in op.attributes["iterator_types"])


def _recompute_free(use) -> bool:
    """Whether `use` is a `linalg.generic` reading its operand element for element (a permutation map)."""
    if use.owner.name != "linalg.generic":
        return False
    return ir.AffineMapAttr(list(use.owner.attributes["indexing_maps"])[use.operand_number]).value.is_permutation


def _fusible(value: ir.Value) -> bool:
    """Whether `value`, the result of an all-parallel generic, has one use and that use is recompute-free."""
    owner = value.owner
    if not isinstance(owner, ir.OpView) or not _all_parallel_generic(owner.operation):
        return False
    uses = list(value.uses)
    return len(uses) == 1 and _recompute_free(uses[0])


def _split_casts(block: ir.Block) -> None:
    """Give each recompute-free reader of a pure cast (a generic whose body is one cast, as torch-mlir's f32 -> f64
    upcast before a variance) a copy of its own: merged into each reader, the cast is free, where materialised it
    wrote a tensor twice the input's size that two reductions read back."""
    for op in list(block.operations):
        op = op.operation
        if not _all_parallel_generic(op) or len(op.results) != 1:
            continue
        body = [o.operation.name for o in op.regions[0].blocks[0].operations]
        uses = list(op.results[0].uses)
        if len(body) != 2 or body[0] not in CASTS or len(uses) < 2 or not all(_recompute_free(u) for u in uses):
            continue
        for use in uses[1:]:
            with ir.InsertionPoint(op):
                copy = op.clone()
            use.owner.operands[use.operand_number] = copy.results[0]


def _generics(block: ir.Block) -> int:
    return sum(1 for op in block.operations if op.operation.name == "linalg.generic")


def fuse_elementwise_chains(module: ir.Module) -> int:
    """Merge, in place, each all-parallel `linalg.generic` of @main into the one generic that reads it element for
    element (upstream's elementwise fusion), and casts into each of their readers; repeated until nothing merges.
    Returns how many generics disappeared.

    torch-mlir emits one generic per torch op: a layer norm is 16 generics, 10 of them full passes over the tensor.
    Merged, a bias, a GELU or a normalisation tail is one pass, and the agent decides one op instead of four.
    Upstream fuses any producer with one use, even one read through a broadcast, which recomputed a per-row rsqrt
    and an f64 division for each of a row's 768 elements; every other value is given a placeholder second use for
    the pass, which its default rule (fuse a producer with one use) then leaves alone. Reshapes are guarded too, so
    the pass's reshape propagation cannot change an op's rank."""
    block = main_func(module).regions[0].blocks[0]
    context = module.context
    allowed, context.allow_unregistered_dialects = context.allow_unregistered_dialects, True
    before = _generics(block)
    try:
        _split_casts(block)
        while True:
            text = str(module)  # a round may only deduplicate operands, which lets the next one merge
            guards = []
            with ir.InsertionPoint.at_block_terminator(block), ir.Location.unknown(context):
                for op in list(block.operations)[:-1]:
                    for r in op.results:
                        if not _fusible(r):
                            guards.append(ir.Operation.create("mlirrl.keep", operands=[r]))
            passmanager.PassManager.parse("builtin.module(func.func(linalg-fuse-elementwise-ops))",
                                          context).run(module.operation)
            for g in guards:
                g.erase()
            if str(module) == text:
                break
    finally:
        context.allow_unregistered_dialects = allowed
    _erase_dead_ops(block)  # the merged producers' empty tensors
    return before - _generics(block)
