"""Static analysis of linalg-on-tensors benchmarks through the MLIR Python bindings.

Every top-level linalg op of `func.func @main` gets a stable `tag = "op_<i>"` attribute; schedules match ops by
that tag. `analyze` describes each tagged op: its loop nest, access matrices, body arithmetic and the
producer/consumer edges between tagged ops. No subprocess and no compilation: parsing and one pass run in-process.
"""

from __future__ import annotations

from collections import Counter

from mlir import ir, passmanager

from rl_autoschedular.ir.op_info import TAG, Access, IRError, LoopInfo, OpInfo

_GENERALIZE = "builtin.module(func.func(linalg-generalize-named-ops))"
# Ops that only reshape, pad or slice a tensor: a producer edge goes through them to the op that made their data.
_PASS_THROUGH = {
    "tensor.pad": (0,),
    "tensor.expand_shape": (0,),
    "tensor.collapse_shape": (0,),
    "tensor.extract_slice": (0,),
    "tensor.cast": (0,),
    "tensor.insert_slice": (0, 1),
}


def parse_module(text: str, ctx: ir.Context) -> ir.Module:
    """Parse `text` in `ctx`; raise IRError with the first diagnostic (and its line) on failure.

    Unregistered dialects are allowed, so that callers can name a foreign op (`torch.foo`) instead of failing.
    """
    ctx.allow_unregistered_dialects = True
    try:
        with ctx:
            return ir.Module.parse(text)
    except ir.MLIRError as err:
        raise IRError(_first_diagnostic(err)) from None


def _first_diagnostic(err: ir.MLIRError) -> str:
    if not err.error_diagnostics:
        return str(err).splitlines()[-1]
    diag = err.error_diagnostics[0]
    where = ""
    if diag.location.is_a_file():
        where = f"line {diag.location.start_line}:{diag.location.start_col}: "
    return where + diag.message.splitlines()[0]


def main_func(module: ir.Module):
    """The top-level `func.func @main`, or None."""
    for op in module.body.operations:
        if op.operation.name == "func.func" and ir.StringAttr(op.attributes["sym_name"]).value == "main":
            return op
    return None


def linalg_ops(module: ir.Module) -> list[ir.Operation]:
    """The top-level linalg ops of @main in program order (not the `linalg.yield`/`linalg.index` in bodies)."""
    func = main_func(module)
    if func is None:
        return []
    found = []

    def visit(op):
        if op.name.startswith("linalg."):
            found.append(op)
            return ir.WalkResult.SKIP  # the body of a linalg op holds no further schedulable op
        return ir.WalkResult.ADVANCE

    func.operation.walk(visit, ir.WalkOrder.PRE_ORDER)
    return found


def tag_module(module: ir.Module) -> list[str]:
    """Tag the linalg ops of @main in place; return their tags in program order.

    Existing tags are kept; new ones take the next free `op_<i>` so that they never collide with them.
    """
    ops = linalg_ops(module)
    taken = {_tag_of(op) for op in ops} - {None}
    next_index = 0
    tags = []
    for op in ops:
        tag = _tag_of(op)
        if tag is None:
            while f"op_{next_index}" in taken:
                next_index += 1
            tag = f"op_{next_index}"
            taken.add(tag)
            with module.context:
                op.attributes[TAG] = ir.StringAttr.get(tag)
        tags.append(tag)
    return tags


def _tag_of(op) -> str | None:
    if TAG not in op.attributes:
        return None
    attr = op.attributes[TAG]
    if not isinstance(attr, ir.StringAttr):
        raise IRError(f"{op.name} has a non-string tag {attr}")
    return attr.value


def tag_ops(text: str) -> str:
    """Give every linalg op of @main a `tag = "op_<i>"` attribute and return the printed module.

    Deterministic and idempotent: tagging a tagged module returns the same text.
    """
    module = parse_module(text, ir.Context())
    tag_module(module)
    return str(module)


def analyze(text: str) -> list[OpInfo]:
    """Describe each linalg op of @main, in program order. Untagged ops are tagged first."""
    module = parse_module(text, ir.Context())
    tags = tag_module(module)
    if len(set(tags)) != len(tags):
        raise IRError(f"duplicate op tags {sorted(t for t in set(tags) if tags.count(t) > 1)}")
    ops = linalg_ops(module)
    clone = _generalized_clone(module)
    generic = linalg_ops(clone)
    if len(generic) != len(ops):
        raise IRError(f"generalization changed the number of linalg ops ({len(ops)} -> {len(generic)})")
    infos = []
    for tag, op, gen in zip(tags, ops, generic):
        if gen.name not in ("linalg.generic", op.name):
            raise IRError(f"generalization reordered ops: {op.name} became {gen.name}")
        infos.append(_describe(tag, op, gen))
    by_tag = {info.tag: info for info in infos}
    for op, info in zip(ops, infos):
        info.producers = _producers(op)
        info.operand_producers = [_direct_producer(v) for v in op.operands]
        for producer in info.producers:
            by_tag[producer].consumers.append(info.tag)
    return infos


def unstructured_ops(module: ir.Module) -> list[ir.Operation]:
    """The top-level linalg ops of @main with no loop nest of their own (linalg.softmax, linalg.pack, ...):
    generalization turns every structured op into a `linalg.generic` with indexing maps and leaves these alone."""
    ops = linalg_ops(module)
    generic = linalg_ops(_generalized_clone(module))
    return [op for op, gen in zip(ops, generic) if "indexing_maps" not in gen.attributes]


def _generalized_clone(module: ir.Module) -> ir.Module:
    """A copy of `module` with every named linalg op rewritten as `linalg.generic`.

    Generalization in MLIR 22 drops discardable attributes (the tag too), so the copy's ops are matched by walk
    order: the pass replaces each named op in place, one for one, which keeps that order.
    """
    clone = ir.Module.parse(str(module), context=module.context)
    pm = passmanager.PassManager.parse(_GENERALIZE, context=module.context)
    try:
        pm.run(clone.operation)
    except ir.MLIRError as err:
        raise IRError(f"linalg-generalize-named-ops failed: {_first_diagnostic(err)}") from None
    return clone


def _describe(tag: str, op, gen) -> OpInfo:
    """Loops, accesses and body counts from the generalized op; names and shapes from the original."""
    shapes = [_shape(v.type) for v in op.operands]
    dtype = str(_element_type(op.operands[-1].type)) if len(op.operands) else ""  # inits come last in linalg
    if "indexing_maps" not in gen.attributes:  # not a structured op (linalg.softmax, linalg.pack, ...)
        return OpInfo(tag, op.name, [], [], {}, [], dtype=dtype, operand_shapes=shapes)
    kinds = [str(it).split("<")[-1].rstrip(">") for it in gen.attributes["iterator_types"]]
    n_inputs = len(gen.opview.inputs)
    accesses = []
    for index, map_attr in enumerate(gen.attributes["indexing_maps"]):
        amap = ir.AffineMapAttr(map_attr).value
        matrix = [_linear_row(expr, amap.n_dims) for expr in amap.results]
        accesses.append(Access(index, "load" if index < n_inputs else "store", matrix))
    bounds = [_loop_bound(dim, accesses, shapes, op.name) for dim in range(len(kinds))]
    loops = [LoopInfo(b, k) for b, k in zip(bounds, kinds)]
    body = gen.regions[0].blocks[0].operations
    counts = Counter(inner.operation.name for inner in body if inner.operation.name != "linalg.yield")
    return OpInfo(tag, op.name, loops, accesses, dict(sorted(counts.items())), [], dtype=dtype, operand_shapes=shapes)


def _shape(t: ir.Type) -> list[int]:
    return list(ir.ShapedType(t).shape) if isinstance(t, ir.ShapedType) else []


def _element_type(t: ir.Type) -> ir.Type:
    return ir.ShapedType(t).element_type if isinstance(t, ir.ShapedType) else t


def _linear_row(expr: ir.AffineExpr, n_dims: int) -> list[int]:
    """Coefficients of a linear affine expression: one per dim, then the constant term."""
    row = [0] * (n_dims + 1)

    def add(e, scale):
        if isinstance(e, ir.AffineDimExpr):
            row[e.position] += scale
        elif isinstance(e, ir.AffineConstantExpr):
            row[-1] += scale * e.value
        elif isinstance(e, ir.AffineAddExpr):
            add(e.lhs, scale)
            add(e.rhs, scale)
        elif isinstance(e, ir.AffineMulExpr) and isinstance(e.rhs, ir.AffineConstantExpr):
            add(e.lhs, scale * e.rhs.value)
        elif isinstance(e, ir.AffineMulExpr) and isinstance(e.lhs, ir.AffineConstantExpr):
            add(e.rhs, scale * e.lhs.value)
        else:  # mod, floordiv, symbols: no access matrix can hold them
            raise IRError(f"non-linear index expression {expr}")

    add(expr, 1)
    return row


def _loop_bound(dim: int, accesses: list[Access], shapes: list[list[int]], name: str) -> int:
    """The size of the first operand dimension indexed by exactly `dim` (every loop dim has one in linalg)."""
    for access in accesses:
        for position, row in enumerate(access.matrix):
            if row[dim] == 1 and sum(map(abs, row)) == 1:
                size = shapes[access.operand][position]
                if size < 0:
                    raise IRError(f"{name}: loop d{dim} has a dynamic bound")
                return size
    raise IRError(f"{name}: loop d{dim} is not a plain index of any operand, so its bound is unknown")


def _direct_producer(value) -> str | None:
    """The tag of the linalg op whose result `value` is, if it is one."""
    if isinstance(value, ir.OpResult) and value.owner.operation.name.startswith("linalg.") \
            and TAG in value.owner.attributes:
        return ir.StringAttr(value.owner.attributes[TAG]).value
    return None


def _producers(op) -> list[str]:
    """Tags of the linalg ops whose results reach `op`'s operands (in operand order), through reshapes, pads
    and slices."""
    found: list[str] = []

    def trace(value):
        if not isinstance(value, ir.OpResult):
            return  # a function argument
        owner = value.owner
        if owner.operation.name.startswith("linalg.") and TAG in owner.attributes:
            tag = ir.StringAttr(owner.attributes[TAG]).value
            if tag not in found:
                found.append(tag)
        elif owner.operation.name in _PASS_THROUGH:
            for index in _PASS_THROUGH[owner.operation.name]:
                trace(owner.operands[index])

    for operand in op.operands:
        trace(operand)
    return found
