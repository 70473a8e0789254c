"""Convolutions that `decompose` cannot make 1-D (torch-mlir's NCHW depthwise conv) vectorize once the tile's loops
of one iteration fold away, and the pad in front of them is copied in vectors. Real compile, run and a reference
that IREE confirmed, on tiny shapes."""

from __future__ import annotations

from mlir import ir

from rl_autoschedular.config import EnvConfig
from rl_autoschedular.env.actions import ACTION_TYPES
from rl_autoschedular.env.scheduling_env import MlirSchedulingEnv
from rl_autoschedular.env.search import make_action
from rl_autoschedular.execution import lowering
from rl_autoschedular.execution.measure import Measurer
from rl_autoschedular.ir.benchmarks import load_benchmark

V = ACTION_TYPES.index("V")

# MobileNetV2's depthwise conv as torch-mlir emits it, at 8 channels of 30x30: a pad, then the NCHW conv.
DEPTHWISE = """
func.func @main(%x: tensor<1x8x30x30xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8xOUTxOUTxf32> {
  %cst = arith.constant 0.000000e+00 : f32
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %cst : f32
  } : tensor<1x8x30x30xf32> to tensor<1x8x32x32xf32>
  %e = tensor.empty() : tensor<1x8xOUTxOUTxf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x8xOUTxOUTxf32>) -> tensor<1x8xOUTxOUTxf32>
  %k = tensor.collapse_shape %w [[0, 1], [2], [3]] : tensor<8x1x3x3xf32> into tensor<8x3x3xf32>
  %r = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<STRIDE> : vector<2xi64>}
    ins(%padded, %k : tensor<1x8x32x32xf32>, tensor<8x3x3xf32>) outs(%f : tensor<1x8xOUTxOUTxf32>)
    -> tensor<1x8xOUTxOUTxf32>
  return %r : tensor<1x8xOUTxOUTxf32>
}
"""


def _depthwise(tmp_path, stride: int):
    path = tmp_path / f"depthwise_s{stride}.mlir"
    path.write_text(DEPTHWISE.replace("OUT", str(30 // stride)).replace("STRIDE", str(stride)))
    return load_benchmark(path)


def test_the_pad_is_copied_in_vectors(tmp_path, fast_config):
    """As scalar loops, the pad of a 144x56x56 input took 0.36 ms, more than the vectorized conv after it."""
    bench = _depthwise(tmp_path, 1)
    module = ir.Module.parse(bench.text, ir.Context())
    lowering.bufferize(module)  # the first half of the one lowering pipeline
    text = str(module)
    assert "vector.transfer_write" in text and "linalg.copy" not in text and "linalg.map" not in text
    with Measurer(tmp_path / "cache", fast_config) as m:
        baseline = m.baseline(bench)  # its outputs are the reference, checked against IREE's
    assert baseline.status == "ok", baseline.message


def test_nchw_depthwise_vectorizes_once_its_window_is_tiled_to_one(tmp_path, fast_config):
    """V waits until a reduction loop is tiled (the builder folds inside the op's own loop), then vectorizes rows
    of ow: (oh + kh, ow + kw) with kh = kw = 1 read plain loops. The result matches the IREE-checked reference."""
    bench = _depthwise(tmp_path, 1)
    with Measurer(tmp_path / "cache", fast_config) as m:
        env = MlirSchedulingEnv([bench], m, EnvConfig())
        env.reset()
        assert env.episode.op.name == "linalg.depthwise_conv_2d_nchw_chw"  # loops (n, oh, ow, c, kh, kw)
        assert not env.current_masks()[0][V]
        env.step(make_action(env, "T", (0, 1, 0, 1, 0, 0)))
        assert not env.current_masks()[0][V]  # no reduction loop tiled: kh and kw still read oh + kh
        env.step(make_action(env, "T", (0, 0, 0, 0, 1, 1)))
        assert env.current_masks()[0][V]
        _, _, done, _, info = env.step(make_action(env, "V"))
    assert done and info["status"] == "ok" and info["verified"], info
    assert '"kind":"vectorize","sizes":[1,1,30,1,1,1]' in info["schedule"]


def test_a_strided_window_stays_masked(tmp_path):
    """Stride 2: ow reads 2 * ow + kw, which no fold makes plain (the vectorizer refuses it)."""
    env = MlirSchedulingEnv([_depthwise(tmp_path, 2)], None, EnvConfig(reward_mode="proxy"))
    env.reset()
    env.step(make_action(env, "T", (0, 1, 0, 1, 1, 1)))
    assert not env.current_masks()[0][V]


def test_an_interchanged_depthwise_conv_vectorizes_too(tmp_path, fast_config):
    """Channels outermost, as bench_env's expert plays it: the generalized op folds and vectorizes the same way."""
    bench = _depthwise(tmp_path, 1)
    with Measurer(tmp_path / "cache", fast_config) as m:
        env = MlirSchedulingEnv([bench], m, EnvConfig())
        env.reset()
        env.step(make_action(env, "I", (), (0, 3, 1, 2, 4, 5)))
        env.step(make_action(env, "T", (0, 1, 1, 0, 1, 1)))
        _, _, done, _, info = env.step(make_action(env, "V"))
    assert done and info["status"] == "ok" and info["verified"], info
