"""Runnable PyTorch descriptions (rl_autoschedular/execution/torch_fns.py) of what `nn_to_mlir.py` writes: a
single op read from its own file (`describe_op`), and a whole model from its spec and exported weights
(`describe_model`). Blocks get none: no single PyTorch function is the same computation."""

from __future__ import annotations

import inspect
import math

from mlir import ir

from data_generation import nn_extract
from data_generation.nn_models import MODELS
from rl_autoschedular.execution.torch_fns import describe


class NoMapping(Exception):
    """Why an op has no PyTorch description: one line."""


def attr_ints(op, name: str) -> list[int] | None:
    """An integer list attribute (dense elements or a dense array), or None when absent."""
    if name not in op.attributes:
        return None
    attr = op.attributes[name]
    if isinstance(attr, ir.DenseI64ArrayAttr):
        return list(attr)
    return [int(v) for v in ir.DenseIntElementsAttr(attr)]


# Generic bodies of one arith/math op -> the torch function of the same name in torch_fns.
_BINARY = {"arith.addf": "add", "arith.subf": "sub", "arith.mulf": "mul", "arith.divf": "div",
           "arith.maximumf": "maximum", "arith.minimumf": "minimum"}
_UNARY = {"math.exp": "exp", "math.tanh": "tanh", "arith.negf": "neg"}
_COMMUTATIVE = {"add", "mul", "maximum", "minimum"}
# arith.cmpf predicates (CmpFPredicate) that make `select(cmp(a, b), a, b)` a maximum or a minimum.
_GREATER, _LESS = {2, 3, 9, 10}, {4, 5, 11, 12}  # ogt oge ugt uge; olt ole ult ule


def _scalar(value) -> float | None:
    """The value of a scalar or splat constant (through truncf/extf of one), else None."""
    owner = value.owner if isinstance(value, ir.OpResult) else None
    if owner is None:
        return None
    if owner.name in ("arith.truncf", "arith.extf"):
        return _scalar(owner.operands[0])
    if owner.name != "arith.constant":
        return None
    attr = owner.attributes["value"]
    if isinstance(attr, ir.FloatAttr):
        return attr.value
    if isinstance(attr, ir.DenseFPElementsAttr) and attr.is_splat:
        return attr.get_splat_value().value
    return None


def _origin(value) -> tuple:
    """Where an operand of the op comes from: ("arg", i) for @main's argument i, ("fill", c) for a fill with the
    constant c, ("const", c) for a scalar or splat constant, ("empty",) for tensor.empty, else ("other", name)."""
    if isinstance(value, ir.BlockArgument):
        return ("arg", value.arg_number)
    owner = value.owner
    if owner.name == "linalg.fill" and _scalar(owner.operands[0]) is not None:
        return ("fill", _scalar(owner.operands[0]))
    if _scalar(value) is not None:
        return ("const", _scalar(value))
    return ("empty",) if owner.name == "tensor.empty" else ("other", owner.name)


def _arg(value, what: str) -> int:
    kind, *rest = _origin(value)
    if kind != "arg":
        raise NoMapping(f"{what} is not an argument of @main ({kind})")
    return rest[0]


def _init(op, identity: float) -> str:
    """"fill" when the op's init is filled with `identity` (what torch's op starts from), "arg" when @main passes
    it (torch adds it); anything else has no torch equivalent."""
    kind, *rest = _origin(op.operands[len(op.operands) - 1])
    if kind == "arg" or (kind == "fill" and rest[0] == identity):
        return kind
    raise NoMapping(f"its init is {kind} {rest[0] if rest else ''}".strip())


# The default indexing maps of linalg.matmul and linalg.batch_matmul: torch.mm's and torch.bmm's layouts.
_CONTRACTION_MAPS = {
    "linalg.matmul": ["(d0, d1, d2) -> (d0, d2)", "(d0, d1, d2) -> (d2, d1)", "(d0, d1, d2) -> (d0, d1)"],
    "linalg.batch_matmul": ["(d0, d1, d2, d3) -> (d0, d1, d3)", "(d0, d1, d2, d3) -> (d0, d3, d2)",
                            "(d0, d1, d2, d3) -> (d0, d1, d2)"],
}


def _contraction(op, fn: str) -> tuple[str, dict, list[int]]:
    if [str(a.value) for a in op.attributes["indexing_maps"]] != _CONTRACTION_MAPS[op.name]:
        raise NoMapping(f"{op.name} with transposed or broadcast operands")
    if _init(op, 0.0) != "fill":
        raise NoMapping(f"{op.name} accumulating into an argument")
    return fn, {}, [_arg(op.operands[0], "A"), _arg(op.operands[1], "B")]


def _conv(op) -> tuple[str, dict, list[int]]:
    kwargs = {"stride": attr_ints(op, "strides"), "dilation": attr_ints(op, "dilations")}
    args = [_arg(op.operands[0], "the input"), _arg(op.operands[1], "the filter")]
    depthwise = op.name.startswith("linalg.depthwise")
    if _init(op, 0.0) == "arg":  # torch-mlir's bias: the convolution accumulates into its broadcast
        return ("depthwise_conv2d" if depthwise else "conv2d_acc"), kwargs, args + [_arg(op.operands[2], "the init")]
    return ("depthwise_conv2d" if depthwise else "conv2d"), kwargs, args


def _pool(op) -> tuple[str, dict, list[int]]:
    kwargs = {"kernel_size": list(ir.ShapedType(op.operands[1].type).shape), "stride": attr_ints(op, "strides")}
    dilation = attr_ints(op, "dilations")
    if op.name == "linalg.pooling_nchw_max":
        if _init(op, -math.inf) != "fill":
            raise NoMapping("max pooling into an argument")
        fn, kwargs = "max_pool2d", {**kwargs, "dilation": dilation}
    else:
        if _init(op, 0.0) != "fill" or any(d != 1 for d in dilation):  # avg_pool2d has no dilation
            raise NoMapping("sum pooling into an argument, or dilated")
        fn = "sum_pool2d"
    return fn, kwargs, [_arg(op.operands[0], "the input")]


def _broadcastable(m, shape: list[int], rank: int) -> bool:
    """Whether an input map reads the input as torch broadcasting does: its dimensions right-aligned with the
    loops, a size-1 dimension read at 0."""
    offset = rank - len(shape)
    return offset >= 0 and all(
        (isinstance(e, ir.AffineDimExpr) and e.position == offset + k)
        or (isinstance(e, ir.AffineConstantExpr) and e.value == 0 and shape[k] == 1)
        for k, e in enumerate(m.results))


def _elementwise_body(computes: list) -> tuple[str, list]:
    """(torch function, the values it takes) of an elementwise body: one arith/math op, or a maximum or minimum
    written as a compare and a select."""
    if len(computes) == 1 and computes[0].name in _BINARY:
        return _BINARY[computes[0].name], list(computes[0].operands)
    if len(computes) == 1 and computes[0].name in _UNARY:
        return _UNARY[computes[0].name], list(computes[0].operands)
    if [o.name for o in computes] == ["arith.cmpf", "arith.select"] and \
            list(computes[1].operands) == [computes[0].results[0], *computes[0].operands]:
        predicate = computes[0].attributes["predicate"].value
        if predicate in _GREATER | _LESS:
            return ("maximum" if predicate in _GREATER else "minimum"), list(computes[0].operands)
    raise NoMapping(f"a generic body of {', '.join(o.name for o in computes) or 'no op'}")


def _generic(op) -> tuple[str, dict, list[int]]:
    """A generic whose body is one identified op: elementwise (with torch's broadcasting), or a sum over some
    loops."""
    if len(op.results) != 1:
        raise NoMapping(f"a generic with {len(op.results)} results")
    n_in = len(op.operands) - 1
    maps = [a.value for a in op.attributes["indexing_maps"]]
    kinds = [str(t).removeprefix("#linalg.iterator_type<").removesuffix(">") for t in op.attributes["iterator_types"]]
    body = [o for o in op.regions[0].blocks[0].operations if o.name != "linalg.yield"]
    computes = [o for o in body if _scalar(o.results[0]) is None]  # a truncf of a constant is no computation

    def operand(value) -> tuple:
        """("in", i) for input i, ("out",) for the init, ("const", c), or ("value",) for a computed value."""
        if isinstance(value, ir.BlockArgument) and value.owner.owner == op:
            return ("in", value.arg_number) if value.arg_number < n_in else ("out",)
        c = _scalar(value)
        return ("const", c) if c is not None else ("value",)

    if "reduction" in kinds:
        return _reduction(op, maps, kinds, computes, operand)
    out_rank = len(kinds)
    if [getattr(e, "position", None) for e in maps[-1].results] != list(range(out_rank)):
        raise NoMapping("an elementwise generic whose output map is not the identity")
    fn, operands = _elementwise_body(computes)
    operands = [operand(v) for v in operands]
    if any(kind in ("out", "value") for kind, *_ in operands):
        raise NoMapping("a generic body that reads its init or a computed value")
    # Inputs: @main's arguments (broadcast as torch does) or splat constants (scalars).
    inputs = []
    for i in range(n_in):
        kind, *rest = _origin(op.operands[i])
        shape = list(ir.ShapedType(op.operands[i].type).shape)
        if kind == "arg" and _broadcastable(maps[i], shape, out_rank):
            inputs.append(("arg", rest[0], [e.position for e in maps[i].results if isinstance(e, ir.AffineDimExpr)]))
        elif kind == "const" and not shape:
            inputs.append(("const", rest[0]))
        else:
            raise NoMapping(f"generic input {i} is {kind}, or not read the way torch broadcasts it")
    values = [inputs[rest[0]] if kind == "in" else ("const", rest[0]) for kind, *rest in operands]
    args = [v[1] for v in values if v[0] == "arg"]
    covered = {p for v in values if v[0] == "arg" for p in v[2]}
    out_shape = list(ir.ShapedType(op.results[0].type).shape)
    if any(out_shape[p] != 1 for p in range(out_rank) if p not in covered):  # torch's result would be smaller
        raise NoMapping("a generic whose inputs do not span its output")
    consts = [v[1] for v in values if v[0] == "const"]
    if not args:
        raise NoMapping("a generic of constants")
    if not consts:
        return fn, {}, args
    if values[0][0] == "const" and fn not in _COMMUTATIVE:
        raise NoMapping(f"{fn} with the constant on the left")
    if fn == "maximum":
        return ("relu", {}, args) if consts[0] == 0 else ("clamp_min", {"min": consts[0]}, args)
    if fn == "minimum":
        return "clamp_max", {"max": consts[0]}, args
    return fn, {"other": consts[0]}, args


def _reduction(op, maps, kinds, computes, operand) -> tuple[str, dict, list[int]]:
    """A sum over some loops of one input read in loop order, into a zero-filled output that keeps them as size 1
    or drops them."""
    if len(op.operands) != 2 or [o.name for o in computes] != ["arith.addf"]:
        raise NoMapping("a reduction that is not one sum")
    if sorted(operand(v)[0] for v in computes[0].operands) != ["in", "out"]:
        raise NoMapping("a reduction body that is not input + accumulator")
    if [getattr(e, "position", None) for e in maps[0].results] != list(range(len(kinds))):
        raise NoMapping("a reduction whose input map is not the identity")
    dims = [p for p, kind in enumerate(kinds) if kind == "reduction"]
    out = [e.position if isinstance(e, ir.AffineDimExpr) else None for e in maps[1].results]
    kept = [None if p in dims else p for p in range(len(kinds))]
    if out not in (kept, [p for p in kept if p is not None]) or _init(op, 0.0) != "fill":
        raise NoMapping("a reduction whose output is not the input with the reduced dimensions kept or dropped")
    return "sum", {"dim": dims, "keepdim": out == kept}, [_arg(op.operands[0], "the input")]


_OP_MAPPERS = {
    "linalg.matmul": lambda op: _contraction(op, "mm"),
    "linalg.batch_matmul": lambda op: _contraction(op, "bmm"),
    "linalg.conv_2d_nchw_fchw": _conv,
    "linalg.depthwise_conv_2d_nchw_chw": _conv,
    "linalg.pooling_nchw_max": _pool,
    "linalg.pooling_nchw_sum": _pool,
    "linalg.transpose": lambda op: ("permute", {"dims": attr_ints(op, "permutation")},
                                    [_arg(op.operands[0], "the input")]),
    "linalg.broadcast": lambda op: ("broadcast", {"shape": list(ir.ShapedType(op.results[0].type).shape),
                                                  "dims": attr_ints(op, "dimensions")},
                                    [_arg(op.operands[0], "the input")]),
    "linalg.generic": _generic,
}


def describe_op(text: str) -> tuple[dict | None, str]:
    """(description, "") of a single-op benchmark (one linalg op, its operands @main's arguments, as `extract`
    writes it) in the manifest's "torch" form, or (None, why it has none)."""
    module = ir.Module.parse(text, ir.Context())
    ops = nn_extract.body_ops(module)
    core = [op for op in ops if nn_extract.is_core(op)]
    if len(core) != 1:
        return None, f"{len(core)} linalg ops, not one"
    op = core[0]
    if op.name not in _OP_MAPPERS:
        return None, f"no torch function for {op.name}"
    main = ops[-1].parent.opview
    types = [*main.type.inputs, *main.type.results]
    dtypes = {str(ir.ShapedType(t).element_type) for t in types}
    if len(dtypes) != 1 or not dtypes <= {"f32", "f64"}:
        return None, f"element types {sorted(dtypes)}, not one of f32 and f64"
    if list(ops[-1].operands) != list(op.results):
        return None, "@main does not return the op's results"
    try:
        fn, kwargs, args = _OP_MAPPERS[op.name](op)
    except NoMapping as why:
        return None, str(why)
    if args != list(range(len(main.type.inputs))):  # the callable takes @main's arguments, in their order
        return None, f"the op reads @main's arguments {args}, not each once in order"
    return describe(fn, [ir.ShapedType(t).shape for t in main.type.inputs], kwargs, dtypes.pop()), ""


def model_sizes(name: str, sizes: dict) -> dict:
    """The size options a bundled model is built with: the given ones, the factory's defaults for the rest."""
    factory, options = MODELS[name]
    defaults = inspect.signature(factory).parameters
    return {k: sizes[k] if sizes.get(k) is not None else defaults[k].default for k in options}


def describe_model(spec: dict, exported: dict) -> dict:
    """The "torch" description of a whole model exported from `spec` ({"model", "sizes"} or {"module", ...}):
    `exported` holds its "input_shape" and its "params" ([name, shape] in @main's order after the input)."""
    desc = {"fn": "model"}
    if spec.get("module"):
        desc["module"] = spec["module"]
    else:
        desc.update(model=spec["model"], sizes=model_sizes(spec["model"], spec.get("sizes", {})))
    return {**desc, "params": [name for name, _ in exported["params"]],
            "shapes": [list(exported["input_shape"]), *[list(shape) for _, shape in exported["params"]]],
            "dtype": "f32"}
