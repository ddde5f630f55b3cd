import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createGridEvaluator } from '../../../electron/engine/landscape/grid-evaluator';
import { KernelPlaneEvaluator, kernelCoversPlane } from '../../../electron/engine/landscape/kernel-plane-evaluator';
import { useTensorBackend, type TensorBackend } from '../../../electron/engine/network/tensor-backend';
import { relativeError } from '../../support/relative-error';
import { datasetOf } from '../network/support';
import { fixture } from './fixture';

type GridCase = (typeof fixture.grids)[number];

/** The worst relative error of our grid against PyTorch's float64 forward passes. */
async function worstGridError(c: GridCase, backend: TensorBackend, kernel = false): Promise<number> {
  expect(await useTensorBackend(backend)).toBe(backend);
  const tensors = tf.memory().numTensors;
  const evaluator = createGridEvaluator(
    c,
    datasetOf(c),
    { center: Float32Array.from(c.center), d1: c.d1, d2: c.d2 },
    { kernel },
  );
  expect(evaluator instanceof KernelPlaneEvaluator).toBe(kernel && kernelCoversPlane(c));
  const alphas = c.betas.flatMap(() => c.alphas);
  const betas = c.betas.flatMap((beta) => c.alphas.map(() => beta));
  const out = new Float64Array(alphas.length);
  evaluator.evaluate(alphas, betas, out);
  evaluator.dispose();
  expect(tf.memory().numTensors).toBe(tensors);
  return Math.max(...c.loss_grid.flat().map((expected, k) => relativeError(out[k]!, expected)));
}

// Measured: at most 2e-6 (float32 against float64, tanh as 2σ(2z) − 1 included); 1e-4 is the requirement.
describe(`landscape grids match PyTorch ${fixture.torch} forward passes in float64`, () => {
  it.each(fixture.grids.map((c) => [c.name, c] as const))('%s (WASM)', async (_, c) => {
    expect(await worstGridError(c, 'wasm')).toBeLessThan(1e-4);
  });

  it.each(fixture.grids.filter(kernelCoversPlane).map((c) => [c.name, c] as const))(
    '%s (WASM kernel)',
    async (_, c) => {
      expect(await worstGridError(c, 'wasm', true)).toBeLessThan(1e-4);
    },
  );

  it.each(fixture.grids.slice(0, 3).map((c) => [c.name, c] as const))('%s (CPU fallback)', async (_, c) => {
    expect(await worstGridError(c, 'cpu')).toBeLessThan(1e-4);
  });
});
