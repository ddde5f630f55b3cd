import * as tf from '@tensorflow/tfjs';
import { KernelMemory } from '../engine/kernel/mlp-kernel';

/** The rates the bench's floors and references are measured in, GFLOP/s on one core, this run. */
export interface FlopRates {
  /** The kernel's four-lane multiply-adds in registers (assembly/mlp.ts, multiplyAddPeak): no product of WASM SIMD on this core runs faster, so FLOPs at this rate are the floor. */
  kernelPeak: number;
  /** A plain 2-D matMul, [1000, 784] × [784, 128], in tfjs on its current backend: a reference. */
  tfjsMatMul: number;
}

export function measureFlopRates(): FlopRates {
  return { kernelPeak: measureKernelPeak(), tfjsMatMul: measureMatMul() };
}

function measureKernelPeak(): number {
  const { kernel } = new KernelMemory();
  // 96 FLOPs a round (twelve four-lane multiply-adds); the first call brings the optimised code.
  const rounds = 5_000_000;
  kernel.multiplyAddPeak(rounds);
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    kernel.multiplyAddPeak(rounds);
    best = Math.min(best, performance.now() - started);
  }
  return (96 * rounds) / (best / 1000) / 1e9;
}

function measureMatMul(): number {
  const [rows, inputs, outputs] = [1000, 784, 128];
  const [a, b] = [tf.randomUniform([rows, inputs]), tf.randomUniform([inputs, outputs])];
  const run = (): void => tf.tidy(() => void tf.matMul(a, b).dataSync());
  run();
  const repeats = 20;
  const started = performance.now();
  for (let i = 0; i < repeats; i++) run();
  const seconds = (performance.now() - started) / 1000;
  tf.dispose([a, b]);
  return (repeats * 2 * rows * inputs * outputs) / seconds / 1e9;
}
