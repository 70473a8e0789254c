"""The one lowering pipeline: linalg-on-tensors (after a schedule) -> LLVM dialect, ready for the ExecutionEngine.

Every caller (measurement, replay tools, benchmarks) goes through `apply_schedule` and `lower_to_llvm`, so a
schedule means the same thing everywhere. The pass order follows the facts in shared/DESIGN.md section 2.
"""

from __future__ import annotations

from mlir import ir, passmanager
from mlir.dialects import linalg
from mlir.dialects.transform import interpreter

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
_TO_LLVM = (
    "func.func(canonicalize,cse),fold-memref-alias-ops,func.func(canonicalize,cse),"
    "buffer-deallocation-pipeline,convert-bufferization-to-memref,"
    "func.func(canonicalize,cse),"
    "convert-vector-to-scf{full-unroll=true},convert-linalg-to-loops,scf-forall-to-parallel,convert-scf-to-openmp,"
    "expand-strided-metadata,lower-affine,finalize-memref-to-llvm,convert-scf-to-cf,"
    "convert-vector-to-llvm{vector-contract-lowering=outerproduct},convert-openmp-to-llvm,"
    "convert-math-to-llvm,convert-arith-to-llvm,convert-cf-to-llvm,convert-func-to-llvm,"
    "convert-index-to-llvm,convert-ub-to-llvm,reconcile-unrealized-casts"
)


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


def lower_to_llvm(module: ir.Module) -> None:
    """Bufferize a scheduled linalg-on-tensors module and lower it to the LLVM dialect, in place.

    `@main`'s tensor results become trailing output buffers (out-params) that the caller allocates.
    """
    try:
        _run_pipeline(module, _BUFFERIZE)
        if _mark_sequential_ranks(module):
            _apply_script(module, _SEQUENTIAL_FORALLS)
        _erase_self_copies(module)
        _strided_copies_to_loops(module)
        _run_pipeline(module, _TO_LLVM)
    except Exception as exc:
        raise LoweringError(_diagnostics_text(exc)) from None


def mark_c_interface(module: ir.Module) -> None:
    """Ask for the `_mlir_ciface_main` wrapper that ExecutionEngine.invoke calls."""
    for op in module.body.operations:
        if op.operation.name == "func.func" and ir.StringAttr(op.attributes["sym_name"]).value == "main":
            op.attributes["llvm.emit_c_interface"] = ir.UnitAttr.get(module.context)
