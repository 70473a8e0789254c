"""Math ops rewritten into arithmetic before lowering, where LLVM would otherwise call libm once per vector lane.

LLVM has no vector exp, tanh or powf on x86 without a vector math library, so `llvm.exp` on `vector<8xf32>` becomes
eight scalar `expf` calls with lane extracts and inserts. The pinned MLIR wheel has no polynomial-approximation pass
or transform op, so f32 exp is expanded here (Cody-Waite range reduction and a degree-6 polynomial, the classic
Cephes scheme) into ops that vectorize, and so are f32 erf (exact GELU, as torch-mlir emits nn.GELU()), which would
otherwise call libm's erff once per lane, and f32 tanh (tanh GELU), both as rational functions. The other rewrites
feed `math-expand-ops`.
"""

from __future__ import annotations

from mlir import ir, passmanager
from mlir.dialects import arith, math

# `math-expand-ops{ops=fpowi,tanh}` turns x^n with a constant n into multiplications (x^3 of tanh GELU: x*x*x). On a
# vectorized op n is a vector constant, which llvm.intr.powi rejects (it takes one scalar exponent). A non-constant
# n becomes powf(x, sitofp n), which lowers on vectors too. tanh (f64 only: f32 tanh is expanded before) becomes exp
# arithmetic: LLVM calls libm's tanh once per element (tanhf took 18 ns each here, 5x the expansion).
EXPAND_OPS = "builtin.module(func.func(math-expand-ops{ops=fpowi,tanh}))"

# Largest |n| for which powf(x, n.0) becomes multiplications: at most |n|-1 roundings, vs libm's one.
_POWF_MAX_INT_EXPONENT = 16


def _splat_constant(value: ir.Value) -> float | int | None:
    """The value of a scalar or splat `arith.constant`, else None."""
    owner = value.owner
    if not isinstance(owner, ir.OpView) or owner.operation.name != "arith.constant":
        return None
    attr = owner.attributes["value"]
    if isinstance(attr, ir.DenseElementsAttr):
        if not ir.DenseElementsAttr(attr).is_splat:
            return None
        attr = ir.DenseElementsAttr(attr).get_splat_value()
    if isinstance(attr, ir.FloatAttr):
        return ir.FloatAttr(attr).value
    if isinstance(attr, ir.IntegerAttr):
        return ir.IntegerAttr(attr).value
    return None


def _splat_like(shape_of: ir.Type, element: ir.Type, value: float | int) -> ir.Value:
    """An `arith.constant` of `value`: a scalar of type `element`, or a splat vector shaped like `shape_of`."""
    attr = ir.FloatAttr.get(element, value) if isinstance(element, ir.FloatType) else ir.IntegerAttr.get(element, value)
    if isinstance(shape_of, ir.VectorType):
        v = ir.VectorType(shape_of)
        vtype = ir.VectorType.get(v.shape, element, scalable=v.scalable_dims)
        return arith.ConstantOp(vtype, ir.DenseElementsAttr.get_splat(vtype, attr)).result
    return arith.ConstantOp(element, attr).result


def normalize_pows(module: ir.Module) -> int:
    """Prepare constant powers for math-expand-ops: `powf(x, n.0)` (small integral n) and `fpowi(x, n)` (n < 0)
    become `fpowi(x, |n|)`, divided into 1 when n < 0. Returns how many were rewritten.

    A vector powf otherwise becomes libm powf calls, one per lane. Negative n is left out of the expansion, which
    gives -inf for 0^-2 (its -0.0 test also matches +0.0); 1 / x^|n| has the right signed infinity."""
    found = []

    def visit(op):
        if op.name in ("math.powf", "math.fpowi") and not isinstance(op.operands[0].type, ir.RankedTensorType):
            found.append(op)
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit)
    count = 0
    for op in found:
        n = _splat_constant(op.operands[1])
        if n is None or (op.name == "math.fpowi" and n >= 0):
            continue
        if op.name == "math.powf" and (not float(n).is_integer() or abs(n) > _POWF_MAX_INT_EXPONENT):
            continue
        n = int(n)
        base = op.operands[0]
        with ir.InsertionPoint(op), op.location:
            fastmath = op.attributes["fastmath"] if "fastmath" in op.attributes else None
            power = _splat_like(base.type, ir.IntegerType.get_signless(32), abs(n))
            result = math.fpowi(base, power, fastmath=fastmath)
            if n < 0:
                element = ir.VectorType(base.type).element_type if isinstance(base.type, ir.VectorType) else base.type
                result = arith.divf(_splat_like(base.type, element, 1.0), result)
            op.results[0].replace_all_uses_with(result)
        op.erase()
        count += 1
    return count


# exp(x) = 2^n * exp(r), n = round(x / ln 2), r = x - n ln 2 with ln 2 split in two so that n * LN2_HI is exact.
_LOG2E = 1.44269504088896341
_LN2_HI, _LN2_LO = 0.693359375, -2.12194440e-4
# Minimax coefficients of (exp(r) - 1 - r) / r^2 on |r| <= ln(2) / 2, highest degree first (error about 1 ulp).
_EXP_POLY = (1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1)
# ln of the largest and of the smallest normal f32: beyond them exp(x) is inf, or flushed to 0 (as fast-math does).
_EXP_HI, _EXP_LO = 88.72283935546875, -87.33654022216797


def _polynomial(x: ir.Value, coefficients: tuple[float, ...], c) -> ir.Value:
    """Horner's scheme on fused multiply-adds, coefficients highest degree first."""
    p = c(coefficients[0])
    for coefficient in coefficients[1:]:
        p = math.fma(p, x, c(coefficient))
    return p


def _expand_exp_f32(x: ir.Value) -> ir.Value:
    """Arithmetic equal to exp(x) within about 2 ulp for an f32 scalar or vector `x`, at the insertion point."""
    f32, i32 = ir.F32Type.get(), ir.IntegerType.get_signless(32)
    c = lambda v: _splat_like(x.type, f32, v)  # noqa: E731
    ci = lambda v: _splat_like(x.type, i32, v)  # noqa: E731
    clamped = arith.maximumf(arith.minimumf(x, c(_EXP_HI)), c(_EXP_LO))
    # Fused multiply-adds: one rounding each (the Cody-Waite steps stay exact) and half the instructions of mulf and
    # addf, which LLVM does not contract without fast-math flags (exp of 12x128x128: 0.171 -> 0.153 ms).
    n = math.floor(math.fma(clamped, c(_LOG2E), c(0.5)))
    r = math.fma(n, c(-_LN2_LO), math.fma(n, c(-_LN2_HI), clamped))
    p = arith.addf(math.fma(_polynomial(r, _EXP_POLY, c), arith.mulf(r, r), r), c(1.0))
    int_type = ir.VectorType.get(ir.VectorType(x.type).shape, i32) if isinstance(x.type, ir.VectorType) else i32
    # 2^n as 2^a * 2^(n-a) with a = n/2: n reaches 128 and -126, beyond a single f32 exponent field.
    n_int = arith.fptosi(int_type, n)
    half = arith.shrsi(n_int, ci(1))
    result = p
    for e in (half, arith.subi(n_int, half)):
        result = arith.mulf(result, arith.bitcast(x.type, arith.shli(arith.addi(e, ci(127)), ci(23))))
    overflow = arith.cmpf(arith.CmpFPredicate.OGT, x, c(_EXP_HI))
    underflow = arith.cmpf(arith.CmpFPredicate.OLT, x, c(_EXP_LO))
    return arith.select(underflow, c(0.0), arith.select(overflow, c(float("inf")), result))


# erf(x) = x P(x^2) / Q(x^2) on [-4, 4], where erf(4) rounds to 1 in f32, with x clamped there: a rational fit of
# erf(x)/x in x^2 made for this project (least squares weighted toward its worst points, relative error 7e-8 in
# f64), highest degree first. One branch, no exp: exact GELU over 64x1024 took 0.043 ms (PyTorch 0.069) against
# 0.12 ms with a Taylor series below 1/2 and t exp(-x^2 + Q(t)) above, both computed and one selected.
_ERF_P = (1.911018940314868e-08, -1.9422939675425854e-06, 0.00014729082500374567, 0.003990837731461312,
          0.05152585253683537, 0.2071319612133228, 1.1283790943874739)
_ERF_Q = (0.0010211690682331376, 0.014958662645400852, 0.11797358121602665, 0.5168971727442291, 1.0)
_ERF_CLAMP = 4.0


def _expand_erf_f32(x: ir.Value) -> ir.Value:
    """Arithmetic equal to erf(x) within 6 ulp (4e-7) for an f32 scalar or vector `x`, at the insertion point;
    odd, with signed zeros kept and NaN propagated (minimumf and maximumf keep it)."""
    f32 = ir.F32Type.get()
    c = lambda v: _splat_like(x.type, f32, v)  # noqa: E731
    clamped = arith.maximumf(arith.minimumf(x, c(_ERF_CLAMP)), c(-_ERF_CLAMP))
    s = arith.mulf(clamped, clamped)
    return arith.mulf(clamped, arith.divf(_polynomial(s, _ERF_P, c), _polynomial(s, _ERF_Q, c)))


# tanh(x) = x P(x^2) / Q(x^2) on [-9, 9], beyond which tanh rounds to +-1 in f32, with x clamped there and the result
# to [-1, 1] (f32 rounding of the fraction gave 1 + 1 ulp near 9): a rational fit of tanh(x)/x in x^2 made for this
# project as erf's was (relative error 7e-9 in f64), highest degree first. Upstream's expansion, exp arithmetic with
# a division and a select, took 0.050 ms on a tanh GELU over 64x1024 (IREE 0.035).
_TANH_P = (-8.491166694502443e-14, 5.278982558113278e-11, -2.022752267206394e-08, 1.1154904086508373e-05,
           0.003104014935647651, 0.1308406323888011, 0.999999993490037)
_TANH_Q = (0.0002546229670698548, 0.024495413985669328, 0.464173903801487, 1.0)
_TANH_CLAMP = 9.0


def _expand_tanh_f32(x: ir.Value) -> ir.Value:
    """Arithmetic equal to tanh(x) within 5 ulp for an f32 scalar or vector `x`, at the insertion point; odd, within
    [-1, 1], with signed zeros kept and NaN propagated."""
    f32 = ir.F32Type.get()
    c = lambda v: _splat_like(x.type, f32, v)  # noqa: E731
    clamped = arith.maximumf(arith.minimumf(x, c(_TANH_CLAMP)), c(-_TANH_CLAMP))
    s = arith.mulf(clamped, clamped)
    t = arith.mulf(clamped, arith.divf(_polynomial(s, _TANH_P, c), _polynomial(s, _TANH_Q, c)))
    return arith.maximumf(arith.minimumf(t, c(1.0)), c(-1.0))


def _expand_f32(module: ir.Module, name: str, expansion) -> int:
    """Replace every f32 op `name` (scalar or vector) by `expansion` of its operand; returns how many."""
    found = []

    def visit(op):
        if op.name == name:
            t = op.operands[0].type
            element = ir.VectorType(t).element_type if isinstance(t, ir.VectorType) else t
            if isinstance(element, ir.F32Type):
                found.append(op)
        return ir.WalkResult.ADVANCE

    module.operation.walk(visit)
    for op in found:
        with ir.InsertionPoint(op), op.location:
            op.results[0].replace_all_uses_with(expansion(op.operands[0]))
        op.erase()
    return len(found)


def rewrite_math(module: ir.Module) -> None:
    """All rewrites, in order: constant powers, f32 tanh, `math-expand-ops` (f64 tanh becomes exp arithmetic), erf,
    then exp. f64 keeps libm's exp and erf, whose accuracy its users expect."""
    normalize_pows(module)
    _expand_f32(module, "math.tanh", _expand_tanh_f32)
    passmanager.PassManager.parse(EXPAND_OPS, module.context).run(module.operation)
    _expand_f32(module, "math.erf", _expand_erf_f32)
    _expand_f32(module, "math.exp", _expand_exp_f32)
