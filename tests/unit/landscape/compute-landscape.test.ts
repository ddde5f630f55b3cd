import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { landscapeSpecSchema } from '../../../shared/spec/spec';
import { computeLandscape, type LandscapeRunInput } from '../../../electron/engine/landscape/compute-landscape';
import { InvalidInputError } from '../../../electron/engine/invalid-input';
import type { ResolvedNetworkProblem } from '../../../electron/engine/network/network-problem';
import { createNetworkRun, type NetworkRunRecord } from '../../../electron/engine/network/network-run';
import { denseLayerSlices } from '../../../electron/engine/network/param-layout';
import { problemOf, runSpec } from '../network/support';
import { relativeError } from '../../support/relative-error';
import { datasetOf } from '../network/support';

const moons = { dataset: { name: 'moons', samples: 120, seed: 3 }, hidden: [8], activation: 'tanh', loss: 'bce' };

async function train(
  problem: ResolvedNetworkProblem,
  name: string,
  run: Record<string, unknown>,
): Promise<LandscapeRunInput & { record: NetworkRunRecord }> {
  const engineRun = await createNetworkRun(
    problem,
    runSpec({ steps: 60, optimizer: { name: 'adam', lr: 0.05 }, ...run }),
  );
  engineRun.advance(Number.MAX_SAFE_INTEGER);
  return { name, record: engineRun.result() };
}

const spec = (fields: Record<string, unknown>) => landscapeSpecSchema.parse({ resolution: 9, ...fields });
const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((sum, x, i) => sum + x * b[i]!, 0);

describe('computeLandscape', async () => {
  const problem = await problemOf(moons);
  const adam = await train(problem, 'adam', {});
  const sgd = await train(problem, 'sgd', {
    optimizer: { name: 'sgd', lr: 0.5 },
    init: { scheme: 'glorot_uniform', seed: 9 },
  });

  it('pca: unit orthogonal directions, the path inside the grid, the final point at the center, the curve at the recorded losses', async () => {
    const tensors = tf.memory().numTensors;
    const { landscape, runs } = await computeLandscape(problem, spec({ directions: 'pca' }), [adam, sgd]);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(landscape.run).toBe('adam');
    expect(norm(landscape.d1)).toBeCloseTo(1, 12);
    expect(norm(landscape.d2)).toBeCloseTo(1, 12);
    expect(dot(landscape.d1, landscape.d2)).toBeCloseTo(0, 12);
    const [first, second] = landscape.explainedVariance!;
    expect(first).toBeGreaterThan(second);
    expect(first + second).toBeLessThanOrEqual(1 + 1e-12);
    expect(landscape.loss).toHaveLength(9);
    landscape.loss.forEach((row) => expect(row).toHaveLength(9));
    const { projection, planeDistance } = runs[0]!;
    expect(projection).toHaveLength(adam.record.checkpoints.steps.length);
    expect(projection.at(-1)![0]).toBeCloseTo(0, 9);
    expect(planeDistance.at(-1)).toBeCloseTo(0, 9);
    for (const [a, b] of projection) {
      expect(a).toBeGreaterThanOrEqual(landscape.alphas[0]!);
      expect(a).toBeLessThanOrEqual(landscape.alphas.at(-1)!);
      expect(b).toBeGreaterThanOrEqual(landscape.betas[0]!);
      expect(b).toBeLessThanOrEqual(landscape.betas.at(-1)!);
    }
    // The training forward pass recorded these losses; the curve comes from the plane evaluator.
    const { t, loss } = landscape.curve;
    expect(t).toHaveLength(17);
    expect([t[0], t[4], t[12], t[16]]).toEqual([-0.5, 0, 1, 1.5]);
    expect(relativeError(loss[4]!, adam.record.loss[0]!)).toBeLessThan(1e-5);
    expect(relativeError(loss[12]!, adam.record.loss.at(-1)!)).toBeLessThan(1e-5);
  });

  it('interpolation through two runs’ final points: they sit at (0, 0) and (1, 0), on the plane', async () => {
    const through = [{ run: 'adam' }, { run: 'sgd' }];
    const { landscape, runs } = await computeLandscape(problem, spec({ directions: 'interpolation', through }), [
      adam,
      sgd,
    ]);
    expect(landscape.through!.map((ref) => ref.point)).toEqual([
      [expect.closeTo(0, 9), expect.closeTo(0, 9)],
      [expect.closeTo(1, 9), expect.closeTo(0, 9)],
    ]);
    const scale = norm(landscape.d1);
    expect(runs[0]!.planeDistance.at(-1)! / scale).toBeLessThan(1e-6);
    expect(runs[1]!.planeDistance.at(-1)! / scale).toBeLessThan(1e-6);
    expect(landscape.alphas[0]).toBeLessThan(0);
    expect(landscape.alphas.at(-1)).toBeGreaterThan(1);
  });

  it('random: filter-normalised directions with zeroed biases, α and β in [−span, span]', async () => {
    const { landscape } = await computeLandscape(problem, spec({ directions: 'random', span: 0.5, seed: 4 }), [adam]);
    expect(landscape.biases).toBe('zero');
    expect(landscape.alphas[0]).toBe(-0.5);
    expect(landscape.betas.at(-1)).toBe(0.5);
    for (const { biasOffset, end } of denseLayerSlices(problem.sizes)) {
      expect(landscape.d1.slice(biasOffset, end).every((v) => v === 0)).toBe(true);
    }
  });

  it('refuses a checkpoint that was not recorded, naming the ones that were', async () => {
    const curve = { from: { run: 'adam', at: 61 }, to: { run: 'adam' } };
    await expect(computeLandscape(problem, spec({ curve }), [adam])).rejects.toThrow(InvalidInputError);
    await expect(computeLandscape(problem, spec({ curve }), [adam])).rejects.toThrow(
      /no checkpoint at step 61; its checkpoints are at steps 0, 1, 2, …, 60/,
    );
  });
});

describe('hessian directions, against PyTorch’s explicit Hessian (tests/fixtures/curvature.json)', () => {
  const { medium } = JSON.parse(readFileSync(new URL('../../fixtures/curvature.json', import.meta.url), 'utf8')) as {
    medium: {
      sizes: number[];
      activation: 'tanh';
      loss: 'bce';
      rows: number;
      x: number[];
      y: number[];
      params: number[];
      eigenvalues: [number, number];
    };
  };

  it('are the extreme eigenvectors, and the grid curves along each by its eigenvalue', async () => {
    const problem = { ...medium, train: datasetOf(medium) };
    const params = Float32Array.from(medium.params);
    const record = {
      initialParams: params,
      finalParams: params,
      checkpoints: { steps: [0], params: [params] },
    } as unknown as NetworkRunRecord;
    const { landscape } = await computeLandscape(problem, spec({ directions: 'hessian', resolution: 5, span: 0.05 }), [
      { name: 'at', record },
    ]);
    const [low, high] = medium.eigenvalues;
    expect(landscape.eigenvalues![0]).toBeCloseTo(low, 3);
    expect(landscape.eigenvalues![1]).toBeCloseTo(high, 3);
    // Second differences through the center along α (d1, the smallest) and β (d2, the largest).
    const h = landscape.alphas[3]! - landscape.alphas[2]!;
    const { loss } = landscape;
    expect((loss[2]![3]! - 2 * loss[2]![2]! + loss[2]![1]!) / h ** 2).toBeCloseTo(low, 1);
    expect((loss[3]![2]! - 2 * loss[2]![2]! + loss[1]![2]!) / h ** 2).toBeCloseTo(high, 1);
  });
});
