"""Generate a bundled benchmark suite: linalg-on-tensors `.mlir` files plus `manifest.json`.

Two suites: "test" (`data/test/`, single ops of five seed families and a few blocks) and "families"
(`data/families/`, one benchmark per block family of real models; see `families.py`).

Each benchmark is a module with one public `func.func @main` over static-shaped f32 (or f64) tensors; weights and
biases are arguments, never embedded constants. Most are exported from small torch functions with torch-mlir,
exactly as it emits them. Layouts torch-mlir cannot emit (NHWC/HWCF convolution, NHWC max pooling) come from text
templates in the same style. Every manifest entry records in `torch` the PyTorch computation that the benchmark
performs (`torch_fns.py`), so that evaluation scripts time exactly the same computation in PyTorch eager.

torch-mlir and the xtc `mlir` bindings bundle different LLVMs and crash in one process, so the export runs in a
spawned child that never imports `mlir`, and this (parent) process, which never imports `torch_mlir`, parses and
checks every module with the xtc bindings before writing it.

Naming: matmuls are `matmul_MxNxK` (A is MxK, B is KxN); convolution and pooling names give the layout, then the
unpadded input activation as CxHxW (NxCxHxW when the batch N is not 1), the kernel size `kK`, and, when not the
default, the stride `sS` and the filter count `fF` (default F = C). An f64 benchmark's name ends in `_f64`.

Regenerate with `.venv/bin/python data_generation/bundled.py [--suite families]` from the repository root.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from math import prod
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make `data_generation` importable

from rl_autoschedular.execution.torch_fns import describe  # noqa: E402

MANIFEST_VERSION = 1
FAMILIES = ("matmul", "conv2d", "add", "pooling", "relu", "multi")

# Ops a benchmark may contain besides any `linalg.*`, `arith.*` and `math.*` op.
_ALLOWED_OPS = {
    "builtin.module", "func.func", "func.return", "tensor.empty", "tensor.pad", "tensor.yield",
    "tensor.expand_shape", "tensor.collapse_shape",
}
_ALLOWED_DIALECTS = ("linalg.", "arith.", "math.")


@dataclass(frozen=True)
class Benchmark:
    """One benchmark: exported with torch-mlir from its `torch` description (`torch_fns.describe`), unless given as
    template `text`, whose description (if any) computes the same thing in PyTorch."""

    name: str
    family: str
    flops: int
    torch: dict | None = None
    text: str = ""

    @property
    def source(self) -> str:
        return "template" if self.text else "torch-mlir"


def _out_size(size: int, k: int, stride: int, pad: int) -> int:
    return (size + 2 * pad - k) // stride + 1


def _window_name(kind: str, layout: str, c: int, h: int, w: int, k: int, stride: int, f: int | None = None,
                 n: int = 1) -> str:
    name = f"{kind}_{layout}_{f'{n}x' if n != 1 else ''}{c}x{h}x{w}_k{k}"
    if stride != 1:
        name += f"_s{stride}"
    if f is not None and f != c:
        name += f"_f{f}"
    return name


def matmul(m: int, n: int, k: int) -> Benchmark:
    """`torch.mm` of an MxK by a KxN matrix: fill + `linalg.matmul`."""
    return Benchmark(f"matmul_{m}x{n}x{k}", "matmul", 2 * m * n * k, describe("mm", ((m, k), (k, n))))


def conv2d_nchw(c: int, h: int, w: int, f: int, k: int, stride: int = 1, pad: int = 0) -> Benchmark:
    """`F.conv2d` without bias on a 1xCxHxW input: [tensor.pad] + fill + `linalg.conv_2d_nchw_fchw`."""
    oh, ow = _out_size(h, k, stride, pad), _out_size(w, k, stride, pad)
    return Benchmark(_window_name("conv2d", "nchw", c, h, w, k, stride, f), "conv2d", 2 * f * oh * ow * c * k * k,
                     describe("conv2d", ((1, c, h, w), (f, c, k, k)), {"stride": stride, "padding": pad}))


def elementwise(fn: str, shape: tuple[int, ...], dtype: str = "f32") -> Benchmark:
    """`torch.add` of two tensors or `torch.relu` of one (family `fn`): a single `linalg.generic`."""
    name = f"{fn}_{'x'.join(map(str, shape))}" + ("" if dtype == "f32" else f"_{dtype}")
    shapes = (shape, shape) if fn == "add" else (shape,)
    return Benchmark(name, fn, prod(shape), describe(fn, shapes, dtype=dtype))


def maxpool_nchw(c: int, h: int, w: int, k: int, stride: int, pad: int = 0, n: int = 1) -> Benchmark:
    """`F.max_pool2d` on an NxCxHxW input: [tensor.pad with -inf] + fill + `linalg.pooling_nchw_max`."""
    oh, ow = _out_size(h, k, stride, pad), _out_size(w, k, stride, pad)
    return Benchmark(_window_name("maxpool", "nchw", c, h, w, k, stride, n=n), "pooling", n * c * oh * ow * k * k,
                     describe("max_pool2d", ((n, c, h, w),), {"kernel_size": k, "stride": stride, "padding": pad}))


def _pad_text(arg: str, in_type: str, out_type: str, pad: int, value: str) -> str:
    """A `tensor.pad` of the H and W dimensions of an NHWC tensor, in torch-mlir's printed style."""
    return (
        f"    %padded = tensor.pad {arg} low[0, {pad}, {pad}, 0] high[0, {pad}, {pad}, 0] {{\n"
        f"    ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):\n"
        f"      tensor.yield {value} : f32\n"
        f"    }} : {in_type} to {out_type}\n"
    )


def _window_text(args: str, in_type: str, padded_type: str, out_type: str, pad: int, init: str, body: str) -> str:
    """`@main` around a windowed op: optional pad of %arg0, a fill of the output with `init`, then `body`.

    `body` is the op text; it reads `%input` (the padded or original %arg0) and `%init` (the filled output).
    """
    pad_text = _pad_text("%arg0", in_type, padded_type, pad, "%cst") if pad else ""
    op = body.replace("%input", "%padded" if pad else "%arg0")
    return (
        "module {\n"
        f"  func.func @main({args}) -> {out_type} {{\n"
        f"    %cst = arith.constant {init} : f32\n"
        f"{pad_text}"
        f"    %0 = tensor.empty() : {out_type}\n"
        f"    %1 = linalg.fill ins(%cst : f32) outs(%0 : {out_type}) -> {out_type}\n"
        f"{op}"
        f"    return %2 : {out_type}\n"
        "  }\n"
        "}\n"
    )


def conv2d_nhwc(c: int, h: int, w: int, f: int, k: int, stride: int = 1, pad: int = 0,
                prepadded: bool = False) -> Benchmark:
    """Template `linalg.conv_2d_nhwc_hwcf` on a 1xHxWxC input and a KxKxCxF filter.

    With `pad`, the padding is a `tensor.pad` inside `@main`, or, when `prepadded`, the caller passes the
    already padded (H+2p)x(W+2p) input so that the benchmark is the convolution alone.
    """
    oh, ow = _out_size(h, k, stride, pad), _out_size(w, k, stride, pad)
    in_type = f"tensor<1x{h}x{w}x{c}xf32>"
    padded_type = f"tensor<1x{h + 2 * pad}x{w + 2 * pad}x{c}xf32>"
    filter_type = f"tensor<{k}x{k}x{c}x{f}xf32>"
    out_type = f"tensor<1x{oh}x{ow}x{f}xf32>"
    arg_type = padded_type if prepadded else in_type
    body = (
        f"    %2 = linalg.conv_2d_nhwc_hwcf {{dilations = dense<1> : vector<2xi64>, "
        f"strides = dense<{stride}> : vector<2xi64>}} ins(%input, %arg1 : {padded_type}, {filter_type}) "
        f"outs(%1 : {out_type}) -> {out_type}\n"
    )
    text = _window_text(f"%arg0: {arg_type}, %arg1: {filter_type}", in_type, padded_type, out_type,
                        0 if prepadded else pad, "0.000000e+00", body)
    arg_shape = (1, h + 2 * pad, w + 2 * pad, c) if prepadded else (1, h, w, c)
    torch = describe("nhwc_conv2d", (arg_shape, (k, k, c, f)), {"stride": stride, "padding": 0 if prepadded else pad})
    return Benchmark(_window_name("conv2d", "nhwc", c, h, w, k, stride, f), "conv2d",
                     2 * f * oh * ow * c * k * k, torch, text)


def maxpool_nhwc(c: int, h: int, w: int, k: int, stride: int, pad: int = 0) -> Benchmark:
    """Template `linalg.pooling_nhwc_max` on a 1xHxWxC input, padded and initialised with -inf like torch-mlir."""
    oh, ow = _out_size(h, k, stride, pad), _out_size(w, k, stride, pad)
    in_type = f"tensor<1x{h}x{w}x{c}xf32>"
    padded_type = f"tensor<1x{h + 2 * pad}x{w + 2 * pad}x{c}xf32>"
    out_type = f"tensor<1x{oh}x{ow}x{c}xf32>"
    # The pooling op takes a shape-only window operand; torch-mlir passes a tensor.empty for it too.
    body = (
        f"    %window = tensor.empty() : tensor<{k}x{k}xf32>\n"
        f"    %2 = linalg.pooling_nhwc_max {{dilations = dense<1> : vector<2xi64>, "
        f"strides = dense<{stride}> : vector<2xi64>}} ins(%input, %window : {padded_type}, tensor<{k}x{k}xf32>) "
        f"outs(%1 : {out_type}) -> {out_type}\n"
    )
    text = _window_text(f"%arg0: {in_type}", in_type, padded_type, out_type, pad, "0xFF800000", body)
    torch = describe("nhwc_max_pool2d", ((1, h, w, c),), {"kernel_size": k, "stride": stride, "padding": pad})
    return Benchmark(_window_name("maxpool", "nhwc", c, h, w, k, stride), "pooling", c * oh * ow * k * k,
                     torch, text)


def conv_bias_relu() -> Benchmark:
    """ResNet's 3x3 64->64 convolution at 56x56 with its bias and ReLU (flops: bias add and relu count one each)."""
    return Benchmark("conv2d_bias_relu_nchw_64x56x56_k3", "multi", 2 * 64 * 56 * 56 * 64 * 9 + 2 * 64 * 56 * 56,
                     describe("conv_bias_relu", ((1, 64, 56, 56), (64, 64, 3, 3), (64,)), {"padding": 1}))


def benchmarks() -> list[Benchmark]:
    """The "test" suite: single-op benchmarks of the five seed families, then multi-op blocks."""
    return [
        # matmul: square reference, BERT-base projection, ViT-S MLP, a 1024x512 layer, BERT FFN-out on 64 tokens
        matmul(512, 512, 512),
        matmul(128, 768, 768),
        matmul(196, 1536, 384),
        matmul(256, 1024, 512),
        matmul(64, 3072, 768),
        # conv2d: ResNet layers (3x3, 1x1 expand, strided 3x3, 7x7 stem) in NCHW; NHWC/HWCF from the template
        conv2d_nchw(64, 56, 56, 64, 3, pad=1),
        conv2d_nchw(64, 56, 56, 256, 1),
        conv2d_nchw(128, 56, 56, 128, 3, stride=2, pad=1),
        conv2d_nchw(3, 224, 224, 64, 7, stride=2, pad=3),
        conv2d_nhwc(64, 56, 56, 64, 3, pad=1, prepadded=True),
        conv2d_nhwc(128, 28, 28, 128, 3, pad=1),
        conv2d_nhwc(256, 14, 14, 1024, 1),
        # add: residual adds of a dense layer, a BERT hidden state and a ResNet block
        elementwise("add", (256, 1024)),
        elementwise("add", (1, 128, 768)),
        elementwise("add", (1, 64, 56, 56)),
        # pooling: ResNet stem pool and a VGG-style 2x2 pool, in both layouts
        maxpool_nchw(64, 112, 112, 3, 2, pad=1),
        maxpool_nchw(128, 56, 56, 2, 2),
        maxpool_nhwc(64, 112, 112, 3, 2, pad=1),
        maxpool_nhwc(256, 28, 28, 2, 2),
        # relu: after the ResNet stem, after a BERT FFN-in, in a ResNet stage
        elementwise("relu", (1, 64, 112, 112)),
        elementwise("relu", (128, 3072)),
        elementwise("relu", (1, 256, 28, 28)),
        # multi-op blocks; flops sum every op's useful arithmetic (bias add and relu count one per element)
        conv_bias_relu(),
        Benchmark("linear_128x768x768", "multi", 2 * 128 * 768 * 768 + 128 * 768,
                  describe("linear", ((128, 768), (768, 768), (768,)))),
        Benchmark("matmul_bias_relu_256x512x512", "multi", 2 * 256 * 512 * 512 + 2 * 256 * 512,
                  describe("linear_relu", ((256, 512), (512, 512), (512,)))),
        # DeiT-Tiny MLP block: 197 tokens, width 192, hidden 768
        Benchmark("mlp_197x192x768", "multi", 2 * (2 * 197 * 192 * 768) + 197 * 768,
                  describe("mlp", ((197, 192), (192, 768), (768, 192)))),
    ]


def _export_torch(descs: list[dict]) -> list[str]:
    """Export torch descriptions (`torch_fns.torch_callable`) with torch-mlir; runs in a spawned child that never
    imports `mlir`."""
    import warnings

    import torch
    from torch_mlir import fx

    from rl_autoschedular.execution.torch_fns import torch_callable, torch_dtype

    # torch.export's pytree deprecation chatter is noise here.
    warnings.filterwarnings("ignore", category=FutureWarning)

    class Wrapper(torch.nn.Module):
        def __init__(self, fn):
            super().__init__()
            self.fn = fn

        def forward(self, *args):
            return self.fn(*args)

    texts = []
    for desc in descs:
        inputs = [torch.zeros(shape, dtype=torch_dtype(desc["dtype"])) for shape in desc["shapes"]]
        module = fx.export_and_import(Wrapper(torch_callable(desc)), *inputs, output_type="linalg-on-tensors",
                                      func_name="main")
        # Drop torch-specific module attributes (e.g. torch.debug_module_name) if any.
        for attr in list(module.operation.attributes):
            del module.operation.attributes[attr]
        texts.append(str(module))
    return texts


def walk(op):
    """All operations nested in `op`, in pre-order (the textual order)."""
    for region in op.regions:
        for block in region.blocks:
            for child in block.operations:
                yield child
                yield from walk(child)


def check_module(text: str) -> list[str]:
    """Parse `text` with the xtc MLIR bindings, enforce the benchmark format, and return its linalg ops in order.

    Raises ValueError when the module breaks the format (see the module docstring).
    """
    from mlir import ir

    module = ir.Module.parse(text, ir.Context())
    funcs = [op for op in module.body.operations if op.operation.name == "func.func"]
    if len(funcs) != 1 or funcs[0].attributes["sym_name"].value != "main":
        raise ValueError("expected exactly one func.func, named @main")
    func = funcs[0]
    if "sym_visibility" in func.attributes and func.attributes["sym_visibility"].value != "public":
        raise ValueError("@main must be public")
    func_type = func.attributes["function_type"].value
    for t in [*func_type.inputs, *func_type.results]:
        if not (isinstance(t, ir.RankedTensorType) and t.has_static_shape and str(t.element_type) in ("f32", "f64")):
            raise ValueError(f"@main takes and returns static-shaped f32 or f64 tensors only, got {t}")
    linalg_ops = []
    for op in walk(module.operation):
        name = op.operation.name
        if name not in _ALLOWED_OPS and not name.startswith(_ALLOWED_DIALECTS):
            raise ValueError(f"op {name} is outside the benchmark format")
        if "tag" in op.attributes:
            raise ValueError(f"{name} carries a tag attribute")
        # Weights must be arguments, so only scalar constants are allowed.
        if name == "arith.constant" and isinstance(op.results[0].type, ir.ShapedType):
            raise ValueError("tensor constants are not allowed; pass weights as arguments")
        if name.startswith("linalg.") and name not in ("linalg.yield", "linalg.index"):  # not body ops
            linalg_ops.append(name)
    return linalg_ops


def _load_manifest(out: Path) -> dict[str, tuple[Path, str | None, dict]]:
    """Map each benchmark of an existing manifest to (its file, the file's current text or None, its baselines)."""
    manifest_path = out / "manifest.json"
    if not manifest_path.exists():
        return {}
    old = {}
    for entry in json.loads(manifest_path.read_text())["benchmarks"]:
        path = out / entry["file"]
        old[entry["name"]] = (path, path.read_text() if path.exists() else None, entry.get("baselines", {}))
    return old


def suite(name: str) -> tuple[list[Benchmark], tuple[str, ...]]:
    """A suite's benchmarks and allowed family names: "test" (this module's) or "families" (`families.py`)."""
    if name == "families":
        from data_generation import families  # imported here: it builds on this module's constructors

        return families.benchmarks(), families.FAMILIES
    return benchmarks(), FAMILIES


def generate(out: Path, suite_name: str = "test") -> list[dict]:
    """(Re)generate the suite `suite_name` under `out` and return the manifest entries.

    Baselines of an existing manifest are kept for benchmarks whose file text did not change.
    """
    benches, families = suite(suite_name)
    exported = [b for b in benches if not b.text]
    # A spawned (fresh) interpreter: torch_mlir must never share a process with `mlir`.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        texts = pool.submit(_export_torch, [b.torch for b in exported]).result()
    text_of = {b.name: t for b, t in zip(exported, texts)}

    out.mkdir(parents=True, exist_ok=True)
    old = _load_manifest(out)
    entries = []
    for bench in benches:
        text = text_of.get(bench.name, bench.text).rstrip() + "\n"
        try:
            ops = check_module(text)
        except Exception as err:
            raise RuntimeError(f"{bench.name}: {err}\n{text}") from err
        main_ops = [op for op in ops if op != "linalg.fill"]
        # In a suite with a "multi" family, exactly the benchmarks of several ops belong to it.
        multi_mismatch = "multi" in families and (bench.family == "multi") != (len(main_ops) > 1)
        if bench.family not in families or multi_mismatch:
            raise RuntimeError(f"{bench.name}: family {bench.family} does not fit its ops {ops}")
        _, old_text, old_baselines = old.get(bench.name, (None, None, {}))
        entry = {
            "name": bench.name, "file": f"{bench.name}.mlir", "family": bench.family, "ops": ops,
            "flops": bench.flops, "source": bench.source,
            "baselines": old_baselines if old_text == text else {},
        }
        if bench.torch:
            entry["torch"] = bench.torch
        entries.append(entry)
        (out / f"{bench.name}.mlir").write_text(text)

    # Files of benchmarks that left the suite would otherwise linger beside the manifest.
    for name in old.keys() - {b.name for b in benches}:
        old[name][0].unlink(missing_ok=True)
    (out / "manifest.json").write_text(
        json.dumps({"version": MANIFEST_VERSION, "benchmarks": entries}, indent=2) + "\n")
    return entries


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suite", choices=("test", "families"), default="test",
                        help="which suite to generate (default: test)")
    parser.add_argument("--out", type=Path, help="folder to (re)generate (default: data/<suite> in the repository)")
    args = parser.parse_args(argv)
    out = args.out or ROOT / "data" / args.suite
    entries = generate(out, args.suite)
    for entry in entries:
        print(f"{entry['name']:40s} {entry['family']:14s} {entry['flops'] / 1e6:9.2f} MFLOP  "
              f"{' '.join(entry['ops'])}")
    print(f"wrote {len(entries)} benchmarks and manifest.json to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
