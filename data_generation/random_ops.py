"""The ops of the random benchmark generator (`random_mlir_gen.py`): each appends one linalg-on-tensors op, in the
style torch-mlir emits, to a `Program` and consumes the previous op's result.

Every op draws its parameters (output channels, kernel, stride, ...) from a shape distribution, a dict like SHAPES
whose values are the choices of each size, drawn uniformly (a value listed twice is twice as likely).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

SHAPES = {  # sizes of real CNN and transformer layers
    "batch": (1, 1, 1, 2, 4, 8),
    "channels": (16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512),
    "spatial": (7, 14, 14, 28, 28, 56),
    "kernel": (1, 3, 3, 3, 5, 7),
    "stride": (1, 1, 2),
    "dilation": (1, 1, 1, 2),
    "pool": (2, 3),
    "tokens": (32, 64, 128, 196, 256),
    "hidden": (64, 128, 256, 384, 512, 768, 1024),
    "heads": (2, 4, 8, 12, 16),
    "head_dim": (32, 64, 128),
}
_NEG_INF = {"f32": "0xFF800000", "f64": "0xFFF0000000000000"}  # the init of a max and the padding of a max pool


@dataclass(frozen=True)
class Value:
    """A tensor SSA value of @main: name, shape and layout ("nchw" or "nhwc" for images, "" otherwise)."""

    name: str
    shape: tuple[int, ...]
    layout: str = ""


class Program:
    """The text of one `func.func @main` under construction: arguments, constants (hoisted to the top, as
    torch-mlir does) and body lines."""

    def __init__(self, dtype: str):
        self.dtype, self.args, self.consts, self.lines, self.count = dtype, [], {}, [], 0

    def type(self, shape) -> str:
        return f"tensor<{'x'.join(map(str, shape))}x{self.dtype}>"

    def fresh(self) -> str:
        """A new SSA name; unique in the whole function, so region names never shadow outer ones."""
        self.count += 1
        return f"%v{self.count}"

    def arg(self, shape, layout: str = "") -> Value:
        """A new @main argument (an input, a weight or an extra operand)."""
        self.args.append(shape)
        return Value(f"%arg{len(self.args) - 1}", tuple(shape), layout)

    def const(self, literal: str, type: str | None = None) -> str:
        """The name of a scalar constant; "-inf" is the dtype's negative infinity."""
        type = type or self.dtype
        literal = _NEG_INF[self.dtype] if literal == "-inf" else literal
        key = (literal, type)
        if key not in self.consts:
            self.consts[key] = f"%cst{len(self.consts)}"
        return self.consts[key]

    def empty(self, shape) -> str:
        name = self.fresh()
        self.lines.append(f"{name} = tensor.empty() : {self.type(shape)}")
        return name

    def fill(self, literal: str, shape) -> str:
        """An accumulator: `linalg.fill` of a `tensor.empty`."""
        name, value = self.fresh(), self.const(literal)
        t = self.type(shape)
        self.lines.append(f"{name} = linalg.fill ins({value} : {self.dtype}) outs({self.empty(shape)} : {t}) -> {t}")
        return name

    def pad(self, x: Value, low_high: list[int], literal: str) -> Value:
        """`tensor.pad` of `x` by `low_high[i]` on both sides of dim i, with the constant `literal`."""
        shape = tuple(s + 2 * p for s, p in zip(x.shape, low_high))
        name, value, pads = self.fresh(), self.const(literal), ", ".join(map(str, low_high))
        indices = ", ".join(f"{self.fresh()}: index" for _ in x.shape)
        self.lines += [f"{name} = tensor.pad {x.name} low[{pads}] high[{pads}] {{", f"^bb0({indices}):",
                       f"  tensor.yield {value} : {self.dtype}", f"}} : {self.type(x.shape)} to {self.type(shape)}"]
        return Value(name, shape, x.layout)

    def named(self, op: str, ins: list[Value | tuple], init: str, shape, attrs: str = "", layout: str = "") -> Value:
        """A named linalg op (matmul, conv, pooling) writing into `init`; `ins` holds Values or (name, shape)."""
        ins = [(v.name, v.shape) if isinstance(v, Value) else v for v in ins]
        name, t = self.fresh(), self.type(shape)
        self.lines.append(f"{name} = linalg.{op}{attrs} ins({', '.join(n for n, _ in ins)} : "
                          f"{', '.join(self.type(s) for _, s in ins)}) outs({init} : {t}) -> {t}")
        return Value(name, tuple(shape), layout)

    def generic(self, ins: list[tuple[Value, str]], init: str, out: tuple[str, tuple], reduced: int,
                body: Callable[[list[str], str], list[str]], layout: str = "") -> Value:
        """A `linalg.generic` over the loops of `ins[0]`, the last `reduced` of them reductions. `ins` pairs each
        input with its indexing map's results, `out` the output's; `body(inputs, out)` gives the body lines, the
        last one yielding."""
        rank = len(ins[0][0].shape)
        dims = ", ".join(f"d{i}" for i in range(rank))
        maps = ", ".join(f"affine_map<({dims}) -> ({m})>" for m in [m for _, m in ins] + [out[0]])
        iterators = ", ".join(['"parallel"'] * (rank - reduced) + ['"reduction"'] * reduced)
        args = [self.fresh() for _ in range(len(ins) + 1)]
        name, t = self.fresh(), self.type(out[1])
        self.lines += [f"{name} = linalg.generic {{indexing_maps = [{maps}], iterator_types = [{iterators}]}} "
                       f"ins({', '.join(v.name for v, _ in ins)} : {', '.join(self.type(v.shape) for v, _ in ins)}) "
                       f"outs({init} : {t}) {{",
                       f"^bb0({', '.join(f'{a}: {self.dtype}' for a in args)}):",
                       *[f"  {line}" for line in body(args[:-1], args[-1])], f"}} -> {t}"]
        return Value(name, out[1], layout)

    def text(self, result: Value) -> str:
        """The whole module: @main returning `result`."""
        args = ", ".join(f"%arg{i}: {self.type(s)}" for i, s in enumerate(self.args))
        consts = [f"{n} = arith.constant {lit} : {t}" for (lit, t), n in self.consts.items()]
        body = "\n".join(f"    {line}" for line in consts + self.lines)
        return (f"module {{\n  func.func @main({args}) -> {self.type(result.shape)} {{\n{body}\n"
                f"    return {result.name} : {self.type(result.shape)}\n  }}\n}}\n")


def _image(x: Value) -> tuple[int, int, int, int]:
    """(N, C, H, W) of an image in either layout."""
    n, a, b, c = x.shape
    return (n, a, b, c) if x.layout == "nchw" else (n, c, a, b)


def _as_layout(n: int, c: int, h: int, w: int, layout: str) -> tuple[int, ...]:
    return (n, c, h, w) if layout == "nchw" else (n, h, w, c)


def _window(rng: random.Random, dist: dict, size: int, pool: bool) -> tuple[int, int, int, int]:
    """(kernel, stride, dilation, padding) of a conv or pool window over `size` pixels: torch's "same" padding or
    none, never more than half the kernel; a window too large for the padded input falls back to 1x1."""
    if pool:
        k, s, d = rng.choice(dist["pool"]), rng.choice((1, 2, 2)), 1
    else:
        k, s = rng.choice(dist["kernel"]), rng.choice(dist["stride"])
        d = rng.choice(dist["dilation"]) if k > 1 else 1
    p = rng.choice((0, d * (k // 2)))
    if d * (k - 1) + 1 > size + 2 * p:
        return 1, s, 1, 0
    return k, s, d, p


def _attrs(s: int, d: int) -> str:
    return f" {{dilations = dense<{d}> : vector<2xi64>, strides = dense<{s}> : vector<2xi64>}}"


def _conv_like(p: Program, rng: random.Random, dist: dict, x: Value, op: str) -> Value:
    """A conv, depthwise conv or pooling op (named `op`), padded first like torch-mlir."""
    n, c, h, w = _image(x)
    pool = op.startswith("pooling")
    init_value = "-inf" if op.endswith("max") else "0.0"
    k, s, d, pad = _window(rng, dist, min(h, w), pool)
    if pad:
        x = p.pad(x, list(_as_layout(0, 0, pad, pad, x.layout)), init_value)
    out_c = rng.choice(dist["channels"]) if op.startswith("conv") else c
    oh, ow = ((size + 2 * pad - d * (k - 1) - 1) // s + 1 for size in (h, w))
    out = _as_layout(n, out_c, oh, ow, x.layout)
    if pool:
        operand = (p.empty((k, k)), (k, k))
    elif op.startswith("depthwise"):
        operand = p.arg((c, k, k))
    else:
        operand = p.arg((out_c, c, k, k) if x.layout == "nchw" else (k, k, c, out_c))
    return p.named(op, [x, operand], p.fill(init_value, out), out, _attrs(s, d), x.layout)


def _matmul(p: Program, rng: random.Random, dist: dict, x: Value, op: str) -> Value:
    """matmul [M,K]x[K,N] or batch_matmul [B,M,K]x[B,K,N], the weight an argument."""
    sizes = dist["hidden"] if op == "matmul" else dist["tokens"] + dist["head_dim"]  # Q K^T or scores V
    n = rng.choice(sizes)
    w = p.arg(x.shape[:-2] + (x.shape[-1], n))
    out = x.shape[:-1] + (n,)
    return p.named(op, [x, w], p.fill("0.0", out), out)


def _ident(rank: int) -> str:
    return ", ".join(f"d{i}" for i in range(rank))


def _binary(p: Program, rng: random.Random, x: Value, op: str) -> Value:
    """add (of a bias along the channel or last dim, or of a residual) or mul (of a residual)."""
    rank = len(x.shape)
    channel = 1 if x.layout == "nchw" else rank - 1
    bias = op == "add" and rank > 1 and rng.random() < 0.5
    other = (p.arg((x.shape[channel],)), f"d{channel}") if bias else (p.arg(x.shape, x.layout), _ident(rank))
    arith = "arith.addf" if op == "add" else "arith.mulf"

    def body(a, _):
        r = p.fresh()
        return [f"{r} = {arith} {a[0]}, {a[1]} : {p.dtype}", f"linalg.yield {r} : {p.dtype}"]
    return p.generic([(x, _ident(rank)), other], p.empty(x.shape), (_ident(rank), x.shape), 0, body, x.layout)


def _unary(p: Program, x: Value, op: str) -> Value:
    """relu, sigmoid or tanh-GELU, each as torch-mlir writes its body."""
    t = p.dtype

    def body(a, _):
        v = [p.fresh() for _ in range(8)]
        if op == "relu":
            zero = p.const("0.0")
            lines = [f"{v[0]} = arith.cmpf ugt, {a[0]}, {zero} : {t}",
                     f"{v[1]} = arith.select {v[0]}, {a[0]}, {zero} : {t}"]
        elif op == "sigmoid":
            one = p.const("1.0")
            lines = [f"{v[0]} = arith.negf {a[0]} : {t}", f"{v[1]} = math.exp {v[0]} : {t}",
                     f"{v[2]} = arith.addf {v[1]}, {one} : {t}", f"{v[3]} = arith.divf {one}, {v[2]} : {t}"]
        else:  # 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
            one = p.const("1.0")
            lines = [f"{v[0]} = math.fpowi {a[0]}, {p.const('3', 'i64')} : {t}, i64",
                     f"{v[1]} = arith.mulf {v[0]}, {p.const('4.471500e-02')} : {t}",
                     f"{v[2]} = arith.addf {a[0]}, {v[1]} : {t}",
                     f"{v[3]} = arith.mulf {v[2]}, {p.const('7.978846e-01')} : {t}", f"{v[4]} = math.tanh {v[3]} : {t}",
                     f"{v[5]} = arith.addf {v[4]}, {one} : {t}", f"{v[6]} = arith.mulf {v[5]}, {p.const('0.5')} : {t}",
                     f"{v[7]} = arith.mulf {a[0]}, {v[6]} : {t}"]
        return lines + [f"linalg.yield {lines[-1].split(' = ')[0]} : {t}"]
    rank = len(x.shape)
    return p.generic([(x, _ident(rank))], p.empty(x.shape), (_ident(rank), x.shape), 0, body, x.layout)


def _reduce(p: Program, x: Value, op: str) -> Value:
    """Sum or max over the last dim, into a filled accumulator (the result has one dim less)."""
    out = x.shape[:-1]
    arith = "arith.addf" if op == "reduce_sum" else "arith.maximumf"

    def body(a, acc):
        r = p.fresh()
        return [f"{r} = {arith} {a[0]}, {acc} : {p.dtype}", f"linalg.yield {r} : {p.dtype}"]
    init = p.fill("0.0" if op == "reduce_sum" else "-inf", out)
    return p.generic([(x, _ident(len(x.shape)))], init, (_ident(len(out)), out), 1, body)


_PERMUTATION = {"nchw": ((0, 2, 3, 1), "nhwc"), "nhwc": ((0, 3, 1, 2), "nchw"), 2: ((1, 0), ""), 3: ((0, 2, 1), "")}


def _transpose(p: Program, x: Value) -> Value:
    """NCHW <-> NHWC for images, the last two dims otherwise (a K^T)."""
    perm, layout = _PERMUTATION[x.layout or len(x.shape)]
    out = tuple(x.shape[i] for i in perm)
    name, t = p.fresh(), p.type(out)
    p.lines.append(f"{name} = linalg.transpose ins({x.name} : {p.type(x.shape)}) outs({p.empty(out)} : {t}) "
                   f"permutation = [{', '.join(map(str, perm))}]")
    return Value(name, out, layout)


@dataclass(frozen=True)
class Op:
    """One op kind: the inputs it can start a program from, whether it accepts a value, and its emitter."""

    starts: tuple[str, ...]
    accepts: Callable[[Value], bool]
    emit: Callable[[Program, random.Random, dict, Value], Value]


def _images(layout: str, *, min_size: int = 1) -> Callable[[Value], bool]:
    return lambda x: x.layout == layout and min(x.shape[1:3] if layout == "nhwc" else x.shape[2:]) >= min_size


def _registry() -> dict[str, Op]:
    ops = {
        "matmul": Op(("2d",), lambda x: len(x.shape) == 2, lambda p, r, d, x: _matmul(p, r, d, x, "matmul")),
        "batch_matmul": Op(("3d",), lambda x: len(x.shape) == 3,
                           lambda p, r, d, x: _matmul(p, r, d, x, "batch_matmul")),
        "transpose": Op(("2d", "3d", "nchw", "nhwc"), lambda x: len(x.shape) > 1, lambda p, r, d, x: _transpose(p, x)),
    }
    for layout, conv in (("nchw", "conv_2d_nchw_fchw"), ("nhwc", "conv_2d_nhwc_hwcf"),
                         ("nchw", "depthwise_conv_2d_nchw_chw")):
        ops[conv] = Op((layout,), _images(layout), lambda p, r, d, x, o=conv: _conv_like(p, r, d, x, o))
    for layout in ("nchw", "nhwc"):
        for kind in ("max", "sum"):
            name = f"pooling_{layout}_{kind}"
            ops[name] = Op((layout,), _images(layout, min_size=2), lambda p, r, d, x, o=name: _conv_like(p, r, d, x, o))
    for name in ("add", "mul"):
        ops[name] = Op(("2d", "3d", "nchw", "nhwc"), lambda x: True, lambda p, r, d, x, o=name: _binary(p, r, x, o))
    for name in ("relu", "sigmoid", "gelu"):
        ops[name] = Op(("2d", "3d", "nchw", "nhwc"), lambda x: True, lambda p, r, d, x, o=name: _unary(p, x, o))
    for name in ("reduce_sum", "reduce_max"):
        ops[name] = Op(("2d", "3d", "nchw", "nhwc"), lambda x: len(x.shape) > 1,
                       lambda p, r, d, x, o=name: _reduce(p, x, o))
    return ops


OPS = _registry()
# Kinds that do a layer's work; most programs start with one, as a layer followed by its epilogue.
LAYERS = [o for o in OPS if "matmul" in o or "conv" in o or o.startswith("pooling")]
GROUPS = {"conv": [o for o in OPS if "conv" in o], "pool": [o for o in OPS if o.startswith("pooling")],
          "elementwise": ["add", "mul", "relu", "sigmoid", "gelu"], "reduce": ["reduce_sum", "reduce_max"]}


def start_value(p: Program, rng: random.Random, dist: dict, kind: str) -> Value:
    """The program's input (argument 0) of a kind: "2d" [tokens, hidden], "3d" [heads, tokens, head_dim], or an
    image in layout "nchw" or "nhwc"."""
    if kind == "2d":
        return p.arg((rng.choice(dist["tokens"]), rng.choice(dist["hidden"])))
    if kind == "3d":
        return p.arg((rng.choice(dist["heads"]), rng.choice(dist["tokens"]), rng.choice(dist["head_dim"])))
    size = rng.choice(dist["spatial"])
    return p.arg(_as_layout(rng.choice(dist["batch"]), rng.choice(dist["channels"]), size, size, kind), kind)
