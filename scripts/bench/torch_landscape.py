#!/usr/bin/python3
"""PyTorch's naive loss-landscape loop on the models of electron/bench/landscape-benchmark.ts.

For each grid point of a 41 x 41 slice, the weights center + alpha*d1 + beta*d2 and one whole
forward pass over 1,000 samples (torch.no_grad, one thread): what loss-landscape tools do. Times
`points` grid points (whole rows) and reports milliseconds per point; also a plain 2-D matMul's
FLOP/s, this CPU's native rate. Prints JSON. Run with Debian's python3-torch:
  /usr/bin/python3 scripts/bench/torch_landscape.py [points, default 205]
"""
import json
import sys
import time

import torch
import torch.nn.functional as F

from torch_data import spiral

torch.set_num_threads(1)
POINTS = int(sys.argv[1]) if len(sys.argv) > 1 else 205
RESOLUTION = 41



def flat_layers(sizes):
    return [(fan_in * fan_out, fan_out, fan_in) for fan_in, fan_out in zip(sizes[:-1], sizes[1:])]


def naive_ms_per_point(sizes, activation, loss_fn, x, y):
    generator = torch.Generator().manual_seed(2)
    count = sum(k + b for k, b, _ in flat_layers(sizes))
    center, d1, d2 = (torch.randn(count, generator=generator) * 0.1 for _ in range(3))
    axis = torch.linspace(-1, 1, RESOLUTION).tolist()
    grid = [(a, b) for b in axis for a in axis][:POINTS]

    def loss_at(a, b):
        params = center + a * d1 + b * d2
        h, offset = x, 0
        for layer, (kernel, bias, fan_in) in enumerate(flat_layers(sizes)):
            h = h @ params[offset:offset + kernel].view(fan_in, -1) + params[offset + kernel:offset + kernel + bias]
            offset += kernel + bias
            if layer < len(sizes) - 2:
                h = activation(h)
        return loss_fn(h, y).item()

    with torch.no_grad():
        for a, b in grid[:5]:
            loss_at(a, b)
        started = time.perf_counter()
        for a, b in grid:
            loss_at(a, b)
        return 1000 * (time.perf_counter() - started) / len(grid)


def matmul_gflops():
    a, b = torch.rand(1000, 784), torch.rand(784, 128)
    a @ b
    repeats, started = 50, time.perf_counter()
    for _ in range(repeats):
        a @ b
    return repeats * 2 * 1000 * 784 * 128 / (time.perf_counter() - started) / 1e9


torch.manual_seed(0)
x, y = spiral()
results = [
    {
        'name': '2-16-16-1 tanh bce',
        'msPerPoint': naive_ms_per_point([2, 16, 16, 1], torch.tanh, lambda out, target: F.binary_cross_entropy_with_logits(out[:, 0], target), x, y),
    },
    {
        'name': '784-128-10 relu cross_entropy',
        'msPerPoint': naive_ms_per_point([784, 128, 10], torch.relu, F.cross_entropy, torch.rand(1000, 784), torch.randint(0, 10, (1000,))),
    },
]
print(json.dumps({'torch': torch.__version__, 'threads': torch.get_num_threads(), 'points': POINTS, 'matMulGflops': matmul_gflops(), 'results': results}))
