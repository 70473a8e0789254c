"""Benchmark files in the format of the original MLIR-RL, adapted at load to this project's format.

The original suite times each kernel inside the file: `@main` calls an external `@nanoTime()` before and after the
kernel and returns the difference as an extra `i64` result. Its ops carry their own `tag = "operation_<i>"`, and its
LQCD kernels work on memrefs (`@main` writes into an output argument) instead of tensors. `adapt_legacy` strips that
harness, keeps the old tags as `orig_tag` (this project's schedules match its own `tag = "op_<i>"`), and rewrites a
memref-based `@main` that is a pure function of its arguments into tensors. What it changed is logged as one note.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mlir import ir

from rl_autoschedular.ir.analysis import linalg_ops, main_func
from rl_autoschedular.ir.op_info import TAG

log = logging.getLogger(__name__)

TIMER = "nanoTime"
ORIG_TAG = "orig_tag"
_C_INTERFACE = "llvm.emit_c_interface"
_VIEWS = ("memref.collapse_shape", "memref.expand_shape")


class LegacyError(Exception):
    """A legacy file that cannot be adapted; `args` are (problem, what to do), as BenchmarkError takes them."""


def adapt_legacy(path: str | Path, module: ir.Module) -> None:
    """Rewrite, in place, a module in the original MLIR-RL's format into this project's format and log one note
    saying what changed; leave any other module alone. Raise LegacyError if it cannot be adapted."""
    func = main_func(module)
    if func is None:
        return  # the loader reports the missing @main
    changes = []
    if _strip_timer(module, func):
        changes.append(f"stripped the @{TIMER} timing harness (and the i64 result of @main)")
        moved = _move_tags(module)
        if moved:
            changes.append(f"kept their tags as {ORIG_TAG} ({', '.join(moved)})")
    roles = _tensorize(module, func)
    if roles:
        changes.append(f"rewrote the memref-based @main on tensors ({roles})")
        try:
            module.operation.verify()
        except ir.MLIRError as err:
            raise LegacyError(f"memref-based @main: the tensor form does not verify ({err})",
                              "give a tensor version of @main") from None
    if changes:
        log.warning("%s: note: original MLIR-RL format: %s", path, "; ".join(changes))


def _block(func) -> ir.Block:
    return func.regions[0].blocks[0]


def _function_type(func) -> ir.FunctionType:
    return ir.FunctionType(ir.TypeAttr(func.attributes["function_type"]).value)


def _set_function_type(func, inputs, results) -> None:
    func.attributes["function_type"] = ir.TypeAttr.get(ir.FunctionType.get(list(inputs), list(results)))


def _callee(op) -> str | None:
    return ir.FlatSymbolRefAttr(op.attributes["callee"]).value if op.name == "func.call" else None


def _defining_op(value: ir.Value) -> ir.Operation | None:
    return value.owner.operation if isinstance(value, ir.OpResult) else None


def _strip_timer(module: ir.Module, func) -> bool:
    """Remove the `t0 = call @nanoTime(); ...; t1 = call @nanoTime(); dt = arith.subi t1, t0; return ..., dt`
    harness; False if the module has none."""
    decl = next((op for op in module.body.operations if op.operation.name == "func.func"
                 and ir.StringAttr(op.attributes["sym_name"]).value == TIMER), None)
    body = [op.operation for op in _block(func).operations]
    calls = [op for op in body if _callee(op) == TIMER]
    if decl is None and not calls:
        return False
    ret = body[-1]
    sub = _defining_op(ret.operands[len(ret.operands) - 1]) if len(ret.operands) else None
    if (len(calls) != 2 or sub is None or sub.name != "arith.subi"
            or [_defining_op(v) for v in sub.operands] != [calls[1], calls[0]]
            or any(len(list(op.result.uses)) != 1 for op in (sub, *calls))):
        raise LegacyError(f"@main calls @{TIMER} in a way the original MLIR-RL harness does not",
                          "remove the timing code: @main must only compute its results")
    with module.context, ir.Location.unknown():
        ir.Operation.create("func.return", operands=list(ret.operands)[:-1], ip=ir.InsertionPoint(ret))
    for op in (ret, sub, calls[1], calls[0]):
        op.erase()
    ftype = _function_type(func)
    with module.context:
        _set_function_type(func, ftype.inputs, ftype.results[:-1])
    if _C_INTERFACE in func.attributes:
        del func.attributes[_C_INTERFACE]  # the lowering asks for the C wrapper itself; the file need not
    if decl is not None:
        decl.operation.erase()
    return True


def _move_tags(module: ir.Module) -> list[str]:
    """Move each linalg op's own `tag` to `orig_tag`, so that tag_module gives it an `op_<i>` tag; return
    "<their tag> -> op_<i>" for each, in program order (the tags tag_module will give)."""
    moved = []
    with module.context:
        for index, op in enumerate(linalg_ops(module)):
            if TAG in op.attributes:
                op.attributes[ORIG_TAG] = op.attributes[TAG]
                del op.attributes[TAG]
                moved.append(f"{ir.StringAttr(op.attributes[ORIG_TAG]).value} -> op_{index}")
    return moved


class _Buffers:
    """The tensor value each memref buffer holds at the current point of @main, while its ops are rewritten.

    A buffer is an argument or a `memref.alloc`; a view (`memref.collapse_shape`/`expand_shape`) of one is read
    and written through its base, reshaped. An argument is an input if its first use reads it, an output if its
    first use overwrites it; one that is read and then written is refused (in place updates have no tensor form).
    """

    def __init__(self, func):
        self.args = list(_block(func).arguments)
        self.value: dict = {}  # buffer -> its current tensor
        self.views: dict = {}  # view -> (base buffer, the view op)
        self.inputs: set[int] = set()
        self.outputs: list[int] = []

    def _arg_index(self, buffer) -> int | None:
        return next((i for i, a in enumerate(self.args) if a == buffer), None)

    def _base(self, value):
        view = self.views.get(value)
        return (value, None) if view is None else view

    def _current(self, base, ip: ir.InsertionPoint) -> ir.Value:
        """The tensor `base` holds now; a write through a view is reshaped back into it only when needed."""
        value = self.value[base]
        if isinstance(value, tuple):  # (view, the view op, the tensor written through it)
            view_op, tensor = value[1:]
            inverse = "tensor.expand_shape" if view_op.name == "memref.collapse_shape" else "tensor.collapse_shape"
            value = self.value[base] = _reshape(inverse, tensor, _tensor_type(base.type), view_op, ip)
        return value

    def read(self, value, ip: ir.InsertionPoint) -> ir.Value:
        """The tensor `value` (a memref) holds now."""
        base, view = self._base(value)
        if base not in self.value:
            index = self._arg_index(base)
            if index is None:
                raise LegacyError(f"memref-based @main reads {base.get_name()}, which is neither an argument nor "
                                  "a memref.alloc", "give a tensor version of @main")
            self.inputs.add(index)
            self.value[base] = base  # the argument itself, retyped to a tensor at the end
        held = self.value[base]
        if isinstance(held, tuple) and held[0] == value:
            return held[2]  # read back through the view it was written through: no reshape round trip
        if view is None:
            return self._current(base, ip)
        return _reshape(view.name.replace("memref.", "tensor."), self._current(base, ip), _tensor_type(value.type),
                        view, ip)

    def write(self, value, tensor: ir.Value) -> None:
        """Record that `value` (a memref) holds `tensor` from now on."""
        base, view = self._base(value)
        index = self._arg_index(base)
        if index is not None and base not in self.value:
            self.outputs.append(index)
        elif index in self.inputs:
            raise LegacyError(f"memref-based @main: argument %{index} is both read and written",
                              "give a tensor version of @main")
        self.value[base] = tensor if view is None else (value, view, tensor)

    def blank(self, value, ip: ir.InsertionPoint) -> ir.Value:
        """A tensor of `value`'s type whose contents are never read (the init of an op that overwrites it)."""
        base, _ = self._base(value)
        if base in self.value or self._arg_index(base) is None:
            return self.read(value, ip)  # an alloc: its current contents are as good as any
        return _empty(_tensor_type(value.type), ip)


def _plain_memref(t: ir.Type) -> bool:
    """A static memref with the default layout: one its tensor type describes fully."""
    return (isinstance(t, ir.MemRefType) and t.has_static_shape
            and t == ir.MemRefType.get(list(t.shape), t.element_type, loc=ir.Location.unknown(t.context)))


def _tensor_type(t: ir.Type) -> ir.RankedTensorType:
    memref = ir.MemRefType(t)
    return ir.RankedTensorType.get(list(memref.shape), memref.element_type, loc=ir.Location.unknown(t.context))


def _empty(t: ir.RankedTensorType, ip: ir.InsertionPoint) -> ir.Value:
    return ir.Operation.create("tensor.empty", results=[t], ip=ip).result


def _reshape(name: str, source: ir.Value, result: ir.RankedTensorType, view, ip: ir.InsertionPoint) -> ir.Value:
    """`name` (tensor.collapse_shape or expand_shape) of `source` into `result`, with the view's reassociation."""
    attributes = {"reassociation": view.attributes["reassociation"]}
    if name == "tensor.expand_shape":
        attributes["static_output_shape"] = ir.DenseI64ArrayAttr.get(list(result.shape))
    return ir.Operation.create(name, results=[result], operands=[source], attributes=attributes, ip=ip).result


def _overwrites(op, output: int) -> bool:
    """Whether linalg `op` writes every element of its output `output` without reading what was there."""
    n_inputs = len(op.opview.inputs)
    region = op.regions[0]
    if len(region.blocks) and len(list(region.blocks[0].arguments[n_inputs + output].uses)):
        return False
    if "indexing_maps" in op.attributes:  # every output dim must be a loop dim, or some elements are skipped
        amap = ir.AffineMapAttr(op.attributes["indexing_maps"][n_inputs + output]).value
        return all(isinstance(e, ir.AffineDimExpr) for e in amap.results)
    return True


def _tensorize(module: ir.Module, func) -> str:
    """Rewrite a memref-based @main on tensors, in place: read-only memref arguments become tensor arguments,
    written ones become results (in argument order). Return "argument %i -> result j, ..." or "" for a tensor
    @main. Raise LegacyError where @main is not a pure function of its arguments."""
    ftype = _function_type(func)
    if not any(isinstance(t, ir.MemRefType) for t in ftype.inputs):
        return ""
    todo = "give a tensor version of @main"
    for i, t in enumerate(ftype.inputs):
        if not _plain_memref(t):
            raise LegacyError(f"memref-based @main: argument %{i} ({t}) is not a static memref with the default "
                              "layout", todo)
    buffers = _Buffers(func)
    replaced = []
    with module.context, ir.Location.unknown():
        for op in [op.operation for op in _block(func).operations]:
            ip = ir.InsertionPoint(op)
            if op.name == "memref.alloc":
                if not _plain_memref(op.result.type) or len(op.operands):
                    raise LegacyError(f"memref-based @main: {op.result.type} is not a static memref with the "
                                      "default layout", todo)
                buffers.value[op.result] = _empty(_tensor_type(op.result.type), ip)
            elif op.name in _VIEWS:
                if op.operands[0] in buffers.views:
                    raise LegacyError(f"memref-based @main: a view of a view ({op.name})", todo)
                buffers.views[op.result] = (op.operands[0], op)
            elif op.name == "memref.copy":
                buffers.write(op.operands[1], buffers.read(op.operands[0], ip))
            elif op.name == "memref.dealloc":
                pass  # the tensor form has no buffers to free
            elif op.name.startswith("linalg.") and not len(op.results):  # one with results is on tensors already
                _tensorize_linalg(op, buffers, ip)
            elif op.name == "func.return" and not any(isinstance(v.type, ir.MemRefType) for v in op.operands):
                results = [buffers.read(buffers.args[i], ip) for i in buffers.outputs]
                ir.Operation.create("func.return", operands=list(op.operands) + results, ip=ip)
            elif (op.name.startswith("memref.") or len(op.regions)
                  or any(isinstance(v.type, ir.MemRefType) for v in op.operands)):
                raise LegacyError(f"memref-based @main: unsupported op {op.name}", todo)
            else:
                continue  # arith constants and the like are the same in both forms
            replaced.append(op)
    for op in reversed(replaced):  # users first: an alloc or a view goes after the ops that used it
        op.erase()
    block = _block(func)
    for index in sorted(buffers.outputs, reverse=True):
        block.erase_argument(index)
    for arg in block.arguments:
        arg.set_type(_tensor_type(arg.type))
    with module.context:
        results = list(ftype.results) + [_tensor_type(ftype.inputs[i]) for i in buffers.outputs]
        _set_function_type(func, [a.type for a in block.arguments], results)
    n_kept = len(ftype.results)
    return ", ".join(f"argument %{i} -> result {n_kept + j}" for j, i in enumerate(buffers.outputs))


def _tensorize_linalg(op, buffers: _Buffers, ip: ir.InsertionPoint) -> None:
    """Replace a linalg op on memrefs by the same op on tensors, its region moved over."""
    view = op.opview
    inputs = [buffers.read(v, ip) if isinstance(v.type, ir.MemRefType) else v for v in view.inputs]
    outputs = list(view.outputs)
    inits = [buffers.blank(v, ip) if _overwrites(op, j) else buffers.read(v, ip) for j, v in enumerate(outputs)]
    attributes = {name: op.attributes[name] for name in op.attributes}
    new = ir.Operation.create(op.name, results=[_tensor_type(v.type) for v in outputs], operands=inputs + inits,
                              attributes=attributes, regions=len(op.regions), ip=ip)
    for old_region, new_region in zip(op.regions, new.regions):
        for block in list(old_region.blocks):
            block.append_to(new_region)
    for value, result in zip(outputs, new.results):
        buffers.write(value, result)
