"""The layout action: an NCHW convolution or pooling becomes its NHWC/HWCF twin, with transposes around it.

torch-mlir emits NCHW. On this CPU NHWC convolutions and poolings decompose to 1-D ops that vectorize well, while
NCHW ones often fail to vectorize or run 10x slower (shared/DESIGN.md section 8). No transform op changes an op's data
layout, so this is a rewrite of the payload, done before the transform script runs:

    x' = transpose(x, NCHW -> NHWC)      w' = transpose(w, FCHW -> HWCF)      (convolutions only)
    y' = conv_2d_nhwc_hwcf(x', w') into an NHWC init    y = transpose(y', NHWC -> NCHW)

The transposes are real ops of the rewritten program, so their cost is part of every measured time. Each gets the
tag of its op plus a suffix of `op_info.TRANSPOSES`, so that the schedule builder vectorizes them with the layout change
(left as scalar loops, they cost more than the change saved on MobileNetV2's 1x1 convolutions). The new op keeps
the old op's tag, so later actions of the schedule still name it. A zero fill (or a bias broadcast) that initialises
the op is rebuilt in NHWC, keeping its tag, so that tiling can still pull it into the tiles; any other init is
transposed. The rewritten module is a valid benchmark of its own: `bin/measure.py` and `mlir-opt` take it as is.
"""

from __future__ import annotations

from collections.abc import Iterable

from mlir import ir
from mlir.dialects import linalg, tensor

from rl_autoschedular.ir.analysis import linalg_ops, parse_module, tag_module
from rl_autoschedular.ir.op_info import LAYOUT_OPS, TAG, TRANSPOSES, IRError

_TO_NHWC = TRANSPOSES[".nhwc_in"]
_TO_NCHW = TRANSPOSES[".nchw_out"]
_TO_HWCF = TRANSPOSES[".hwcf"]

# NCHW op -> (NHWC op builder, filter permutation FCHW -> HWCF or None for poolings).
_TWINS = dict(zip(LAYOUT_OPS, [(linalg.conv_2d_nhwc_hwcf, _TO_HWCF), (linalg.pooling_nhwc_max, None),
                                (linalg.pooling_nhwc_sum, None)]))


def _permuted_type(value: ir.Value, perm: list[int]) -> ir.RankedTensorType:
    t = ir.RankedTensorType(value.type)
    return ir.RankedTensorType.get([t.shape[p] for p in perm], t.element_type)


def _value(built) -> ir.Value:
    """The result of a just-built op: some linalg builders return the value, others the op view."""
    return built if isinstance(built, ir.Value) else built.results[0]


def _transpose(value: ir.Value, perm: list[int], tag: str) -> ir.Value:
    t = _permuted_type(value, perm)
    empty = tensor.empty(t.shape, t.element_type)
    out = _value(linalg.transpose(value, outs=[empty], permutation=perm))
    out.owner.attributes[TAG] = ir.StringAttr.get(tag)
    return out


def _retag(new: ir.Value, old: ir.Operation) -> None:
    if TAG in old.attributes:
        new.owner.attributes[TAG] = old.attributes[TAG]


def _nhwc_init(init: ir.Value, tag: str) -> ir.Value:
    """The op's init in NHWC: a fill or a channel broadcast rebuilt in NHWC (tag kept), anything else transposed."""
    t = _permuted_type(init, _TO_NHWC)
    owner = init.owner if isinstance(init, ir.OpResult) else None
    name = owner.name if owner is not None else ""
    if name == "linalg.fill":
        new = _value(linalg.fill(owner.operands[0], outs=[tensor.empty(t.shape, t.element_type)]))
    elif name == "linalg.broadcast" and list(ir.DenseI64ArrayAttr(owner.attributes["dimensions"])) == [0, 2, 3]:
        # A per-channel bias [C] broadcast over N, H and W: in NHWC the channel is the last dim.
        new = _value(linalg.broadcast(owner.operands[0], outs=[tensor.empty(t.shape, t.element_type)],
                                      dimensions=[0, 1, 2]))
    else:
        return _transpose(init, _TO_NHWC, tag + ".nhwc_init")
    if len(list(init.uses)) == 1:  # the old init only fed this op: the rebuilt one takes its place and tag
        _retag(new, owner)
    return new


def _rewrite(op: ir.Operation) -> None:
    build, filter_perm = _TWINS[op.name]
    image, second, init = op.operands[0], op.operands[1], op.operands[2]
    tag = ir.StringAttr(op.attributes[TAG]).value
    with ir.InsertionPoint(op), op.location:
        image = _transpose(image, _TO_NHWC, tag + ".nhwc_in")
        if filter_perm is not None:
            second = _transpose(second, filter_perm, tag + ".hwcf")
        init_owner = init.owner if isinstance(init, ir.OpResult) else None
        new_init = _nhwc_init(init, tag)
        result = _value(build(image, second, outs=[new_init],
                              strides=op.attributes["strides"], dilations=op.attributes["dilations"]))
        _retag(result, op)
        back = _transpose(result, _TO_NCHW, tag + ".nchw_out")
    op.results[0].replace_all_uses_with(back)
    op.erase()
    if init_owner is not None and not list(init_owner.results[0].uses):
        init_owner.erase()


def to_channels_last(text: str, tags: Iterable[str]) -> str:
    """Rewrite the tagged NCHW convolutions and poolings named by `tags` to NHWC; return the tagged module text.

    Raises IRError when a tag names no op, or an op that has no NHWC twin.
    """
    tags = list(tags)
    if not tags:
        return text
    module = parse_module(text, ir.Context())
    tag_module(module)
    by_tag = {ir.StringAttr(op.attributes[TAG]).value: op for op in linalg_ops(module)}
    for tag in tags:
        op = by_tag.get(tag)
        if op is None:
            raise IRError(f"layout: no op tagged {tag!r}")
        if op.name not in _TWINS:
            raise IRError(f"layout: {tag} is {op.name}; only {', '.join(LAYOUT_OPS)} change layout")
        _rewrite(op.operation)
    tag_module(module)  # the transposes get fresh tags, so they are schedulable ops too
    module.operation.verify()
    return str(module)
