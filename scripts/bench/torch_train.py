#!/usr/bin/python3
"""PyTorch's training speed on the models of electron/bench/network-benchmark.ts, one thread.

Full-batch Adam steps per second (forward, backward, step, and the loss read back each step
as Gradscape records it) for MLP 2-16-16-1 (tanh, bce) on 1,000 spiral points and 784-128-10
(relu, cross_entropy) on 1,000 random samples. Prints JSON. Run with Debian's python3-torch:
  /usr/bin/python3 scripts/bench/torch_train.py [seconds per model, default 1.5]
"""
import json
import sys
import time

import torch
import torch.nn.functional as F

from torch_data import spiral

torch.set_num_threads(1)
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 1.5
WARM_UP_STEPS = 10



def mlp(sizes, activation):
    layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(fan_in, fan_out))
        if i < len(sizes) - 2:
            layers.append(activation())
    return torch.nn.Sequential(*layers)


def time_model(name, model, loss_fn, x, y):
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(WARM_UP_STEPS):
        step()
    steps = 0
    started = time.perf_counter()
    while time.perf_counter() - started < SECONDS:
        for _ in range(10):
            step()
        steps += 10
    return {'name': name, 'stepsPerSecond': steps / (time.perf_counter() - started), 'steps': steps}


torch.manual_seed(0)
x, y = spiral()
results = [
    time_model(
        '2-16-16-1 tanh bce, 1000 spiral points',
        mlp([2, 16, 16, 1], torch.nn.Tanh),
        lambda out, target: F.binary_cross_entropy_with_logits(out[:, 0], target),
        x,
        y,
    ),
    time_model(
        '784-128-10 relu cross_entropy, 1000 random samples',
        mlp([784, 128, 10], torch.nn.ReLU),
        F.cross_entropy,
        torch.rand(1000, 784),
        torch.randint(0, 10, (1000,)),
    ),
]
print(json.dumps({'torch': torch.__version__, 'threads': torch.get_num_threads(), 'results': results}))
