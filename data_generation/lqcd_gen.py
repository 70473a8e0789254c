"""Lattice-QCD kernels as linalg-on-tensors benchmarks (`linalg.generic` form), each checked against numpy.

Kinds: `su3_matvec` (per site, a colour matrix times a spin-colour vector), `su3_matmul` (per site, a colour matrix
product), `dslash` (Wilson-Dslash-style nearest-neighbour hopping term), `baryon` (three-quark epsilon contraction
summed over spatial sites) and `dibaryon` (two baryon blocks with a quark exchange between them).

Layout. Sites are flattened to one axis v = t * Vs + xs (time slowest), because a 4-D site index plus colour, spin
and complex axes would exceed the encoding's max_rank 6. A complex number is a trailing axis of size 2 (re, im):
separate re/im operands would need 6 operands for one complex product, over max_operands 4. A complex product
out[k] += a[p] * b[k xor p] reads the right factor twice, at the constant parts 0 and 1, and its body weights the
two reads from the part indices (linalg.index) so that it forms re = ar*br - ai*bi and im = ar*bi + ai*br: 2 loops
(k parallel, p reduction), 4 operands, no wasted multiply. (A map like `1 - p` would save the weights, but IREE's
verifier, which vouches for every reference, rejects a negative coefficient.) Epsilon tensors are index arithmetic
in the body, eps(a,b,c) = (a-b)(b-c)(c-a)/2, so there is neither a tensor constant nor an arith.select.

Stencil. `dslash` takes pre-shifted operands, psi(x+mu), U_mu(x-mu) and psi(x-mu) gathered by the caller, as a halo
exchange or neighbour table of a real code produces them: the periodic wrap is a `mod`, which no access matrix
holds, and a padded 4-D field with spin, colour and complex axes has rank 8. The spin projectors (1 -+ gamma_mu)
are left out: each hop is spin-diagonal.

Baryons. A baryon block B[v, a, b, f] = eps(a',b',c') S1[v,a',a] S2[v,b',b] S3[v,c',f] (propagators S[v, sink colour,
source colour]) is three ops of 6-7 loops (epsilon scaling, then two complex products). `baryon` closes it with
eps(a,b,c) summed over spatial sites (6 loops, 4 reductions); `dibaryon` builds two blocks whose source colours c
and f are exchanged, projects each with eps over the spatial sites (7 loops, 3 reductions) and contracts the two.

PyTorch. Each manifest entry's "torch" key describes the kernel for PyTorch eager (rl_autoschedular/execution/
torch_fns.py): `torch.einsum` on complex views of the operands, with the same subscripts as the numpy check.

    .venv/bin/python data_generation/lqcd_gen.py --out data/lqcd --lattice "4,4,4,8;8,8,8,8" --dtype both
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass
from math import prod
from pathlib import Path
from typing import Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: make `data_generation` importable

from tqdm import tqdm  # noqa: E402

from data_generation.dataset_writer import Writer, flops  # noqa: E402
from rl_autoschedular.config import EnvConfig, MeasureConfig  # noqa: E402
from rl_autoschedular.env.observation import fits  # noqa: E402
from rl_autoschedular.execution.job import random_inputs  # noqa: E402
from rl_autoschedular.execution.measure import Measurer  # noqa: E402
from rl_autoschedular.execution.torch_fns import describe  # noqa: E402
from rl_autoschedular.ir.analysis import analyze  # noqa: E402
from rl_autoschedular.ir.benchmarks import BenchmarkError, load_benchmark  # noqa: E402

KINDS = ("su3_matvec", "su3_matmul", "dslash", "baryon", "dibaryon")
TOLERANCE = {"f32": 1e-4, "f64": 1e-10}  # max |compiled - numpy| relative to max |numpy|
_NAME = re.compile(r"[a-z]\w*")  # a loop name in an index expression
_NAME_REF = re.compile(r"\{([a-z]\w*)\}")  # a loop's position in a generic body
NumpyFn = Callable[[list[np.ndarray]], list[np.ndarray]]
# The contractions as einsum subscripts, shared by the numpy check and the PyTorch description (torch_fns), so that
# both compute the same formulation. A baryon block is BLOCK; a baryon closes it with BARYON, a dibaryon contracts
# two projected blocks with DIBARYON.
SU3_MATVEC, SU3_MATMUL = "vab,vsb->vsa", "vab,vbc->vac"
DSLASH_FORWARD, DSLASH_BACKWARD = "mvab,mvsb->vsa", "mvba,mvsb->vsa"
BLOCK, BARYON, DIBARYON = "lmn,vla,vmb,vnf->vabf", "abc,vabc->v", "abc,def,tabf,tdec->t"


@dataclass(frozen=True)
class Kernel:
    """One benchmark: its module text and the numpy computation of the same outputs from the same inputs."""

    kind: str
    lattice: tuple[int, ...]
    dtype: str
    colors: int
    spin: int
    text: str
    numpy: NumpyFn
    torch: dict  # the same computation in PyTorch: a description for the manifest's "torch" key (torch_fns)

    @property
    def name(self) -> str:
        extra = (f"_nc{self.colors}" if self.colors != 3 else "") + (f"_ns{self.spin}" if self.spin != 4 else "")
        return f"lqcd_{self.kind}_{'x'.join(map(str, self.lattice))}{extra}_{self.dtype}"

    @property
    def source(self) -> dict:
        return {"generator": "lqcd", "kind": self.kind, "lattice": list(self.lattice), "dtype": self.dtype,
                "colors": self.colors, "spin": self.spin}


class _Func:
    """Builds the text of `@main`: arguments, zero-filled tensors, reshapes and `linalg.generic` ops."""

    def __init__(self, dtype: str):
        self.dtype, self.args, self.lines, self.count = dtype, [], [], 0

    def type(self, shape) -> str:
        return f"tensor<{'x'.join(map(str, shape))}x{self.dtype}>"

    def _fresh(self) -> str:
        self.count += 1
        return f"%{self.count}"

    def arg(self, *shape: int) -> tuple[str, tuple]:
        self.args.append(shape)
        return f"%arg{len(self.args) - 1}", shape

    def zeros(self, *shape: int) -> tuple[str, tuple]:
        empty, filled = self._fresh(), self._fresh()
        self.lines += [f"{empty} = tensor.empty() : {self.type(shape)}",
                       f"{filled} = linalg.fill ins(%zero : {self.dtype}) outs({empty} : {self.type(shape)}) "
                       f"-> {self.type(shape)}"]
        return filled, shape

    def split_sites(self, value: tuple[str, tuple], t: int) -> tuple[str, tuple]:
        """Expand the flat site axis (first) into (T, Vs), so that a spatial sum is an affine reduction."""
        name, shape = value
        new = (t, shape[0] // t, *shape[1:])
        groups = [[0, 1]] + [[i + 1] for i in range(1, len(shape))]
        out = self._fresh()
        self.lines.append(f"{out} = tensor.expand_shape {name} {groups} output_shape {list(new)} : "
                          f"{self.type(shape)} into {self.type(new)}")
        return out, new

    def generic(self, loops: tuple[str, str], ins: list[tuple], out: tuple, body: list[str]) -> tuple[str, tuple]:
        """A generic over `loops` (parallel names, reduction names); `ins` and `out` are (value, index names); the
        body's block arguments are %x0, %x1, ... then %acc, and it yields %r."""
        names = loops[0].split() + loops[1].split()
        dims = {n: f"d{i}" for i, n in enumerate(names)}
        domain = ", ".join(dims.values())

        def amap(index: str) -> str:
            return f"affine_map<({domain}) -> ({_NAME.sub(lambda m: dims[m.group(0)], index)})>"

        # `{name}` in the body is the position of loop `name` (for linalg.index)
        body = [_NAME_REF.sub(lambda m: dims[m.group(1)][1:], line) for line in body]
        kinds = ", ".join(['"parallel"'] * len(loops[0].split()) + ['"reduction"'] * len(loops[1].split()))
        (value, shape), out_index = out
        args = ", ".join(f"%x{i}: {self.dtype}" for i in range(len(ins)))
        result = self._fresh()
        self.lines += [
            f"{result} = linalg.generic {{indexing_maps = [{', '.join(amap(i) for _, i in [*ins, out])}], "
            f"iterator_types = [{kinds}]}} ins({', '.join(v[0] for v, _ in ins)} : "
            f"{', '.join(self.type(v[1]) for v, _ in ins)}) outs({value} : {self.type(shape)}) {{",
            f"^bb0({args}, %acc: {self.dtype}):", *body, f"  linalg.yield %r : {self.dtype}",
            f"}} -> {self.type(shape)}"]
        return result, shape

    def cmul(self, parallel: str, reduction: str, a: tuple, a_index: str, b: tuple, b_index: str, out: tuple,
             out_index: str, conj_a: bool = False) -> tuple[str, tuple]:
        """out[..., k] += a[..., p] * b (complex, conj(a) if `conj_a`), summed over `reduction` and the part p."""
        f = self.dtype
        # Term (k, p) multiplies a[p] by b[k xor p]: re = ar*br - ai*bi, im = ai*br + ar*bi. With x = k xor p as
        # arithmetic, b[0] has weight 1 - x and b[1] weight x; the minus sign falls on (k=0, p=1), or with conj(a)
        # (ai negated) on (k=1, p=1).
        sign = [f"  %sg = arith.subf %one, %kp2x : {f}"] if conj_a else [
            f"  %pkp = arith.subf %p, %kp : {f}", f"  %pkp2 = arith.mulf %pkp, %two : {f}",
            f"  %sg = arith.subf %one, %pkp2 : {f}"]
        w0, w1 = ("%nxs", "%x") if conj_a else ("%nx", "%nxs")
        body = ["  %ki = linalg.index {k} : index", "  %pi = linalg.index {p} : index",
                "  %kn = arith.index_cast %ki : index to i64", "  %pn = arith.index_cast %pi : index to i64",
                f"  %k = arith.sitofp %kn : i64 to {f}", f"  %p = arith.sitofp %pn : i64 to {f}",
                f"  %kp = arith.mulf %k, %p : {f}", f"  %kp2x = arith.mulf %kp, %two : {f}",
                f"  %kpsum = arith.addf %k, %p : {f}", f"  %x = arith.subf %kpsum, %kp2x : {f}",
                f"  %nx = arith.subf %one, %x : {f}", *sign,
                f"  %nxs = arith.mulf {'%nx' if conj_a else '%x'}, %sg : {f}",
                f"  %b0 = arith.mulf {w0}, %x1 : {f}", f"  %b1 = arith.mulf {w1}, %x2 : {f}",
                f"  %bb = arith.addf %b0, %b1 : {f}", f"  %m = arith.mulf %x0, %bb : {f}",
                f"  %r = arith.addf %acc, %m : {f}"]
        # b's parts are constant indices: IREE's verifier rejects a map like 1 - p (a negative coefficient).
        ins = [(a, f"{a_index}, p"), (b, f"{b_index}, 0"), (b, f"{b_index}, 1")]
        return self.generic((f"{parallel} k", f"{reduction} p"), ins, (out, f"{out_index}, k"), body)

    def eps(self, parallel: str, reduction: str, x: tuple, x_index: str, out: tuple, out_index: str,
            eps_loops: str) -> tuple[str, tuple]:
        """out[..., k] += eps(i, j, l) * x[..., k] over `reduction`, eps the Levi-Civita symbol of loops i j l."""
        i, j, l = eps_loops.split()
        f = self.dtype
        body = [f"  %i = linalg.index {{{i}}} : index", f"  %j = linalg.index {{{j}}} : index",
                f"  %l = linalg.index {{{l}}} : index", "  %e1 = arith.subi %i, %j : index",
                "  %e2 = arith.subi %j, %l : index", "  %e3 = arith.subi %l, %i : index",
                "  %e12 = arith.muli %e1, %e2 : index", "  %e123 = arith.muli %e12, %e3 : index",
                "  %e = arith.divsi %e123, %c2 : index", "  %en = arith.index_cast %e : index to i64",
                f"  %ef = arith.sitofp %en : i64 to {f}", f"  %m = arith.mulf %ef, %x0 : {f}",
                f"  %r = arith.addf %acc, %m : {f}"]
        return self.generic((f"{parallel} k", reduction), [(x, f"{x_index}, k")], (out, f"{out_index}, k"), body)

    def module(self, result: tuple) -> str:
        f = self.dtype
        args = ", ".join(f"%arg{i}: {self.type(s)}" for i, s in enumerate(self.args))
        head = [f"%zero = arith.constant 0.0 : {f}", f"%one = arith.constant 1.0 : {f}",
                f"%two = arith.constant 2.0 : {f}", "%c2 = arith.constant 2 : index"]
        body = "\n".join(f"    {line}" for line in [*head, *self.lines, f"return {result[0]} : {self.type(result[1])}"])
        return f"module {{\n  func.func @main({args}) -> {self.type(result[1])} {{\n{body}\n  }}\n}}\n"


def _c(x: np.ndarray) -> np.ndarray:
    return x[..., 0].astype(np.complex128) + 1j * x[..., 1]


def _r(z: np.ndarray, like: np.ndarray) -> np.ndarray:
    return np.stack([z.real, z.imag], -1).astype(like.dtype)


def _eps(n: int) -> np.ndarray:
    i, j, l = np.indices((n, n, n))
    return (i - j) * (j - l) * (l - i) / 2


def _block(f: _Func, s1: tuple, s2: tuple, s3: tuple, nc: int) -> tuple[str, tuple]:
    """Baryon block B[v, a, b, f] = eps(a', b', c') S1[v, a', a] S2[v, b', b] S3[v, c', f] (S[v, sink, source])."""
    v = s1[1][0]
    fa = f.eps("v b2 c2 a", "a2", s1, "v, a2, a", f.zeros(v, nc, nc, nc, 2), "v, b2, c2, a", "a2 b2 c2")
    g = f.cmul("v c2 a b", "b2", fa, "v, b2, c2, a", s2, "v, b2, b", f.zeros(v, nc, nc, nc, 2), "v, c2, a, b")
    return f.cmul("v a b f", "c2", g, "v, c2, a, b", s3, "v, c2, f", f.zeros(v, nc, nc, nc, 2), "v, a, b, f")


def _np_block(s1, s2, s3):
    return np.einsum(BLOCK, _eps(s1.shape[1]), _c(s1), _c(s2), _c(s3))


def build(kind: str, lattice: tuple[int, ...], dtype: str = "f32", colors: int = 3, spin: int = 4) -> Kernel:
    """The `kind` kernel on a lattice (X, ..., T), with its numpy formulation."""
    f, v, nc, t = _Func(dtype), prod(lattice), colors, lattice[-1]
    if kind == "su3_matvec":
        u, psi = f.arg(v, nc, nc, 2), f.arg(v, spin, nc, 2)
        res = f.cmul("v s a", "b", u, "v, a, b", psi, "v, s, b", f.zeros(v, spin, nc, 2), "v, s, a")
        fn, kwargs = "complex_einsum", {"equation": SU3_MATVEC}

        def ref(x):
            return [_r(np.einsum(SU3_MATVEC, _c(x[0]), _c(x[1])), x[0])]
    elif kind == "su3_matmul":
        a, b = f.arg(v, nc, nc, 2), f.arg(v, nc, nc, 2)
        res = f.cmul("v a c", "b", a, "v, a, b", b, "v, b, c", f.zeros(v, nc, nc, 2), "v, a, c")
        fn, kwargs = "complex_einsum", {"equation": SU3_MATMUL}

        def ref(x):
            return [_r(np.einsum(SU3_MATMUL, _c(x[0]), _c(x[1])), x[0])]
    elif kind == "dslash":
        nd = len(lattice)  # U_mu(x), psi(x+mu), U_mu(x-mu), psi(x-mu), one slice per direction mu
        u, fwd = f.arg(nd, v, nc, nc, 2), f.arg(nd, v, spin, nc, 2)
        u_back, back = f.arg(nd, v, nc, nc, 2), f.arg(nd, v, spin, nc, 2)
        hop = f.cmul("v s a", "mu b", u, "mu, v, a, b", fwd, "mu, v, s, b", f.zeros(v, spin, nc, 2), "v, s, a")
        # The backward hop accumulates into the forward one: U_mu(x-mu)^dagger = conj of the transposed link.
        res = f.cmul("v s a", "mu b", u_back, "mu, v, b, a", back, "mu, v, s, b", hop, "v, s, a", conj_a=True)
        fn, kwargs = "lqcd_dslash", {"forward": DSLASH_FORWARD, "backward": DSLASH_BACKWARD}

        def ref(x):
            u, fwd, u_back, back = map(_c, x)
            return [_r(np.einsum(DSLASH_FORWARD, u, fwd) + np.einsum(DSLASH_BACKWARD, u_back.conj(), back), x[0])]
    elif kind == "baryon":
        s = [f.arg(v, nc, nc, 2) for _ in range(3)]
        blk = f.split_sites(_block(f, *s, nc), t)
        res = f.eps("t", "xs a b c", blk, "t, xs, a, b, c", f.zeros(t, 2), "t", "a b c")
        fn, kwargs = "lqcd_baryon", {"block": BLOCK, "close": BARYON, "time": t}

        def ref(x):
            corr = np.einsum(BARYON, _eps(nc), _np_block(*x)).reshape(t, -1).sum(1)
            return [_r(corr, x[0])]
    elif kind == "dibaryon":
        # Baryon 1 (sink x) holds source colours a b f, baryon 2 (sink y) d e c: quark c and f are exchanged.
        s = [f.arg(v, nc, nc, 2) for _ in range(6)]
        blk1, blk2 = f.split_sites(_block(f, *s[:3], nc), t), f.split_sites(_block(f, *s[3:], nc), t)
        e1 = f.eps("t c f", "xs a b", blk1, "t, xs, a, b, f", f.zeros(t, nc, nc, 2), "t, c, f", "a b c")
        e2 = f.eps("t f c", "xs d e", blk2, "t, xs, d, e, c", f.zeros(t, nc, nc, 2), "t, f, c", "d e f")
        res = f.cmul("t", "c f", e1, "t, c, f", e2, "t, f, c", f.zeros(t, 2), "t")
        fn, kwargs = "lqcd_dibaryon", {"block": BLOCK, "close": DIBARYON, "time": t}

        def ref(x):
            b1, b2 = (_np_block(*x[i:i + 3]).reshape(t, -1, nc, nc, nc).sum(1) for i in (0, 3))
            e = _eps(nc)
            return [_r(np.einsum(DIBARYON, e, e, b1, b2), x[0])]
    else:
        raise ValueError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    return Kernel(kind, tuple(lattice), dtype, colors, spin, f.module(res), ref, describe(fn, f.args, kwargs, dtype))


def mismatch(got: list[np.ndarray], want: list[np.ndarray], dtype: str) -> str:
    """'' when every output matches within TOLERANCE[dtype] (relative to its largest magnitude), else why not."""
    for i, (g, w) in enumerate(zip(got, want)):
        if g.shape != w.shape:
            return f"output {i}: shape {g.shape} != numpy's {w.shape}"
        err = float(np.max(np.abs(g.astype(np.float64) - w))) / max(float(np.max(np.abs(w))), 1e-30)
        if not err <= TOLERANCE[dtype]:  # `not <=` also catches NaN
            return f"output {i}: relative error {err:.2e} > {TOLERANCE[dtype]:g} against numpy"
    return ""


def encoding_problems(text: str) -> list[str]:
    """Why ops of `text` do not fit the agent's default encoding (EnvConfig), one line each; empty if all fit."""
    cfg = EnvConfig()
    return [f"{info.name} {info.tag}: {why}" for info in analyze(text) if (why := fits(cfg, info))]


def check(measurer: Measurer, kernel: Kernel, path: Path) -> tuple[float | None, str]:
    """Write `kernel` to `path`, load it, measure its verified baseline and compare the compiled outputs on the
    seeded inputs with numpy's; return (baseline ms or None, '' or the reason it fails)."""
    problems = encoding_problems(kernel.text)
    if problems:
        return None, problems[0]
    path.write_text(kernel.text)
    try:
        bench = load_benchmark(path, kernel.name)
    except BenchmarkError as err:
        return None, str(err)
    base = measurer.baseline(bench)
    if not base.verified:
        return None, f"baseline {base.status}: {base.message}"
    inputs = random_inputs([(s.shape, s.dtype) for s in bench.inputs], measurer.config.seed)
    return base.time_ns / 1e6, mismatch(measurer.reference(bench), kernel.numpy(inputs), kernel.dtype)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        self.exit(2, f"{self.prog}: error: {message}\n")


def _lattices(values: list[str]) -> list[tuple[int, ...]]:
    out = []
    for text in ";".join(values).split(";"):
        dims = text.strip().split(",")
        if len(dims) != 4 or not all(d.strip().isdigit() and int(d) > 0 for d in dims):
            raise ValueError(f"malformed lattice {text.strip()!r}: expected 4 positive integers X,Y,Z,T like 4,4,4,8")
        out.append(tuple(int(d) for d in dims))
    return out


def main(argv: list[str] | None = None) -> int:
    """Generate, verify and write the kernels; print a summary table. Returns 1 if any kernel failed."""
    parser = _Parser(prog="lqcd_gen.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", default="all", help=f"comma list of {', '.join(KINDS)} (default all)")
    parser.add_argument("--lattice", action="append", help="X,Y,Z,T; several separated by ';' or by repeating the "
                                                           "option (default 4,4,4,8)")
    parser.add_argument("--dtype", default="f32", choices=("f32", "f64", "both"))
    parser.add_argument("--colors", type=int, default=3, help="colour extent (baryon and dibaryon need 3)")
    parser.add_argument("--spin", type=int, default=4, help="spin extent of su3_matvec and dslash")
    parser.add_argument("--out", type=Path, required=True, help="dataset folder (.mlir files and manifest.json)")
    parser.add_argument("--cache-dir", type=Path, help="measurement cache (default: a temporary folder)")
    args = parser.parse_args(argv)
    kinds = KINDS if args.kinds == "all" else tuple(k.strip() for k in args.kinds.split(","))
    try:
        lattices = _lattices(args.lattice or ["4,4,4,8"])
    except ValueError as err:
        parser.error(str(err))
    if unknown := [k for k in kinds if k not in KINDS]:
        parser.error(f"unknown kind {unknown[0]!r} (choose from {', '.join(KINDS)})")
    if args.colors < 1 or args.spin < 1 or (args.colors != 3 and {"baryon", "dibaryon"} & set(kinds)):
        parser.error("--colors and --spin must be positive, and baryon/dibaryon need --colors 3 (epsilon_abc)")
    dtypes = ("f32", "f64") if args.dtype == "both" else (args.dtype,)
    kernels = [build(k, lat, dt, args.colors, args.spin) for lat in lattices for k in kinds for dt in dtypes]

    writer, rows = Writer(args.out), []
    with tempfile.TemporaryDirectory() as tmp, Measurer(args.cache_dir or Path(tmp), MeasureConfig()) as measurer:
        for kernel in tqdm(kernels, desc="lqcd", unit="kernel"):
            ms, problem = check(measurer, kernel, Path(tmp) / f"{kernel.name}.mlir")
            if not problem:
                status = writer.add(kernel.name, "lqcd", kernel.text, kernel.source)
                problem = "" if status in ("new", "duplicate") else status
                if status == "new":  # the writer's entry, just appended; a duplicate keeps the first one's
                    writer.entries[-1]["torch"] = kernel.torch
            rows.append((kernel, ms, problem))
    writer.finish()

    print(f"\n{'kind':<11} {'lattice':<10} {'dtype':<5} {'loops':<18} {'flops':>11} {'base ms':>8}  verified")
    for kernel, ms, problem in rows:
        loops = "/".join(str(len(i.loops)) for i in analyze(kernel.text) if i.name == "linalg.generic")
        base = "-" if ms is None else f"{ms:.3f}"
        print(f"{kernel.kind:<11} {'x'.join(map(str, kernel.lattice)):<10} {kernel.dtype:<5} {loops:<18} "
              f"{flops(kernel.text):>11} {base:>8}  {'yes' if not problem else 'NO: ' + problem}")
    failed = sum(1 for *_, problem in rows if problem)
    print(f"{len(rows) - failed} written to {args.out}, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
