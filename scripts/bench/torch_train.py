"""PyTorch's training step on the models of electron/bench/bench-models.ts, one thread.

A full-batch Adam step (forward, backward, step, and the loss read back as Gradscape records it)
for MLP 2-16-16-1 (tanh, bce) on 1,000 spiral points and 784-128-10 (relu, cross_entropy) on
1,000 random samples. torch_server.py times it in rounds.
"""
import torch
import torch.nn.functional as F

from torch_data import spiral

WARM_UP_STEPS = 10


def mlp(sizes, activation):
    layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(fan_in, fan_out))
        if i < len(sizes) - 2:
            layers.append(activation())
    return torch.nn.Sequential(*layers)


def training_step(model, loss_fn, x, y):
    """One model's step, warmed up; the model and Adam's state carry over between rounds."""
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(WARM_UP_STEPS):
        step()
    return step


def training_steps():
    """The benchmark's models in its order, keyed by the names the TypeScript side prints."""
    torch.manual_seed(0)
    x, y = spiral()
    return {
        '2-16-16-1 tanh bce, 1000 spiral points': lambda: training_step(
            mlp([2, 16, 16, 1], torch.nn.Tanh),
            lambda out, target: F.binary_cross_entropy_with_logits(out[:, 0], target),
            x,
            y,
        ),
        '784-128-10 relu cross_entropy, 1000 random samples': lambda: training_step(
            mlp([784, 128, 10], torch.nn.ReLU), F.cross_entropy, torch.rand(1000, 784), torch.randint(0, 10, (1000,))
        ),
    }
