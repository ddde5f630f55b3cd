import { describe, expect, it } from 'vitest';
import { createNetworkRun, type NetworkFrameBatch } from '../../../electron/engine/network/network-run';
import { relativeError } from '../../support/relative-error';
import { problemOf, runSpec } from './support';

const moons = { dataset: { name: 'moons', samples: 120, seed: 2 }, hidden: [8, 6], activation: 'tanh', loss: 'bce' };

/** Each optimizer with options that exercise its branches; lrs small enough that no run diverges. */
const OPTIMIZERS: Record<string, unknown>[] = [
  { name: 'sgd', lr: 0.1 },
  { name: 'sgd', lr: 0.05, momentum: 0.9, dampening: 0.1, weightDecay: 0.01 },
  { name: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true },
  { name: 'adam', lr: 0.01 },
  { name: 'adam', lr: 0.01, weightDecay: 0.01, amsgrad: true },
  { name: 'adamw', lr: 0.01, amsgrad: true },
  { name: 'rmsprop', lr: 0.005 },
  { name: 'rmsprop', lr: 0.002, momentum: 0.5, centered: true, weightDecay: 0.01 },
  { name: 'adagrad', lr: 0.05, lrDecay: 0.01, initialAccumulatorValue: 0.1, weightDecay: 0.01 },
  { name: 'adadelta', lr: 1, weightDecay: 0.01 },
  { name: 'adamax', lr: 0.01, weightDecay: 0.01 },
  { name: 'nadam', lr: 0.01, weightDecay: 0.01 },
  { name: 'radam', lr: 0.01, weightDecay: 0.01 },
  { name: 'lion', lr: 0.001, weightDecay: 0.1 },
];

/** What else a step may do: penalties, clipping, a schedule, minibatches with dropout and a test split. */
const SETTINGS: { label: string; mlp: Record<string, unknown>; run: Record<string, unknown> }[] = [
  { label: 'full batch', mlp: moons, run: {} },
  {
    label: 'l1, l2, clipping, cosine schedule',
    mlp: moons,
    run: { l1: 1e-3, l2: 1e-3, clipNorm: 0.05, schedule: { name: 'cosine', tMax: 120 } },
  },
  {
    label: 'minibatches, dropout, test split',
    mlp: { ...moons, testFraction: 0.25, activation: 'relu' },
    run: { batchSize: 32, dropout: 0.2 },
  },
];

const STEPS = 120;

async function train(mlp: Record<string, unknown>, run: Record<string, unknown>, fused: boolean) {
  const engineRun = await createNetworkRun(await problemOf(mlp), runSpec({ steps: STEPS, ...run }), { fused });
  const frames: NetworkFrameBatch[] = [];
  while (engineRun.status === 'running') frames.push(engineRun.advance(25));
  const result = engineRun.result();
  const updateNorms = frames.flatMap((frame) => Array.from(frame.layerUpdateNorms));
  return { result, updateNorms };
}

function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let largest = 0;
  for (let i = 0; i < a.length; i++) largest = Math.max(largest, relativeError(a[i]!, b[i]!));
  return largest;
}

// The fused step (one kernel call, optimizer in WASM) against the kernel's gradient with the JS
// optimizer: same float32 gradients, float64 optimizer state on both sides.
describe.each(SETTINGS)('the fused kernel step matches the kernel gradient + JS optimizer ($label)', ({ mlp, run }) => {
  it.each(OPTIMIZERS.map((optimizer) => [JSON.stringify(optimizer), optimizer] as const))(
    '%s',
    async (_, optimizer) => {
      const fused = await train(mlp, { ...run, optimizer }, true);
      const split = await train(mlp, { ...run, optimizer }, false);
      expect(fused.result.backend).toBe('kernel');
      expect(fused.result.status).toBe('completed');
      expect(split.result.status).toBe('completed');
      expect(worst(fused.result.finalParams, split.result.finalParams)).toBeLessThan(1e-5);
      expect(worst(fused.result.loss, split.result.loss)).toBeLessThan(1e-5);
      expect(worst(fused.result.testLoss ?? [], split.result.testLoss ?? [])).toBeLessThan(1e-5);
      expect(worst(fused.result.gradNorm, split.result.gradNorm)).toBeLessThan(1e-5);
      expect(worst(fused.result.layerGradNorms.flat(), split.result.layerGradNorms.flat())).toBeLessThan(1e-5);
      expect(worst(fused.updateNorms, split.updateNorms)).toBeLessThan(1e-5);
      expect(worst(fused.result.lr, split.result.lr)).toBe(0);
      // Both paths trained: agreement is not two runs standing still.
      expect(worst(fused.result.finalParams, fused.result.initialParams)).toBeGreaterThan(1e-3);
    },
  );
});
