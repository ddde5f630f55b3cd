#!/usr/bin/python3
"""PyTorch's side of `gradscape bench`, one long-lived process so its start-up is never timed.

Reads one JSON request a line on stdin and answers each with one JSON line on stdout:
  {"train": name, "seconds": s}      -> {"rate": training steps per second over about s seconds}
  {"landscape": name, "seconds": s}  -> {"rate": naive grid points per second over about s seconds}
  {"matmul": true}                   -> {"gflops": a [1000, 784] x [784, 128] matMul's rate}
A model is built (and warmed up) at its first request and kept, so rounds alternate with
Gradscape's without rebuilding. Its first line says it is ready: {"torch": version, "threads": 1}.
Run with Debian's python3-torch: /usr/bin/python3 scripts/bench/torch_server.py
"""
import json
import sys
import time

import torch

from torch_landscape import grid_point_loops, matmul_gflops
from torch_train import training_steps

torch.set_num_threads(1)
BUILDERS = {'train': training_steps(), 'landscape': grid_point_loops()}
built = {}


def rate(work, seconds):
    """Calls of `work` per second, in batches so the clock is read rarely, for about `seconds`."""
    calls, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for _ in range(5):
            work()
        calls += 5
    return calls / (time.perf_counter() - started)


def answer(request):
    if request.get('matmul'):
        return {'gflops': matmul_gflops()}
    kind = 'train' if 'train' in request else 'landscape'
    key = (kind, request[kind])
    if key not in built:
        built[key] = BUILDERS[kind][request[kind]]()
    return {'rate': rate(built[key], request['seconds'])}


print(json.dumps({'torch': torch.__version__, 'threads': torch.get_num_threads()}), flush=True)
for line in sys.stdin:
    try:
        print(json.dumps(answer(json.loads(line))), flush=True)
    except Exception as error:  # the bench prints why and carries on without PyTorch's figure
        print(json.dumps({'error': repr(error)}), flush=True)
