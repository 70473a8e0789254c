"""Models a user might bring, as `nn_to_mlir.py --module` takes them: factories returning an nn.Module in eval mode.
None of them is in the bundled datasets, so the shipped policy never trained on their shapes.

    .venv/bin/python data_generation/nn_to_mlir.py --module data_generation.example_user_models:convnext_block \
        --input-shape 1,96,28,28 --out /tmp/convnext --check
    .venv/bin/python bin/optimize.py /tmp/convnext/convnext_block.mlir --out /tmp/convnext_opt

Input shapes: convnext_block 1,96,28,28; mbconv_se 1,32,28,28; llama_mlp 1,32,256.
"""

import torch
from torch import nn


class ConvNeXtBlock(nn.Module):
    """ConvNeXt's block: a 7x7 depthwise conv, LayerNorm over channels (channels-last), a 4x MLP with GELU, a
    per-channel layer scale and the residual."""

    def __init__(self, channels: int = 96):
        super().__init__()
        self.dw = nn.Conv2d(channels, channels, 7, padding=3, groups=channels)
        self.norm = nn.LayerNorm(channels)
        self.fc1, self.fc2 = nn.Linear(channels, 4 * channels), nn.Linear(4 * channels, channels)
        self.act = nn.GELU()
        self.gamma = nn.Parameter(torch.full((channels,), 1e-6))

    def forward(self, x):
        y = self.dw(x).permute(0, 2, 3, 1)
        y = self.fc2(self.act(self.fc1(self.norm(y)))) * self.gamma
        return x + y.permute(0, 3, 1, 2)


class MBConvSE(nn.Module):
    """EfficientNet's inverted bottleneck: 1x1 expansion, 3x3 depthwise conv, squeeze-and-excitation (global average
    pool, two 1x1 convs, sigmoid gate), 1x1 projection, BatchNorm and SiLU, and the residual."""

    def __init__(self, channels: int = 32, expansion: int = 4):
        super().__init__()
        hidden = channels * expansion
        self.expand = nn.Sequential(nn.Conv2d(channels, hidden, 1, bias=False), nn.BatchNorm2d(hidden), nn.SiLU())
        self.dw = nn.Sequential(nn.Conv2d(hidden, hidden, 3, padding=1, groups=hidden, bias=False),
                                nn.BatchNorm2d(hidden), nn.SiLU())
        self.se = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(hidden, channels // 4, 1), nn.SiLU(),
                                nn.Conv2d(channels // 4, hidden, 1), nn.Sigmoid())
        self.project = nn.Sequential(nn.Conv2d(hidden, channels, 1, bias=False), nn.BatchNorm2d(channels))

    def forward(self, x):
        y = self.dw(self.expand(x))
        return x + self.project(y * self.se(y))


class LlamaMLP(nn.Module):
    """LLaMA's feed-forward half-block: RMSNorm, a SwiGLU MLP (silu(x W1) * x W3, then W2; 688 hidden units, not a
    power of two) and the residual."""

    def __init__(self, dim: int = 256, hidden: int = 688):
        super().__init__()
        self.w1, self.w3 = nn.Linear(dim, hidden, bias=False), nn.Linear(dim, hidden, bias=False)
        self.w2 = nn.Linear(hidden, dim, bias=False)
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        n = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6) * self.weight
        return x + self.w2(nn.functional.silu(self.w1(n)) * self.w3(n))


def convnext_block() -> nn.Module:
    return ConvNeXtBlock().eval()


def mbconv_se() -> nn.Module:
    return MBConvSE().eval()


def llama_mlp() -> nn.Module:
    return LlamaMLP().eval()
