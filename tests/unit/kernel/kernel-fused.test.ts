import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeNetwork,
  KernelMemory,
  KERNEL_ACTIVATIONS,
  KERNEL_LOSSES,
  type KernelBuild,
} from '../../../electron/engine/kernel/mlp-kernel';
import { createRandom } from '../../../shared/random';

/** One linear unit, y = w·x + b, over one row, through a build's forward pass. */
function linearUnit(build: KernelBuild, w: number, x: number, b: number): number {
  const memory = new KernelMemory(build);
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

/** The loss and the flat gradient of a tanh/cross-entropy MLP on seeded data, through one build. */
function lossAndGradient(build: KernelBuild, sizes: number[], rows: number): { loss: number; gradient: Float32Array } {
  const memory = new KernelMemory(build);
  const random = createRandom(7);
  const rowsPadded = Math.ceil(rows / 8) * 8;
  const widest = Math.max(...sizes);
  const count = sizes.slice(1).reduce((sum, outs, l) => sum + (sizes[l]! + 1) * outs, 0);
  const [params, gradient] = [memory.allocate(count), memory.allocate(count)];
  memory.floats(params, count).set(Float32Array.from({ length: count }, () => random.uniform() - 0.5));
  let offset = 0;
  const layers = sizes.slice(1).map((outputs, l) => {
    const inputs = sizes[l]!;
    const [kernel, bias] = [params + 4 * offset, params + 4 * (offset + inputs * outputs)];
    const [kernelGradient, biasGradient] = [gradient + 4 * offset, gradient + 4 * (offset + inputs * outputs)];
    offset += (inputs + 1) * outputs;
    return {
      inputs,
      outputs,
      kernel,
      bias,
      kernelGradient,
      biasGradient,
      output: memory.allocate(outputs * rowsPadded),
      dropped: 0,
    };
  });
  const x = memory.allocate(sizes[0]! * rowsPadded);
  const target = memory.allocate(rowsPadded);
  const features = memory.floats(x, sizes[0]! * rowsPadded);
  for (let f = 0; f < sizes[0]!; f++)
    for (let r = 0; r < rows; r++) features[f * rowsPadded + r] = 4 * random.uniform() - 2;
  const classes = sizes.at(-1)!;
  memory.floats(target, rows).set(Float32Array.from({ length: rows }, () => random.int(classes)));
  const cfg = describeNetwork(memory, {
    activation: KERNEL_ACTIVATIONS.tanh!,
    loss: KERNEL_LOSSES.cross_entropy,
    deltas: [memory.allocate(widest * rowsPadded), memory.allocate(widest * rowsPadded)],
    transposed: memory.allocate(widest * widest),
    layers,
  });
  memory.kernel.forward(cfg, x, rows, rowsPadded, 0);
  const loss = memory.kernel.loss(cfg, target, rows, rowsPadded, 1);
  memory.kernel.backward(cfg, x, rows, rowsPadded, 0);
  return { loss, gradient: memory.floats(gradient, count).slice() };
}

/** Relaxed SIMD's multiply-add is fused only where the CPU has FMA: every arm64, x64 with FMA3. */
const cpuFuses =
  process.arch === 'arm64' ||
  (existsSync('/proc/cpuinfo') && /^flags\s*:.*\bfma\b/m.test(readFileSync('/proc/cpuinfo', 'utf8')));

describe('the kernel’s two builds', () => {
  // (1 + 2^-12)² = 1 + 2^-11 + 2^-24: rounded alone, the product loses its 2^-24 (a tie, to even);
  // fused with the bias -1, the sum keeps it.
  const v = 1 + 2 ** -12;

  it.skipIf(!cpuFuses)('the fused build multiplies and adds with one rounding, as PyTorch’s CPU products do', () => {
    expect(linearUnit('fused', v, v, -1)).toBe(2 ** -11 + 2 ** -24);
  });

  it('the plain build rounds the product first', () => {
    expect(linearUnit('plain', v, v, -1)).toBe(2 ** -11);
  });

  it('agree on a network’s loss and gradient to float32 rounding', () => {
    // Measured: the losses 5e-9 apart relatively, the gradients 9e-8 of the largest component.
    const fused = lossAndGradient('fused', [5, 24, 17, 3], 203);
    const plain = lossAndGradient('plain', [5, 24, 17, 3], 203);
    expect(Math.abs(fused.loss - plain.loss)).toBeLessThan(1e-6 * Math.abs(plain.loss));
    const scale = Math.max(...plain.gradient.map(Math.abs));
    let worst = 0;
    plain.gradient.forEach((g, i) => (worst = Math.max(worst, Math.abs(fused.gradient[i]! - g))));
    expect(worst).toBeLessThan(1e-5 * scale);
    // Not the same floats: the fused build really ran.
    if (cpuFuses) expect(fused.gradient).not.toEqual(plain.gradient);
  });
});
