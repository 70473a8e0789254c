"""The "families" suite (`data/families/`): one benchmark per block family that real models contain, each exported
with torch-mlir from a torch function (`torch_fns.py`), f32 unless its name ends in `_f64`.

Generate with `.venv/bin/python data_generation/bundled.py --suite families`.

Flops count useful arithmetic: 2 per multiply-accumulate, 1 per window element of a max pool, and per element of
an elementwise or normalising op the steps it needs: 1 for an add, a bias add or a ReLU, 9 for tanh-GELU
(0.5 x (1 + tanh(c (x + 0.044715 x^3)))), 5 for softmax (max, subtract, exp, sum, divide), 7 for layer norm (sum,
subtract the mean, square, sum, scale, weight, bias).
"""

from __future__ import annotations

from dataclasses import replace

from data_generation.bundled import Benchmark, conv2d_nchw, conv_bias_relu, elementwise, maxpool_nchw
from rl_autoschedular.execution.torch_fns import describe

FAMILIES = ("conv_bias_relu", "conv_s2", "conv_1x1", "depthwise_conv", "linear_gelu", "attention_bmm", "softmax",
            "layer_norm", "maxpool_pad", "small_add", "small_relu_f64", "small_maxpool")


def benchmarks() -> list[Benchmark]:
    """The suite, one benchmark per family, in the order of FAMILIES."""
    heads, tokens, head_dim = 12, 128, 64  # BERT-base / GPT-2 small attention
    return [
        # ResNet: the fused 3x3 block, a strided 3x3 (stage entry) and a 1x1 expansion
        replace(conv_bias_relu(), family="conv_bias_relu"),
        replace(conv2d_nchw(128, 56, 56, 128, 3, stride=2, pad=1), family="conv_s2"),
        replace(conv2d_nchw(64, 56, 56, 256, 1), family="conv_1x1"),
        # MobileNetV2: depthwise 3x3 on 144 channels at 56x56
        Benchmark("depthwise_conv2d_nchw_144x56x56_k3", "depthwise_conv", 2 * 144 * 56 * 56 * 9,
                  describe("conv2d", ((1, 144, 56, 56), (144, 1, 3, 3)), {"padding": 1, "groups": 144})),
        # GPT-2 small MLP input: 128 tokens, width 768, hidden 3072
        Benchmark("linear_gelu_128x3072x768", "linear_gelu", 2 * 128 * 3072 * 768 + 10 * 128 * 3072,
                  describe("linear_gelu", ((128, 768), (768, 3072), (3072,)))),
        # Attention scores Q K^T per head, then their softmax
        Benchmark(f"batch_matmul_{heads}x{tokens}x{tokens}x{head_dim}", "attention_bmm",
                  2 * heads * tokens * tokens * head_dim,
                  describe("bmm", ((heads, tokens, head_dim), (heads, head_dim, tokens)))),
        Benchmark(f"softmax_{heads}x{tokens}x{tokens}", "softmax", 5 * heads * tokens * tokens,
                  describe("softmax", ((heads, tokens, tokens),))),
        Benchmark("layer_norm_128x768", "layer_norm", 7 * 128 * 768,
                  describe("layer_norm", ((128, 768), (768,), (768,)), {"eps": 1e-5})),
        # ResNet stem pool
        replace(maxpool_nchw(64, 112, 112, 3, 2, pad=1), family="maxpool_pad"),
        # Late-stage blocks at batch 256: little spatial work per channel, many images
        replace(elementwise("add", (256, 176, 7, 7)), family="small_add"),
        replace(elementwise("relu", (256, 176, 7, 7), dtype="f64"), family="small_relu_f64"),
        replace(maxpool_nchw(64, 14, 14, 2, 2, n=256), family="small_maxpool"),
    ]
