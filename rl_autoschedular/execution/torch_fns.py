"""The PyTorch functions behind the bundled benchmarks (`external.pytorch` times and checks them).

A manifest entry's `torch` key describes its benchmark as `{"fn": NAME, "shapes": [[...], ...], "kwargs": {...},
"dtype": "f32" | "f64"}`: `functions()[NAME](*tensors, **kwargs)` on tensors of those shapes and that dtype, given in
@main's argument order and layout, returns @main's results (one tensor, or a tuple in @main's result order) with
@main's dimension order. Benchmarks exported with torch-mlir are exported from this very callable; the NHWC templates
get `nhwc_*` functions that permute to NCHW, run torch's op, and permute back.

A whole model of `data_generation/nn_models.py` is described as `{"fn": "model", "model": NAME, "sizes": {...},
"params": [names in @main's order], "shapes": [...], "dtype": "f32"}` (a user's model gives `"module":
"pkg.mod:factory"` instead of "model" and "sizes"). Its callable builds the model once, folds its BatchNorm as the
exporter does (`data_generation/nn_export.py`: @main takes the input, then every parameter and buffer), and runs it
with `torch.func.functional_call` on the given weights.

LQCD kernels (`data_generation/lqcd_gen.py`) hold a complex number as a trailing axis of 2 (re, im): their functions
view it as complex, contract with `torch.einsum` on the generator's own subscripts (in `kwargs`), and view back.

This module never imports `mlir` (torch-mlir's LLVM clashes with it) and imports torch only when a function needs
it, so that importing it is cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial

DTYPES = ("f32", "f64")
# NCHW convolution and pooling functions: their 4-D operands can also be given in channels_last memory format.
NCHW_WINDOWED = frozenset({"conv2d", "max_pool2d", "conv_bias_relu", "conv2d_acc", "depthwise_conv2d",
                           "sum_pool2d"})


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

    def conv2d_acc(x, w, acc, **kwargs):
        # linalg's convolution accumulates into its init, which torch-mlir fills with the broadcast bias.
        return F.conv2d(x, w, **kwargs) + acc

    def depthwise_conv2d(x, w, acc=None, **kwargs):
        # linalg.depthwise_conv_2d_nchw_chw's filter is [C, kh, kw]; torch's grouped one is [C, 1, kh, kw].
        y = F.conv2d(x, w.unsqueeze(1), groups=w.shape[0], **kwargs)
        return y if acc is None else y + acc

    def sum_pool2d(x, kernel_size, stride):
        # A divisor of 1 makes the average the window's sum, with no rescaling to round.
        return F.avg_pool2d(x, kernel_size, stride, divisor_override=1)

    def permute(x, dims):
        # linalg.transpose writes a new tensor; permute alone would only return a view.
        return x.permute(dims).contiguous()

    def broadcast(x, shape, dims):
        # linalg.broadcast writes `x` along the added dimensions `dims` of `shape`; expand alone is a view.
        return x.reshape([1 if i in dims else s for i, s in enumerate(shape)]).expand(shape).contiguous()

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
        # Single ops of models (data_generation/nn_to_mlir.py describes each from its file).
        "conv2d_acc": conv2d_acc,
        "depthwise_conv2d": depthwise_conv2d,
        "sum_pool2d": sum_pool2d,
        "permute": permute,
        "broadcast": broadcast,
        "sub": torch.sub,
        "mul": torch.mul,
        "div": torch.div,
        "maximum": torch.maximum,
        "minimum": torch.minimum,
        "clamp_min": torch.clamp_min,
        "clamp_max": torch.clamp_max,
        "exp": torch.exp,
        "tanh": torch.tanh,
        "neg": torch.neg,
        "sum": torch.sum,
        # LQCD kernels (data_generation/lqcd_gen.py).
        "complex_einsum": _complex_einsum,
        "lqcd_dslash": _lqcd_dslash,
        "lqcd_baryon": _lqcd_baryon,
        "lqcd_dibaryon": _lqcd_dibaryon,
    }


def _complex_einsum(*xs, equation: str):
    """einsum of complex operands held as (re, im) pairs in a trailing axis."""
    import torch

    return torch.view_as_real(torch.einsum(equation, *map(torch.view_as_complex, xs)))


def _lqcd_dslash(u, fwd, u_back, back, forward: str, backward: str):
    """The forward hop plus the backward one, whose link is conjugated (lqcd_gen's dslash)."""
    import torch

    u, fwd, u_back, back = map(torch.view_as_complex, (u, fwd, u_back, back))
    return torch.view_as_real(torch.einsum(forward, u, fwd) + torch.einsum(backward, u_back.conj(), back))


def _levi_civita(n: int, dtype):
    """eps(a, b, c) = (a-b)(b-c)(c-a)/2 as an n x n x n tensor; the module computes it from indices on every run,
    and so does each call here."""
    import torch

    i, j, k = torch.meshgrid(*[torch.arange(n)] * 3, indexing="ij")
    return ((i - j) * (j - k) * (k - i) // 2).to(dtype)


def _baryon_block(s: list, equation: str):
    """B[v, a, b, f] = eps(a', b', c') S1[v, a', a] S2[v, b', b] S3[v, c', f] on complex propagators."""
    import torch

    return torch.einsum(equation, _levi_civita(s[0].shape[1], s[0].dtype), *s)


def _lqcd_baryon(*s, block: str, close: str, time: int):
    """Baryon correlator: the block closed with eps, summed over each time slice's spatial sites."""
    import torch

    s = [torch.view_as_complex(x) for x in s]
    eps = _levi_civita(s[0].shape[1], s[0].dtype)
    return torch.view_as_real(torch.einsum(close, eps, _baryon_block(s, block)).reshape(time, -1).sum(1))


def _lqcd_dibaryon(*s, block: str, close: str, time: int):
    """Dibaryon correlator: two blocks (propagators 0-2 and 3-5) summed over spatial sites, contracted with eps."""
    import torch

    s = [torch.view_as_complex(x) for x in s]
    n = s[0].shape[1]
    b1, b2 = (_baryon_block(s[i:i + 3], block).reshape(time, -1, n, n, n).sum(1) for i in (0, 3))
    eps = _levi_civita(n, s[0].dtype)
    return torch.view_as_real(torch.einsum(close, eps, eps, b1, b2))


def describe(fn: str, shapes, kwargs: dict | None = None, dtype: str = "f32") -> dict:
    """A description in the manifest's JSON form; raises ValueError for an unknown dtype."""
    if dtype not in DTYPES:
        raise ValueError(f"dtype {dtype!r} is not one of {DTYPES}")
    return {"fn": fn, "shapes": [list(s) for s in shapes], "kwargs": dict(kwargs or {}), "dtype": dtype}


def torch_dtype(dtype: str):
    """The torch dtype of a description's dtype ("f32" or "f64")."""
    import torch

    return {"f32": torch.float32, "f64": torch.float64}[dtype]


def model_callable(desc: dict) -> Callable:
    """`f(x, *weights)` running the described whole model (`{"fn": "model", ...}`) eagerly on the given weights.
    Raises ValueError when the model cannot be built or its weights are not the description's `params`."""
    import torch

    try:  # the repository's model definitions and the exporter's folding, so that both build the same network
        from data_generation.nn_export import _fold_batchnorm, build
    except ImportError as err:
        raise ValueError(f"a whole-model description needs the repository's data_generation package ({err})") from None
    spec = ({"module": desc["module"], "input_shape": desc["shapes"][0]} if desc.get("module")
            else {"model": desc["model"], "sizes": desc.get("sizes", {})})
    try:
        module, shape = build(spec)
    except Exception as err:  # an unknown model, a factory that no longer imports or builds
        raise ValueError(f"cannot build the model {spec}: {type(err).__name__}: {err}") from None
    module = _fold_batchnorm(module.eval())
    names = [*dict(module.named_parameters()), *dict(module.named_buffers())]
    if names != desc["params"] or list(shape) != desc["shapes"][0]:
        raise ValueError(f"the built model takes {list(shape)} and the weights {names}, not the description's "
                         f"{desc['shapes'][0]} and {desc['params']}")

    def run(x, *weights):
        return torch.func.functional_call(module, dict(zip(names, weights)), (x,))

    return run


def torch_callable(desc: dict) -> Callable:
    """`f(*tensors)` computing the described benchmark's results from its inputs (@main's argument order and
    layout): a tensor or a tuple of tensors. Raises ValueError for a function not in `functions()` (or a whole
    model that cannot be built)."""
    if desc["fn"] == "model":
        return model_callable(desc)
    table = functions()
    if desc["fn"] not in table:
        raise ValueError(f"unknown torch function {desc['fn']!r}; known: {', '.join(sorted(table))}")
    return partial(table[desc["fn"]], **desc.get("kwargs", {}))
