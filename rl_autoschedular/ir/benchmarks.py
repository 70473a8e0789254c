"""Benchmark loading and checking.

A benchmark is an MLIR module whose public `func.func @main` takes and returns ranked tensors of static shape,
built from linalg, tensor, arith and math ops (linalg-on-tensors, as torch-mlir emits it). A dataset is a folder
of such files, optionally with a `manifest.json`. Everything is checked at load time, so that a bad file fails
here with one clear line instead of in the middle of training.

A linalg op with no loop nest of its own (`linalg.softmax`, which torch-mlir emits for attention) is decomposed at
load into the fills and generics it stands for; one that does not decompose (`linalg.pack`, ...) is refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from mlir import ir
from mlir.dialects.transform import interpreter

from rl_autoschedular.ir.analysis import (
    IRError,
    analyze,
    linalg_ops,
    main_func,
    parse_module,
    tag_module,
    unstructured_ops,
)
from rl_autoschedular.ir.legacy import LegacyError, adapt_legacy
from rl_autoschedular.ir.simplify import (
    drop_unused_results,
    fold_matvec_transposes,
    fold_transpose_chains,
    fuse_elementwise_chains,
)

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
_SUPPORTED_OPS = {"builtin.module", "func.func", "func.return"} | {
    f"tensor.{name}"
    for name in ("empty", "pad", "yield", "expand_shape", "collapse_shape", "extract_slice", "insert_slice", "cast",
                 "concat")
}
_SUPPORTED_DIALECTS = ("linalg.", "arith.", "math.")
# linalg's own decomposition (AggregatedOpInterface) of every op named {name}; doubled braces are literal.
_DECOMPOSE = """
module attributes {{transform.with_named_sequence}} {{
  transform.named_sequence @__transform_main(%root: !transform.any_op {{transform.readonly}}) {{
    %ops = transform.structured.match ops{{["{name}"]}} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %ops : !transform.any_op {{
    ^bb0(%op: !transform.any_op):
      transform.structured.decompose_interface %op : (!transform.any_op) -> !transform.any_op
    }}
    transform.yield
  }}
}}
"""

# tensor.concat (torch.cat, torch.stack) has no bufferization of its own: rewrite it into tensor.empty + insert_slices.
_DECOMPOSE_CONCAT = """
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %funcs = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %funcs {
      transform.apply_patterns.tensor.decompose_concat
    } : !transform.any_op
    transform.yield
  }
}
"""


class BenchmarkError(Exception):
    """A benchmark or dataset cannot be used. The message is one line: `<path>: <problem>; <what to do>`."""

    def __init__(self, path: str | Path, problem: str, todo: str):
        problem = " ".join(str(problem).split())  # diagnostics may span lines; the message must not
        super().__init__(f"{path}: {problem}; {todo}")


@dataclass(frozen=True)
class TensorSpec:
    """Shape and element type (e.g. "f32", "i64") of one argument or result of @main."""

    shape: tuple[int, ...]
    dtype: str


@dataclass(frozen=True)
class Benchmark:
    """One checked benchmark. `text` is the tagged module; `ir_hash` is the sha256 of that text."""

    name: str
    path: Path
    text: str
    ir_hash: str
    inputs: tuple[TensorSpec, ...]
    outputs: tuple[TensorSpec, ...]
    flops: int | None = None
    family: str | None = None
    # Manifest baselines: {machine fingerprint: {"<threads>": ns}}; not part of equality or hashing.
    baselines: dict = field(default_factory=dict, compare=False)
    # The manifest's PyTorch description of the same computation (execution/torch_fns.py), if it has one.
    torch: dict | None = field(default=None, compare=False)


def load_benchmark(path: str | Path, name: str | None = None, *, flops: int | None = None,
                   family: str | None = None, baselines: dict | None = None, torch: dict | None = None) -> Benchmark:
    """Load, check and tag one `.mlir` benchmark; raise BenchmarkError on any problem.

    `name` defaults to the file stem; `flops`, `family`, `baselines` and `torch` come from a manifest entry.
    """
    path = Path(path)
    if not path.is_file():
        raise BenchmarkError(path, "file not found", "check the path")
    try:
        text = path.read_text()
    except (OSError, UnicodeDecodeError) as err:
        raise BenchmarkError(path, f"cannot read the file ({err})", "give a readable UTF-8 .mlir file") from None
    try:
        module = parse_module(text, ir.Context())
    except IRError as err:
        raise BenchmarkError(path, f"does not parse: {err}", "fix the MLIR (mlir-opt reports the same)") from None
    try:
        adapt_legacy(path, module)  # the original MLIR-RL's files: timing harness, own tags, memref @main
    except LegacyError as err:
        raise BenchmarkError(path, *err.args) from None
    func = main_func(module)
    if func is None or _is_private(func):
        raise BenchmarkError(path, "no public func.func @main", "name the entry function @main and make it public")
    _check_ops(path, module)
    function_type = ir.FunctionType(ir.TypeAttr(func.attributes["function_type"]).value)
    inputs = tuple(_tensor_spec(path, f"argument {i}", t) for i, t in enumerate(function_type.inputs))
    outputs = tuple(_tensor_spec(path, f"result {i}", t) for i, t in enumerate(function_type.results))
    if not linalg_ops(module):
        raise BenchmarkError(path, "@main has no linalg op", "give a module with at least one linalg op to schedule")
    _decompose_aggregates(path, module)
    drop_unused_results(module)
    fold_transpose_chains(module)
    fold_matvec_transposes(module)
    fuse_elementwise_chains(module)
    if "tensor.concat" in str(module):
        script = ir.Module.parse(_DECOMPOSE_CONCAT, module.context)
        interpreter.apply_named_sequence(module.operation, script.body.operations[0], script)
    tag_module(module)
    tagged = str(module)
    try:
        analyze(tagged)  # fail now, not during training, if an op cannot be described
    except IRError as err:
        raise BenchmarkError(path, f"cannot analyse: {err}", "rewrite the op with static, affine indexing") from None
    return Benchmark(
        name=name or path.stem,
        path=path,
        text=tagged,
        ir_hash=hashlib.sha256(tagged.encode()).hexdigest(),
        inputs=inputs,
        outputs=outputs,
        flops=flops,
        family=family,
        baselines=baselines or {},
        torch=torch,
    )


def _is_private(func) -> bool:
    return "sym_visibility" in func.attributes and ir.StringAttr(func.attributes["sym_visibility"]).value != "public"


def _check_ops(path: Path, module: ir.Module) -> None:
    unsupported = []

    def visit(op):
        if op.name not in _SUPPORTED_OPS and not op.name.startswith(_SUPPORTED_DIALECTS):
            unsupported.append(op.name)
            return ir.WalkResult.INTERRUPT
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit, ir.WalkOrder.PRE_ORDER)
    if unsupported:
        raise BenchmarkError(path, f"unsupported op {unsupported[0]}",
                             "only linalg, tensor reshape/pad/slice, arith and math ops are supported; lower it first")


def _decompose_aggregates(path: Path, module: ir.Module) -> None:
    """Decompose, in place, every linalg op of @main that has no loop nest of its own (linalg.softmax, ...): the
    agent cannot schedule it and the lowering pipeline cannot compile it, so left alone it would fail every
    measurement. Raise BenchmarkError for one that does not decompose into supported ops."""
    try:
        names = sorted({op.name for op in unstructured_ops(module)})
        for name in names:
            script = ir.Module.parse(_DECOMPOSE.format(name=name), module.context)
            # An op without the interface fails here; it is still unstructured below and refused there.
            with contextlib.suppress(ValueError):
                interpreter.apply_named_sequence(module.operation, script.body.operations[0], script)
        left = unstructured_ops(module)
    except IRError as err:
        raise BenchmarkError(path, f"cannot analyse: {err}", "rewrite the op with static, affine indexing") from None
    if left:
        raise BenchmarkError(path, f"{left[0].name} has no loop nest to schedule and does not decompose into ops "
                                   "that have one", "rewrite it as linalg.generic ops before loading")
    if names:
        _check_ops(path, module)  # what the decomposition produced must be supported too


def _tensor_spec(path: Path, what: str, t: ir.Type) -> TensorSpec:
    if isinstance(t, ir.MemRefType):
        raise BenchmarkError(path, f"@main {what} is a memref ({t})", "give @main tensor arguments and results")
    if not isinstance(t, ir.RankedTensorType):
        raise BenchmarkError(path, f"@main {what} has type {t}, not a ranked tensor",
                             "give @main ranked tensor arguments and results")
    if not t.has_static_shape:
        raise BenchmarkError(path, f"@main {what} has a dynamic dimension ({t})", "give every dimension a static size")
    return TensorSpec(tuple(t.shape), str(t.element_type))


def load_dataset(folder: str | Path) -> list[Benchmark]:
    """Load a dataset folder: the entries of its `manifest.json`, or else every `*.mlir` in sorted order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BenchmarkError(folder, "dataset folder not found", "check the path")
    manifest = folder / MANIFEST
    if not manifest.exists():
        files = sorted(folder.glob("*.mlir"))
        if not files:
            raise BenchmarkError(folder, f"no {MANIFEST} and no *.mlir file", "put benchmarks in the folder")
        return [load_benchmark(f) for f in files]
    benchmarks = [_load_entry(folder, manifest, entry) for entry in _read_manifest(manifest)]
    names = [b.name for b in benchmarks]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise BenchmarkError(manifest, f"duplicate benchmark names {duplicates}", "give each entry a unique name")
    return benchmarks


def _read_manifest(manifest: Path) -> list[dict]:
    try:
        data = json.loads(manifest.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BenchmarkError(manifest, f"not valid JSON ({err})", "fix or regenerate the manifest") from None
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        raise BenchmarkError(manifest, f"not a version {MANIFEST_VERSION} manifest",
                             'write {"version": 1, "benchmarks": [...]}')
    entries = data.get("benchmarks")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("file"), str)
                                                 for e in entries):
        raise BenchmarkError(manifest, '"benchmarks" must be a list of objects with a "file"',
                             "fix or regenerate the manifest")
    return entries


def _load_entry(folder: Path, manifest: Path, entry: dict) -> Benchmark:
    path = folder / entry["file"]
    if not path.is_file():
        raise BenchmarkError(path, f"listed in {manifest} but missing", "add the file or remove its entry")
    flops = entry.get("flops")
    if flops is not None and not isinstance(flops, int):
        raise BenchmarkError(manifest, f"entry {entry['file']}: flops {flops!r} is not an integer",
                             "fix or regenerate the manifest")
    torch = entry.get("torch")
    if torch is not None and not (isinstance(torch, dict) and isinstance(torch.get("fn"), str)):
        raise BenchmarkError(manifest, f"entry {entry['file']}: torch {torch!r} is not a description with an \"fn\"",
                             "fix or regenerate the manifest")
    return load_benchmark(path, entry.get("name"), flops=flops, family=entry.get("family"),
                          baselines=entry.get("baselines") or {}, torch=torch)


def load_path(path: str | Path) -> list[Benchmark]:
    """Load a single `.mlir` file or a dataset folder."""
    path = Path(path)
    if path.is_dir():
        return load_dataset(path)
    if path.suffix != ".mlir":
        raise BenchmarkError(path, "neither a .mlir file nor a dataset folder", "give a .mlir file or a folder")
    return [load_benchmark(path)]
