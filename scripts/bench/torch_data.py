"""The benchmarks' data in PyTorch, as Gradscape generates it (shared by the bench scripts)."""
import math

import torch


def spiral(samples=1000, noise=0.05):
    """Gradscape's spiral: two arms of 1.75 turns, radius 0 to 1, Gaussian noise."""
    generator = torch.Generator().manual_seed(1)
    first = samples // 2
    label = torch.cat([torch.zeros(first), torch.ones(samples - first)])
    index = torch.cat([torch.arange(first) / first, torch.arange(samples - first) / (samples - first)])
    angle = 1.75 * 2 * math.pi * index + label * math.pi
    x = torch.stack([index * torch.sin(angle), index * torch.cos(angle)], 1)
    return x + noise * torch.randn(samples, 2, generator=generator), label
