import { describe, expect, it } from 'vitest';
import {
  describeNetwork,
  KernelMemory,
  KERNEL_ACTIVATIONS,
  KERNEL_LOSSES,
} from '../../../electron/engine/kernel/mlp-kernel';

/** One linear unit, y = w·x + b, over one row, through the kernel's forward pass. */
function linearUnit(w: number, x: number, b: number): number {
  const memory = new KernelMemory();
  const rowsPadded = 8;
  const [kernel, bias, input, output] = [1, 1, rowsPadded, rowsPadded].map((count) => memory.allocate(count));
  memory.floats(kernel!, 1)[0] = w;
  memory.floats(bias!, 1)[0] = b;
  memory.floats(input!, 1)[0] = x;
  const cfg = describeNetwork(memory, {
    activation: KERNEL_ACTIVATIONS.linear!,
    loss: KERNEL_LOSSES.mse,
    deltas: [0, 0],
    transposed: 0,
    layers: [
      {
        inputs: 1,
        outputs: 1,
        kernel: kernel!,
        bias: bias!,
        kernelGradient: 0,
        biasGradient: 0,
        output: output!,
        dropped: 0,
      },
    ],
  });
  memory.kernel.forward(cfg, input!, 1, rowsPadded, 0);
  return memory.floats(output!, 1)[0]!;
}

describe('the kernel’s products', () => {
  it('multiply and add with one rounding: Node 20 runs the relaxed-SIMD build, as PyTorch’s CPU products fuse them', () => {
    // (1 + 2^-12)² = 1 + 2^-11 + 2^-24: rounded alone, the product loses its 2^-24 (a tie, to even);
    // fused with the bias -1, the sum keeps it.
    const v = 1 + 2 ** -12;
    expect(linearUnit(v, v, -1)).toBe(2 ** -11 + 2 ** -24);
  });
});
