"""The one lowering pipeline: linalg-on-tensors (after a schedule) -> LLVM dialect, ready for the ExecutionEngine.

Every caller (measurement, replay tools, benchmarks) goes through `apply_schedule` and `lower_to_llvm`, so a
schedule means the same thing everywhere. The pass order follows the facts in shared/DESIGN.md section 2.
"""

from __future__ import annotations

import math

import numpy as np
from mlir import ir, passmanager
from mlir.dialects import arith, linalg
from mlir.dialects.transform import interpreter

from rl_autoschedular.execution.math_rewrites import rewrite_math
from rl_autoschedular.execution.schedule import SEQUENTIAL_ATTR

_BUFFERIZE = (
    "one-shot-bufferize{bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map},"
    "func.func(canonicalize,cse),"
    "buffer-results-to-out-params{modify-public-functions hoist-static-allocs},"
    "func.func(canonicalize,cse)"
)

def _sequential_foralls_script(max_rank: int = 8) -> str:
    """Convert every marked scf.forall to scf.for; the marker's value is the loop count forall_to_for needs."""
    body = []
    for n in range(1, max_rank + 1):
        results = ", ".join(["!transform.any_op"] * n)
        body.append(f"""
    %f{n} = transform.structured.match ops{{["scf.forall"]}} attributes {{"{SEQUENTIAL_ATTR}" = {n} : i64}} in %root
      : (!transform.any_op) -> !transform.any_op
    transform.foreach %f{n} : !transform.any_op {{
    ^bb0(%one: !transform.any_op):
      %l{n}:{n} = transform.loop.forall_to_for %one : (!transform.any_op) -> ({results})
    }}""")
    return f"""
module attributes {{transform.with_named_sequence}} {{
  transform.named_sequence @__transform_main(%root: !transform.any_op {{transform.readonly}}) {{{"".join(body)}
    transform.yield
  }}
}}
"""


_SEQUENTIAL_FORALLS = _sequential_foralls_script()

# After the self-copies are gone: fold subview chains (they block hoisting), free temporaries, then lower.
# `full-unroll` splits n-D vector transfers into 1-D ones with no temporary. Without it MLIR 22 gives each n-D
# transfer a `memref.alloca` inside the enclosing tile loop, with no alloca scope, so the stack grows every
# iteration: a 64x16 f64 relu tile (16 KiB per iteration, 512 iterations) overflowed the 8 MiB stack (SIGSEGV).
# The hand schedules run as fast either way.
_TO_LOOPS = (
    "func.func(canonicalize,cse),fold-memref-alias-ops,func.func(canonicalize,cse),"
    "buffer-deallocation-pipeline,convert-bufferization-to-memref,"
    "func.func(canonicalize,cse),"
    "convert-vector-to-scf{full-unroll=true},convert-linalg-to-loops,scf-forall-to-parallel,convert-scf-to-openmp,"
    "expand-strided-metadata,lower-affine"
)
# Math ops LLVM has no intrinsic for (f64 erf; f32 erf is expanded by math_rewrites) are left by
# convert-math-to-llvm; they become libm calls that the JIT resolves in the process. Only the leftovers go to libm, so
# exp, tanh & co. keep their intrinsics. On vectors the libm pass unrolls to vector.extract/insert, hence the
# second convert-vector-to-llvm.
_LOOPS_TO_LLVM = (
    "finalize-memref-to-llvm,convert-scf-to-cf,"
    "convert-vector-to-llvm{vector-contract-lowering=outerproduct reassociate-fp-reductions},convert-openmp-to-llvm,"
    "convert-math-to-llvm,convert-math-to-libm,convert-vector-to-llvm,"
    "convert-arith-to-llvm,convert-cf-to-llvm,convert-func-to-llvm,"
    "convert-index-to-llvm,convert-ub-to-llvm,reconcile-unrealized-casts"
)
# Every pass, in order, with `widen_bool_memrefs` between the two halves; machine.code_hash hashes it.
_TO_LLVM = f"{_TO_LOOPS},{_LOOPS_TO_LLVM}"


class ScheduleError(Exception):
    """The transform script failed to parse or to apply to the payload."""


class LoweringError(Exception):
    """The scheduled module failed to lower to the LLVM dialect."""


def _diagnostics_text(exc: Exception) -> str:
    """One readable line from an MLIR exception: its diagnostics (with notes) or the messages embedded in its text."""
    diags = getattr(exc, "error_diagnostics", None) or []
    parts = []
    for d in diags:
        parts.append(str(d.message))
        parts.extend(str(n.message) for n in getattr(d, "notes", []))
    if not parts:
        # apply_named_sequence raises ValueError("Failed to apply ...\nDiagnostic message at loc(...): why").
        for line in str(exc).splitlines():
            _, sep, message = line.partition("): ")
            if line.startswith("Diagnostic message") and sep:
                parts.append(message.strip())
    if not parts:
        parts = [line.strip() for line in str(exc).splitlines() if line.strip()][:1] or [repr(exc)]
    return " ".join("; ".join(parts).split())


def _run_pipeline(module: ir.Module, pipeline: str) -> None:
    pm = passmanager.PassManager.parse(f"builtin.module({pipeline})", context=module.context)
    pm.run(module.operation)


def _apply_script(module: ir.Module, script: str) -> None:
    script_module = ir.Module.parse(script, context=module.context)
    entry = None
    for op in script_module.body.operations:
        if op.operation.name == "transform.named_sequence" and \
                ir.StringAttr(op.attributes["sym_name"]).value == "__transform_main":
            entry = op
    if entry is None:
        raise ScheduleError("the schedule has no transform.named_sequence @__transform_main")
    interpreter.apply_named_sequence(module.operation, entry, script_module)


def apply_schedule(module: ir.Module, script: str | None) -> None:
    """Apply a transform-dialect schedule (text of a module holding @__transform_main) to `module` in place."""
    if not script:
        return
    try:
        _apply_script(module, script)
    except ScheduleError:
        raise
    except Exception as exc:  # the bindings raise MLIRError, ValueError or RuntimeError depending on the stage
        raise ScheduleError(_diagnostics_text(exc)) from None


def _mark_sequential_ranks(module: ir.Module) -> int:
    """Set each marked scf.forall's marker to its rank; return how many there are."""
    marked = []

    def visit(op):
        if op.name == "scf.forall" and SEQUENTIAL_ATTR in op.attributes:
            marked.append(op)
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit)
    i64 = ir.IntegerType.get_signless(64, module.context)
    for op in marked:
        rank = len(op.regions[0].blocks[0].arguments) - len(op.results)  # induction vars, then shared outputs
        op.attributes[SEQUENTIAL_ATTR] = ir.IntegerAttr.get(i64, rank)
    return len(marked)


def _erase_self_copies(module: ir.Module) -> int:
    """Erase `memref.copy %x, %x`: one-shot-bufferize leaves them and canonicalize keeps them in MLIR 22."""
    doomed = []

    def visit(op):
        if op.name == "memref.copy" and op.operands[0] == op.operands[1]:
            doomed.append(op)
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit)
    for op in doomed:
        op.erase()
    return len(doomed)


def _strided_copies_to_loops(module: ir.Module) -> int:
    """Turn `memref.copy` into a strided view (e.g. the interior of a padded buffer) into `linalg.copy`.

    Such a copy otherwise lowers to the `memrefCopy` runtime call, which copies element by element through
    generic descriptors: the pad of a 64x56x56 NCHW input took 0.8 ms that way. As loops, LLVM vectorizes it.
    """
    doomed = []

    def visit(op):
        if op.name == "memref.copy" and any(
                isinstance(ir.MemRefType(v.type).layout, ir.StridedLayoutAttr) for v in op.operands):
            doomed.append(op)
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit)
    for op in doomed:
        with ir.InsertionPoint(op), op.location:
            linalg.copy(op.operands[0], outs=[op.operands[1]])
        op.erase()
    return len(doomed)


_COPY_OPS = ("linalg.copy", "linalg.map", "linalg.fill")
_COPY_ATTR = "mlir_rl.copy"


def _row_vector(inner: int) -> int:
    """The vector width of a copy along its innermost dim: all of it up to 64, else a divisor (1: none)."""
    return inner if inner <= 64 else next((w for w in (64, 32, 16, 8) if inner % w == 0), 1)


def _vectorize_copies(module: ir.Module) -> int:
    """Vectorize, one row at a time, the whole-buffer copies and fills that bufferization leaves at a function's
    top level. A `tensor.pad` becomes a fill of the padded buffer and a copy of the interior: as scalar loops, the
    pad of a 144x56x56 NCHW input took 0.36 ms, more than the vectorized depthwise conv that reads it (0.16 ms).
    Returns how many ops it vectorized."""
    found = []

    def visit(op):
        if op.name in _COPY_OPS and op.parent.name == "func.func":
            t = ir.MemRefType(op.operands[-1].type)
            elt = t.element_type
            plain = isinstance(elt, ir.FloatType) or (isinstance(elt, ir.IntegerType) and elt.width >= 8)
            if plain and t.has_static_shape and t.rank and math.prod(t.shape) >= 4096 and _row_vector(t.shape[-1]) > 1:
                found.append((op, t.shape))
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit)
    i64 = ir.IntegerType.get_signless(64, module.context)
    body = []
    for i, (op, shape) in enumerate(found):
        op.attributes[_COPY_ATTR] = ir.IntegerAttr.get(i64, i)
        sizes = [1] * (len(shape) - 1) + [_row_vector(shape[-1])]
        loops = ", ".join(["!transform.any_op"] * len(shape))
        body.append(f"""
    %m{i} = transform.structured.match attributes {{"{_COPY_ATTR}" = {i} : i64}} in %root
      : (!transform.any_op) -> !transform.any_op
    %t{i}, %l{i}:{len(shape)} = transform.structured.tile_using_for %m{i} tile_sizes {sizes}
      : (!transform.any_op) -> (!transform.any_op, {loops})
    transform.structured.vectorize %t{i} : !transform.any_op""")
    if body:
        _apply_script(module, f"""
module attributes {{transform.with_named_sequence}} {{
  transform.named_sequence @__transform_main(%root: !transform.any_op {{transform.readonly}}) {{{"".join(body)}
    transform.yield
  }}
}}
""")
    return len(found)


# Ops that move i1 data in or out of a memref: name -> index of the data operand (None: the data is result 0).
_BOOL_ACCESSES = {
    "memref.load": None, "vector.load": None, "vector.transfer_read": None, "vector.maskedload": None,
    "memref.store": 0, "vector.store": 0, "vector.transfer_write": 0, "vector.maskedstore": -1,
}


def _bool_to_byte(t: ir.Type) -> ir.Type | None:
    """The i8 form of an i1 memref, vector or scalar type, or None when `t` holds no i1."""
    i8 = ir.IntegerType.get_signless(8, t.context)
    if isinstance(t, ir.MemRefType):
        m = ir.MemRefType(t)
        if m.element_type == ir.IntegerType.get_signless(1, t.context):
            return ir.MemRefType.get(m.shape, i8, m.layout, m.memory_space)
    elif isinstance(t, ir.VectorType):
        v = ir.VectorType(t)
        if v.element_type == ir.IntegerType.get_signless(1, t.context):
            return ir.VectorType.get(v.shape, i8, scalable=v.scalable_dims)
    elif t == ir.IntegerType.get_signless(1, t.context):
        return i8
    return None


def _widen_operand(op, index: int) -> None:
    """Replace i1 operand `index` of `op` by its zero extension to i8, built just before `op`."""
    value = op.operands[index]
    with ir.InsertionPoint(op), op.location:
        op.operands[index] = arith.extui(_bool_to_byte(value.type), value)


def _widen_global(op) -> None:
    """Give an i1 `memref.global` its i8 type and initial value (true -> 1)."""
    mtype = ir.TypeAttr(op.attributes["type"]).value
    wide = _bool_to_byte(mtype)
    if wide is None:
        return
    op.attributes["type"] = ir.TypeAttr.get(wide)
    init = op.attributes["initial_value"] if "initial_value" in op.attributes else None
    if init is None or not isinstance(init, ir.DenseElementsAttr):
        return
    dense = ir.DenseIntElementsAttr(init)
    shaped = ir.RankedTensorType.get(ir.MemRefType(wide).shape, ir.MemRefType(wide).element_type)
    if dense.is_splat:
        op.attributes["initial_value"] = ir.DenseElementsAttr.get_splat(
            shaped, ir.IntegerAttr.get(shaped.element_type, int(bool(dense.get_splat_value().value))))
    else:
        values = np.array([int(bool(dense[i])) for i in range(len(dense))], dtype=np.int8)
        op.attributes["initial_value"] = ir.DenseElementsAttr.get(values.reshape(shaped.shape),
                                                                  type=shaped.element_type)


def widen_bool_memrefs(module: ir.Module) -> int:
    """Store booleans as bytes: every `memref<...xi1>` becomes `memref<...xi8>`, with trunci/extui at its loads
    and stores. Returns how many memrefs were widened.

    finalize-memref-to-llvm asserts (SIGABRT) on a scalar i1 load or store in MLIR 22, and an LLVM
    `<N x i1>` vector load reads N bits, not N bytes. A byte per boolean is also what numpy's bool_ buffers
    (the worker's inputs and outputs) and IREE hold. Runs on loops (after vector-to-scf, before memref-to-llvm);
    an access op this misses fails verification here, as a LoweringError, instead of aborting the process.
    """
    with module.context, ir.Location.unknown():
        return _widen_bool_memrefs(module)


def _widen_bool_memrefs(module: ir.Module) -> int:
    widened, accesses, funcs, globals_ = [], [], [], []

    def visit(op):
        for region in op.regions:
            for block in region.blocks:
                widened.extend(a for a in block.arguments
                               if _bool_to_byte(a.type) and isinstance(a.type, ir.MemRefType))
        widened.extend(r for r in op.results if isinstance(r.type, ir.MemRefType) and _bool_to_byte(r.type))
        if op.name in _BOOL_ACCESSES:
            accesses.append(op)
        elif op.name == "func.func":
            funcs.append(op)
        elif op.name == "memref.global":
            globals_.append(op)
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit)
    for value in widened:
        value.set_type(_bool_to_byte(value.type))
    for op in globals_:
        _widen_global(op)
    for op in funcs:
        ftype = ir.FunctionType(ir.TypeAttr(op.attributes["function_type"]).value)
        inputs = [_bool_to_byte(t) if isinstance(t, ir.MemRefType) and _bool_to_byte(t) else t for t in ftype.inputs]
        op.attributes["function_type"] = ir.TypeAttr.get(ir.FunctionType.get(inputs, ftype.results))
    for op in accesses:
        where = _BOOL_ACCESSES[op.name]
        data = op.results[0] if where is None else op.operands[where]
        i8 = ir.IntegerType.get_signless(8, module.context)
        if not _bool_to_byte(data.type) or not any(
                isinstance(v.type, ir.MemRefType) and ir.MemRefType(v.type).element_type == i8 for v in op.operands):
            continue
        if where is None:  # a read: the op now yields bytes, truncated back to i1 for its users
            if op.name == "vector.transfer_read":  # operands: source, indices, padding, mask
                _widen_operand(op, 1 + ir.DenseI32ArrayAttr(op.attributes["operandSegmentSizes"])[1])
            elif op.name == "vector.maskedload":
                _widen_operand(op, len(op.operands) - 1)  # the pass-through vector
            bool_type = data.type
            data.set_type(_bool_to_byte(bool_type))
            with ir.InsertionPoint.after(op), op.location:
                narrow = arith.trunci(bool_type, data)
            data.replace_all_uses_except(narrow, narrow.owner.operation)
        else:
            _widen_operand(op, where if where >= 0 else len(op.operands) + where)
    module.operation.verify()
    return len(widened)


def bufferize(module: ir.Module) -> None:
    """The first half of `lower_to_llvm`: math rewrites, bufferization, sequential loops, and the copies it leaves
    cleaned up and vectorized; the module is then on memrefs, still in linalg, scf and vector."""
    rewrite_math(module)
    _run_pipeline(module, _BUFFERIZE)
    if _mark_sequential_ranks(module):
        _apply_script(module, _SEQUENTIAL_FORALLS)
    _erase_self_copies(module)
    _strided_copies_to_loops(module)
    _vectorize_copies(module)


def lower_to_llvm(module: ir.Module) -> None:
    """Bufferize a scheduled linalg-on-tensors module and lower it to the LLVM dialect, in place.

    `@main`'s tensor results become trailing output buffers (out-params) that the caller allocates.
    """
    try:
        bufferize(module)
        _run_pipeline(module, _TO_LOOPS)
        widen_bool_memrefs(module)
        _run_pipeline(module, _LOOPS_TO_LLVM)
    except Exception as exc:
        raise LoweringError(_diagnostics_text(exc)) from None


def mark_c_interface(module: ir.Module) -> None:
    """Ask for the `_mlir_ciface_main` wrapper that ExecutionEngine.invoke calls."""
    for op in module.body.operations:
        if op.operation.name == "func.func" and ir.StringAttr(op.attributes["sym_name"]).value == "main":
            op.attributes["llvm.emit_c_interface"] = ir.UnitAttr.get(module.context)
