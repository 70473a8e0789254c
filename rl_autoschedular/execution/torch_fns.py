"""The PyTorch functions behind the bundled benchmarks (`external.pytorch` times and checks them).

A manifest entry's `torch` key describes its benchmark as `{"fn": NAME, "shapes": [[...], ...], "kwargs": {...},
"dtype": "f32" | "f64"}`: `functions()[NAME](*tensors, **kwargs)` on tensors of those shapes and that dtype, given in
@main's argument order and layout, returns @main's results (one tensor, or a tuple in @main's result order) with
@main's dimension order. Benchmarks exported with torch-mlir are exported from this very callable; the NHWC templates
get `nhwc_*` functions that permute to NCHW, run torch's op, and permute back.

This module never imports `mlir` (torch-mlir's LLVM clashes with it) and imports torch only when a function needs
it, so that importing it is cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial

DTYPES = ("f32", "f64")
# NCHW convolution and pooling functions: their 4-D operands can also be given in channels_last memory format.
NCHW_WINDOWED = frozenset({"conv2d", "max_pool2d", "conv_bias_relu"})


@cache
def functions() -> dict[str, Callable]:
    """The named torch functions a description's `fn` refers to."""
    import torch
    import torch.nn.functional as F

    def nhwc_conv2d(x, w, **kwargs):
        # x is NHWC and w is HWCF; the permuted input is a channels_last view, so torch computes in NHWC.
        return F.conv2d(x.permute(0, 3, 1, 2), w.permute(3, 2, 0, 1), **kwargs).permute(0, 2, 3, 1)

    def nhwc_max_pool2d(x, **kwargs):
        # max_pool2d pads with -inf, like the template's tensor.pad.
        return F.max_pool2d(x.permute(0, 3, 1, 2), **kwargs).permute(0, 2, 3, 1)

    return {
        "mm": torch.mm,
        "bmm": torch.bmm,
        "conv2d": F.conv2d,
        "add": torch.add,
        "relu": torch.relu,
        "max_pool2d": F.max_pool2d,
        "conv_bias_relu": lambda x, w, b, **kw: torch.relu(F.conv2d(x, w, b, **kw)),
        "linear": lambda x, w, b: torch.mm(x, w) + b,
        "linear_relu": lambda x, w, b: torch.relu(torch.mm(x, w) + b),
        "linear_gelu": lambda x, w, b: F.gelu(torch.mm(x, w) + b, approximate="tanh"),
        "mlp": lambda x, w1, w2: torch.mm(torch.relu(torch.mm(x, w1)), w2),
        "softmax": lambda x: torch.softmax(x, dim=-1),
        # Over the last dimension, whose size the weight gives.
        "layer_norm": lambda x, w, b, eps=1e-5: F.layer_norm(x, w.shape, w, b, eps),
        "nhwc_conv2d": nhwc_conv2d,
        "nhwc_max_pool2d": nhwc_max_pool2d,
    }


def describe(fn: str, shapes, kwargs: dict | None = None, dtype: str = "f32") -> dict:
    """A description in the manifest's JSON form; raises ValueError for an unknown dtype."""
    if dtype not in DTYPES:
        raise ValueError(f"dtype {dtype!r} is not one of {DTYPES}")
    return {"fn": fn, "shapes": [list(s) for s in shapes], "kwargs": dict(kwargs or {}), "dtype": dtype}


def torch_dtype(dtype: str):
    """The torch dtype of a description's dtype ("f32" or "f64")."""
    import torch

    return {"f32": torch.float32, "f64": torch.float64}[dtype]


def torch_callable(desc: dict) -> Callable:
    """`f(*tensors)` computing the described benchmark's results from its inputs (@main's argument order and
    layout): a tensor or a tuple of tensors. Raises ValueError for a function not in `functions()`."""
    table = functions()
    if desc["fn"] not in table:
        raise ValueError(f"unknown torch function {desc['fn']!r}; known: {', '.join(sorted(table))}")
    return partial(table[desc["fn"]], **desc.get("kwargs", {}))
