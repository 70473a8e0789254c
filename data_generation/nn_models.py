"""Small PyTorch models, defined in code with random weights, that `nn_to_mlir.py` exports to MLIR.

Everything here imports `torch` only: it runs in the spawned export child, which must never import `mlir`.
BatchNorm is left out (it would be folded into the convolution for inference anyway, and its running variance as a
random [-1, 1] input would make `sqrt` produce NaN): convolutions carry a bias instead.
"""

from __future__ import annotations

import math

import torch
from torch import nn


def _conv(cin: int, cout: int, k: int, stride: int = 1, groups: int = 1) -> nn.Conv2d:
    return nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups)


class BasicBlock(nn.Module):
    """ResNet basic block: two 3x3 convolutions and a (strided 1x1 projected) residual."""

    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.conv1, self.conv2 = _conv(cin, cout, 3, stride), _conv(cout, cout, 3)
        self.downsample = _conv(cin, cout, 1, stride) if stride != 1 or cin != cout else nn.Identity()

    def forward(self, x):
        return torch.relu(self.conv2(torch.relu(self.conv1(x))) + self.downsample(x))


class ResNet18(nn.Module):
    """ResNet-18: 7x7/2 stem, 3x3/2 max pool, four stages of two basic blocks, global average pool, classifier."""

    def __init__(self, width: int = 64, classes: int = 100):
        super().__init__()
        self.conv1, self.maxpool = _conv(3, width, 7, 2), nn.MaxPool2d(3, 2, 1)
        widths = [width, 2 * width, 4 * width, 8 * width]
        cin, stages = width, []
        for i, w in enumerate(widths):
            stages.append(nn.Sequential(BasicBlock(cin, w, 1 if i == 0 else 2), BasicBlock(w, w, 1)))
            cin = w
        self.layer1, self.layer2, self.layer3, self.layer4 = stages
        self.fc = nn.Linear(cin, classes)

    def forward(self, x):
        x = self.maxpool(torch.relu(self.conv1(x)))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(x.mean((2, 3)))


class InvertedResidual(nn.Module):
    """MobileNetV2 block: 1x1 expand, 3x3 depthwise, 1x1 linear projection, residual when shapes allow."""

    def __init__(self, cin: int, cout: int, stride: int, expand: int):
        super().__init__()
        hidden = cin * expand
        self.expand = _conv(cin, hidden, 1)
        self.depthwise = _conv(hidden, hidden, 3, stride, groups=hidden)
        self.project = _conv(hidden, cout, 1)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.project(nn.functional.relu6(self.depthwise(nn.functional.relu6(self.expand(x)))))
        return x + y if self.residual else y


class MobileNetV2(nn.Module):
    """The first MobileNetV2 stages: 3x3/2 stem, then inverted residuals (expand 6) up to 64 channels."""

    def __init__(self, classes: int = 100):
        super().__init__()
        self.stem = _conv(3, 32, 3, 2)
        self.blocks = nn.Sequential(InvertedResidual(32, 16, 1, 1), InvertedResidual(16, 24, 2, 6),
                                    InvertedResidual(24, 24, 1, 6), InvertedResidual(24, 32, 2, 6),
                                    InvertedResidual(32, 32, 1, 6), InvertedResidual(32, 64, 2, 6))
        self.fc = nn.Linear(64, classes)

    def forward(self, x):
        return self.fc(self.blocks(nn.functional.relu6(self.stem(x))).mean((2, 3)))


class VGG(nn.Module):
    """VGG-style stack: pairs of 3x3 convolutions with ReLU, each followed by a 2x2 max pool, then a classifier."""

    def __init__(self, image: int, widths=(32, 64, 128), classes: int = 100):
        super().__init__()
        layers, cin = [], 3
        for w in widths:
            layers += [_conv(cin, w, 3), nn.ReLU(), _conv(w, w, 3), nn.ReLU(), nn.MaxPool2d(2)]
            cin = w
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(cin * (image // 2 ** len(widths)) ** 2, classes)

    def forward(self, x):
        return self.classifier(self.features(x).flatten(1))


class Attention(nn.Module):
    """Multi-head self-attention with a fused QKV projection (rank-5 tensors: batch, tokens, 3, heads, head dim)."""

    def __init__(self, hidden: int, heads: int, causal: bool):
        super().__init__()
        self.heads, self.causal = heads, causal
        self.qkv, self.out = nn.Linear(hidden, 3 * hidden), nn.Linear(hidden, hidden)

    def forward(self, x):
        b, s, h = x.shape
        qkv = self.qkv(x).reshape(b, s, 3, self.heads, h // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = q @ k.transpose(-2, -1) / math.sqrt(h // self.heads)
        if self.causal:  # built in the graph, so it becomes index arithmetic, not an input
            mask = torch.ones(s, s, dtype=torch.bool).triu(1)
            scores = scores.masked_fill(mask, float("-inf"))
        y = torch.softmax(scores, -1) @ v
        return self.out(y.transpose(1, 2).reshape(b, s, h))


class BertBlock(nn.Module):
    """BERT encoder block: post-norm attention and GELU feed-forward, each with a residual."""

    def __init__(self, hidden: int, heads: int):
        super().__init__()
        self.attn = Attention(hidden, heads, causal=False)
        self.norm1, self.norm2 = nn.LayerNorm(hidden), nn.LayerNorm(hidden)
        self.ffn = nn.Sequential(nn.Linear(hidden, 4 * hidden), nn.GELU(), nn.Linear(4 * hidden, hidden))

    def forward(self, x):
        x = self.norm1(x + self.attn(x))
        return self.norm2(x + self.ffn(x))


class GptBlock(nn.Module):
    """GPT decoder block: pre-norm causal attention and GELU MLP, each with a residual."""

    def __init__(self, hidden: int, heads: int):
        super().__init__()
        self.attn = Attention(hidden, heads, causal=True)
        self.norm1, self.norm2 = nn.LayerNorm(hidden), nn.LayerNorm(hidden)
        self.mlp = nn.Sequential(nn.Linear(hidden, 4 * hidden), nn.GELU(approximate="tanh"),
                                 nn.Linear(4 * hidden, hidden))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


def mlp(hidden: int = 256) -> tuple[nn.Module, tuple[int, ...]]:
    """A 3-layer MLP on one vector."""
    return nn.Sequential(nn.Linear(hidden, 2 * hidden), nn.ReLU(), nn.Linear(2 * hidden, hidden), nn.ReLU(),
                         nn.Linear(hidden, 10)), (1, hidden)


def resnet18(image: int = 64) -> tuple[nn.Module, tuple[int, ...]]:
    """ResNet-18 on a 1x3xIxI image."""
    return ResNet18(), (1, 3, image, image)


def mobilenetv2(image: int = 112) -> tuple[nn.Module, tuple[int, ...]]:
    """The first MobileNetV2 stages on a 1x3xIxI image."""
    return MobileNetV2(), (1, 3, image, image)


def vgg(image: int = 64) -> tuple[nn.Module, tuple[int, ...]]:
    """A VGG-style stack on a 1x3xIxI image."""
    return VGG(image), (1, 3, image, image)


def bert_block(seq: int = 64, hidden: int = 256, heads: int = 4) -> tuple[nn.Module, tuple[int, ...]]:
    """One BERT encoder block on 1 x seq x hidden hidden states."""
    return BertBlock(hidden, heads), (1, seq, hidden)


def gpt_block(seq: int = 64, hidden: int = 256, heads: int = 4) -> tuple[nn.Module, tuple[int, ...]]:
    """One GPT decoder block on 1 x seq x hidden hidden states."""
    return GptBlock(hidden, heads), (1, seq, hidden)


# name -> (factory, which size options it takes); a factory returns (module, input shape).
MODELS = {
    "mlp": (mlp, ("hidden",)),
    "resnet18": (resnet18, ("image",)),
    "mobilenetv2": (mobilenetv2, ("image",)),
    "vgg": (vgg, ("image",)),
    "bert_block": (bert_block, ("seq", "hidden", "heads")),
    "gpt_block": (gpt_block, ("seq", "hidden", "heads")),
}
