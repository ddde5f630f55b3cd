"""PyTorch's naive loss-landscape loop on the models of electron/bench/bench-models.ts.

For each grid point of a 41 x 41 slice, the weights center + alpha*d1 + beta*d2 and one whole
forward pass over 1,000 samples (torch.no_grad, one thread): what loss-landscape tools do.
torch_server.py times it in rounds, a point each call; also a plain 2-D matMul's FLOP/s, this
CPU's native rate.
"""
import time

import torch
import torch.nn.functional as F

from torch_data import spiral

RESOLUTION = 41


def flat_layers(sizes):
    return [(fan_in * fan_out, fan_out, fan_in) for fan_in, fan_out in zip(sizes[:-1], sizes[1:])]


def grid_point_loop(sizes, activation, loss_fn, x, y):
    """A function evaluating the grid's next point (cycling over the grid), warmed up."""
    generator = torch.Generator().manual_seed(2)
    count = sum(k + b for k, b, _ in flat_layers(sizes))
    center, d1, d2 = (torch.randn(count, generator=generator) * 0.1 for _ in range(3))
    axis = torch.linspace(-1, 1, RESOLUTION).tolist()
    grid = [(a, b) for b in axis for a in axis]
    cursor = 0

    def next_point():
        nonlocal cursor
        a, b = grid[cursor]
        cursor = (cursor + 1) % len(grid)
        with torch.no_grad():
            params = center + a * d1 + b * d2
            h, offset = x, 0
            for layer, (kernel, bias, fan_in) in enumerate(flat_layers(sizes)):
                h = h @ params[offset:offset + kernel].view(fan_in, -1) + params[offset + kernel:offset + kernel + bias]
                offset += kernel + bias
                if layer < len(sizes) - 2:
                    h = activation(h)
            return loss_fn(h, y).item()

    for _ in range(5):
        next_point()
    return next_point


def grid_point_loops():
    """The benchmark's models in its order, keyed by the names the TypeScript side prints."""
    torch.manual_seed(0)
    x, y = spiral()
    return {
        '2-16-16-1 tanh bce, 1000 spiral points': lambda: grid_point_loop(
            [2, 16, 16, 1], torch.tanh, lambda out, target: F.binary_cross_entropy_with_logits(out[:, 0], target), x, y
        ),
        '784-128-10 relu cross_entropy, 1000 random samples': lambda: grid_point_loop(
            [784, 128, 10], torch.relu, F.cross_entropy, torch.rand(1000, 784), torch.randint(0, 10, (1000,))
        ),
    }


def matmul_gflops():
    a, b = torch.rand(1000, 784), torch.rand(784, 128)
    a @ b
    repeats, started = 50, time.perf_counter()
    for _ in range(repeats):
        a @ b
    return repeats * 2 * 1000 * 784 * 128 / (time.perf_counter() - started) / 1e9
