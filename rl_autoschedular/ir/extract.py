"""Cut linalg ops out of a module into programs of their own: the ops chosen (and what only initialises them) in a
fresh `@main` that takes every other value they read as an argument and returns the results of the last one.

`extract` is how a dataset gets single ops and blocks of a model (data_generation/nn_extract.py) and how
`bin/optimize.py` times each op of a user's program alone. `domain_problem` tells whether such a piece, run on the
random inputs in [-1, 1] that every measurement uses, would feed a partial math op (rsqrt, log, sqrt, powf) outside
its domain and so compute NaN.
"""

from __future__ import annotations

from mlir import ir
from mlir.dialects import func

# Tensor ops that only move data: part of a block when they sit between its linalg ops, never a benchmark alone.
GLUE = {"tensor.pad", "tensor.expand_shape", "tensor.collapse_shape", "tensor.extract_slice", "tensor.insert_slice",
        "tensor.concat", "tensor.cast"}
# Ops that only initialise a value: cloned into the benchmark instead of becoming an argument.
_INIT = {"arith.constant", "tensor.empty", "linalg.fill"}


def body_ops(module: ir.Module) -> list:
    """The operations of @main's entry block, in order (the function has one block)."""
    main = [op for op in module.body.operations if op.operation.name == "func.func"][0]
    return [op.operation for op in main.regions[0].blocks[0].operations]


def is_core(op) -> bool:
    """A linalg op worth a benchmark of its own (a fill only initialises)."""
    return op.name.startswith("linalg.") and op.name != "linalg.fill"


def _as_operation(op):
    """An ir.Operation (which hashes by identity, and whose `.name` is the op name even for a func.func)."""
    return op.operation if isinstance(op, ir.OpView) else op


def _owner(value):
    """The operation that defines an OpResult."""
    return _as_operation(value.owner)


def _is_main_arg(value) -> bool:
    """Whether a block argument is the function's (not one of a linalg body's)."""
    return _as_operation(ir.BlockArgument(value).owner.owner).name == "func.func"


def _key(value):
    """A hashable identity for an SSA value of @main (a result, or an argument of @main's block)."""
    if isinstance(value, ir.OpResult):
        return ("result", _owner(value), value.result_number)
    return ("arg", ir.BlockArgument(value).arg_number)


def _reads(op) -> list:
    """Every value `op` reads that is defined outside it, bodies included (generic bodies capture constants)."""
    inner, reads = set(), []

    def visit(nested):
        for result in nested.results:
            inner.add(_key(result))
        return ir.WalkResult.ADVANCE

    op.walk(visit)

    def collect(nested):
        for value in nested.operands:
            if (_key(value) not in inner) if isinstance(value, ir.OpResult) else _is_main_arg(value):
                reads.append(value)
        return ir.WalkResult.ADVANCE

    op.walk(collect)
    return reads


def _is_init(value, index: dict) -> bool:
    """Whether `value` is made only from initialising ops (so it is cloned in, not passed)."""
    if not isinstance(value, ir.OpResult):
        return False
    owner = _owner(value)
    return owner.name in _INIT and all(_is_init(v, index) for v in _reads(owner))


def extract(ops: list, chosen: list[int]) -> str:
    """A module computing the ops at indices `chosen` of `ops` (@main's body): outside values become arguments,
    initialisers are cloned in, and the results of the last chosen op are returned."""
    index = {op: i for i, op in enumerate(ops)}
    keep, args, stack = set(chosen), [], []
    for i in chosen:
        stack += _reads(ops[i])
    while stack:
        value = stack.pop(0)
        owner = _owner(value) if isinstance(value, ir.OpResult) else None
        if owner is not None and index.get(owner) in keep:
            continue
        if owner is not None and _is_init(value, index):
            keep.add(index[owner])
            stack += _reads(owner)
        elif _key(value) not in [_key(a) for a in args]:
            args.append(value)
    root = ops[max(chosen)]
    ctx = root.context
    with ctx, ir.Location.unknown():
        module = ir.Module.create()
        with ir.InsertionPoint(module.body):
            fn = func.FuncOp("main", ir.FunctionType.get([a.type for a in args], [r.type for r in root.results]))
            block = fn.add_entry_block()
        mapping = {_key(a): block.arguments[i] for i, a in enumerate(args)}
        with ir.InsertionPoint(block):
            for i in sorted(keep):
                clone = ops[i].clone()
                _remap(clone, mapping)
                for old, new in zip(ops[i].results, clone.results):
                    mapping[_key(old)] = new
            func.ReturnOp([mapping[_key(r)] for r in root.results])
    return str(module)


def _remap(op, mapping: dict) -> None:
    """Point the operands of `op` (and of its bodies) at the new function's values."""

    def visit(nested):
        for i, value in enumerate(nested.operands):
            if not isinstance(value, ir.OpResult) and not _is_main_arg(value):
                continue  # a body's own block argument, already the clone's
            new = mapping.get(_key(value))
            if new is not None:
                nested.operands[i] = new
        return ir.WalkResult.ADVANCE

    op.walk(visit)


def producers(ops: list, i: int) -> list[int]:
    """Indices of the linalg and glue ops of @main whose results op `i` reads, in operand order."""
    index = {op: j for j, op in enumerate(ops)}
    found = []
    for value in _reads(ops[i]):
        if isinstance(value, ir.OpResult):
            j = index.get(_owner(value))
            if j is not None and j not in found and (is_core(ops[j]) or ops[j].name in GLUE):
                found.append(j)
    return found


# Math ops defined on part of the reals: the sign their operand needs (the random inputs in [-1, 1] would give NaN).
_DOMAIN = {"math.rsqrt": "pos", "math.log": "pos", "math.log2": "pos", "math.log10": "pos", "math.sqrt": "nonneg",
           "math.powf": "nonneg"}
_SIGN_ORDER = {"pos": 2, "nonneg": 1, None: 0}


def _weaker(*signs):
    return min(signs, key=lambda s: _SIGN_ORDER[s])


def _const_value(op) -> int | float | None:
    """The float or integer value of an arith.constant (scalar or splat), or None."""
    attr = op.attributes["value"]
    if isinstance(attr, ir.DenseElementsAttr):
        if not attr.is_splat:
            return None
        attr = attr.get_splat_value()
    value = getattr(attr, "value", None)
    return value if isinstance(value, (int, float)) else None


def _const_sign(op):
    """The sign of an arith.constant's float or integer value(s), or None."""
    value = _const_value(op)
    if value is None:
        return None
    return "pos" if value > 0 else "nonneg" if value == 0 else None


def _power_sign(op, base):
    """The sign of x^n (math.fpowi, math.powf) from its base's sign: an even constant n makes it non-negative
    (RMSNorm's x.pow(2) is fpowi(x, 2)), any n keeps a positive or non-negative base's sign."""
    exponent = op.operands[1]
    constant = isinstance(exponent, ir.OpResult) and _owner(exponent).name == "arith.constant"
    n = _const_value(_owner(exponent)) if constant else None
    if n is not None and float(n).is_integer() and int(n) % 2 == 0:
        return base or "nonneg"
    return base


class _Signs:
    """What the ops of a piece prove about the sign of @main's values; arguments (random inputs) prove nothing."""

    def __init__(self, ops: list, inside: set[int]):
        self.index = {op: i for i, op in enumerate(ops)}
        self.inside, self.memo = inside, {}

    def of(self, value):
        """"pos", "nonneg" or None (unknown) for a value of @main."""
        if not isinstance(value, ir.OpResult):
            return None
        owner = _owner(value)
        i = self.index.get(owner)
        if i is not None and i not in self.inside and owner.name not in _INIT:
            return None  # computed outside the piece: an argument of the benchmark
        key = _key(value)
        if key not in self.memo:
            self.memo[key] = None  # no cycles in SSA, but stay safe
            self.memo[key] = self._result(owner, value.result_number)
        return self.memo[key]

    def _result(self, op, number: int):
        if op.name == "arith.constant":
            return _const_sign(op)
        if op.name == "linalg.fill" or op.name in GLUE - {"tensor.pad", "tensor.concat", "tensor.insert_slice"}:
            return self.of(op.operands[0])
        if op.name != "linalg.generic":
            return None
        body = op.regions[0].blocks[0]
        env = {}
        maps = list(op.attributes["indexing_maps"])
        for arg, operand, amap in zip(body.arguments, op.operands, maps):
            env[_body_key(arg)] = (self.of(operand), (_key(operand), str(amap)))
        return self._body_value(list(body.operations)[-1].operands[number], env)

    def _body_value(self, value, env):
        """The sign of a value inside a generic body; `env` maps its block arguments to (sign, source)."""
        if isinstance(value, ir.BlockArgument):
            return env.get(_body_key(value), (None, None))[0]
        op = _owner(value)
        if op.name not in _BODY_SIGN and op.name not in _POWERS and op.name != "arith.constant":
            return self.of(value) if _is_main_value(value) else None
        if op.name == "arith.constant":
            return _const_sign(op)
        signs = [self._body_value(v, env) for v in op.operands]
        if op.name == "arith.mulf" and _same_source(op.operands[0], op.operands[1], env):
            return "nonneg" if signs[0] is None else signs[0]  # a square
        if op.name in _POWERS:
            return _power_sign(op, signs[0])
        return _BODY_SIGN[op.name](signs)


def _body_key(arg):
    return ("body", _as_operation(ir.BlockArgument(arg).owner.owner), ir.BlockArgument(arg).arg_number)


def _is_main_value(value) -> bool:
    return isinstance(value, ir.OpResult) and _as_operation(_owner(value).parent).name == "func.func"


def _same_source(a, b, env) -> bool:
    """Whether two body values are the same number: one SSA value, or block arguments reading the same tensor
    through the same indexing map (torch's x * x gives ins(%t, %t))."""
    if a == b:
        return True
    if isinstance(a, ir.BlockArgument) and isinstance(b, ir.BlockArgument):
        src_a, src_b = env.get(_body_key(a)), env.get(_body_key(b))
        return bool(src_a and src_b and src_a[1] == src_b[1])
    return False


_BODY_SIGN = {  # body op -> sign of its result from its operands' signs
    "arith.addf": lambda s: "pos" if "pos" in s and None not in s else _weaker(*s),
    "arith.mulf": lambda s: _weaker(*s),
    "arith.divf": lambda s: _weaker(*s) if s[1] == "pos" else None,
    "arith.maximumf": lambda s: max(s, key=lambda x: _SIGN_ORDER[x]),
    "arith.maxnumf": lambda s: max(s, key=lambda x: _SIGN_ORDER[x]),
    "arith.truncf": lambda s: s[0], "arith.extf": lambda s: s[0],
    "math.exp": lambda s: "pos", "math.absf": lambda s: "nonneg", "math.sqrt": lambda s: "nonneg",
    "math.rsqrt": lambda s: "pos",
}
_POWERS = ("math.fpowi", "math.powf")  # signs from _power_sign


def domain_problem(ops: list, chosen: list[int]) -> str | None:
    """None when every partial math op (rsqrt, log, sqrt, powf) of the piece provably gets an operand in its domain
    from the piece itself, else which one does not."""
    signs = _Signs(ops, set(chosen))
    for i in chosen:
        if ops[i].name != "linalg.generic":
            continue
        body = ops[i].regions[0].blocks[0]
        env = {_body_key(arg): (signs.of(v), (_key(v), str(m)))
               for arg, v, m in zip(body.arguments, ops[i].operands, list(ops[i].attributes["indexing_maps"]))}
        for op in body.operations:
            need = _DOMAIN.get(op.operation.name)
            if need and _SIGN_ORDER[signs._body_value(op.operands[0], env)] < _SIGN_ORDER[need]:
                return f"{op.operation.name} needs a {'positive' if need == 'pos' else 'non-negative'} operand"
    return None
