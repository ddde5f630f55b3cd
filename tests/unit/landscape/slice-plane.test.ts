import { describe, expect, it } from 'vitest';
import { clientMessageSchema, type ParsedSlicePlaneRequest } from '../../../shared/protocol';
import { joinVectors } from '../../../shared/schemas/checkpoints';
import { answerSlicePlane } from '../../../electron/engine/landscape/slice-plane-request';
import { projectOntoPlane } from '../../../shared/plane-projection';
import { createNetworkRun, type NetworkRunRecord } from '../../../electron/engine/network/network-run';
import { problemOf, runSpec } from '../network/support';
import { relativeError } from '../../support/relative-error';

const moons = { dataset: { name: 'moons', samples: 120, seed: 3 }, hidden: [8], activation: 'tanh', loss: 'bce' };

async function train(run: Record<string, unknown>): Promise<NetworkRunRecord> {
  const engineRun = await createNetworkRun(
    await problemOf(moons),
    runSpec({ steps: 60, optimizer: { name: 'adam', lr: 0.05 }, ...run }),
  );
  engineRun.advance(Number.MAX_SAFE_INTEGER);
  return engineRun.result();
}

/** A run as the app sends it: its checkpoints, one vector after another. */
const planeRun = (name: string, record: NetworkRunRecord) => ({
  name,
  checkpoints: { params: joinVectors(record.checkpoints.params), steps: Float64Array.from(record.checkpoints.steps) },
});

const request = (landscape: Record<string, unknown>, runs: Record<string, NetworkRunRecord>): ParsedSlicePlaneRequest =>
  clientMessageSchema.parse({
    type: 'slice-plane',
    requestId: 'plane',
    problem: { mlp: moons },
    landscape: { resolution: 9, ...landscape },
    runs: Object.entries(runs).map(([name, record]) => planeRun(name, record)),
  }) as ParsedSlicePlaneRequest;

const meanDistance = (record: NetworkRunRecord, plane: Parameters<typeof projectOntoPlane>[1]) => {
  const { distances } = projectOntoPlane(record.checkpoints.params, plane);
  return distances.reduce((sum, d) => sum + d, 0) / distances.length;
};

describe('the plane of a slice the app asks for', async () => {
  const adam = await train({});
  const sgd = await train({ optimizer: { name: 'sgd', lr: 0.5 }, init: { scheme: 'glorot_uniform', seed: 9 } });
  const rms = await train({ optimizer: { name: 'rmsprop', lr: 0.02 }, init: { scheme: 'he_normal', seed: 5 } });

  it('pca of every run’s path: each share is the variance of all checkpoints along its direction, together at most 1, and the other run lies nearer than to one run’s plane', async () => {
    const all = await answerSlicePlane(request({ directions: 'pca', pcaOf: 'all', run: 'adam' }, { adam, sgd }));
    const own = await answerSlicePlane(request({ directions: 'pca', run: 'adam' }, { adam, sgd }));
    const [first, second] = all.explainedVariance!;
    expect(first + second).toBeLessThanOrEqual(1 + 1e-12);
    expect(first).toBeGreaterThanOrEqual(second);
    // The share, from its definition: variance of the pooled checkpoints along d over their total variance.
    const points = [...adam.checkpoints.params, ...sgd.checkpoints.params];
    const size = adam.finalParams.length;
    const mean = Float64Array.from(
      { length: size },
      (_, i) => points.reduce((sum, p) => sum + p[i]!, 0) / points.length,
    );
    let total = 0;
    const along = [0, 0];
    for (const p of points) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < size; i++) {
        const offset = p[i]! - mean[i]!;
        total += offset ** 2;
        a += offset * all.d1[i]!;
        b += offset * all.d2[i]!;
      }
      along[0] += a ** 2;
      along[1] += b ** 2;
    }
    expect(relativeError(first, along[0]! / total)).toBeLessThan(1e-6);
    expect(relativeError(second, along[1]! / total)).toBeLessThan(1e-6);
    expect(meanDistance(sgd, all)).toBeLessThan(meanDistance(sgd, own));
    // The grid covers both paths.
    for (const record of [adam, sgd]) {
      for (const [a, b] of projectOntoPlane(record.checkpoints.params, all).coordinates) {
        expect(a).toBeGreaterThanOrEqual(all.alphas[0]!);
        expect(a).toBeLessThanOrEqual(all.alphas.at(-1)!);
        expect(b).toBeGreaterThanOrEqual(all.betas[0]!);
        expect(b).toBeLessThanOrEqual(all.betas.at(-1)!);
      }
    }
  });

  it('through three runs’ final points: the plane holds all three, at the positions it reports', async () => {
    const through = [{ run: 'adam' }, { run: 'sgd' }, { run: 'rms' }];
    const plane = await answerSlicePlane(request({ directions: 'interpolation', through }, { adam, sgd, rms }));
    const finals = [adam, sgd, rms].map((record) => record.finalParams);
    const { coordinates, distances } = projectOntoPlane(finals, plane);
    const scale = Math.hypot(...plane.d1);
    distances.forEach((distance) => expect(distance / scale).toBeLessThan(1e-6));
    expect(plane.through!.map(({ run, at }) => [run, at])).toEqual([
      ['adam', 'final'],
      ['sgd', 'final'],
      ['rms', 'final'],
    ]);
    plane.through!.forEach(({ point }, k) => {
      expect(point[0]).toBeCloseTo(coordinates[k]![0], 9);
      expect(point[1]).toBeCloseTo(coordinates[k]![1], 9);
    });
    expect(coordinates[0]).toEqual([expect.closeTo(0, 9), expect.closeTo(0, 9)]);
    expect(coordinates[1]).toEqual([expect.closeTo(1, 9), expect.closeTo(0, 9)]);
  });

  it('hessian: the eigenvalues the run’s own curvature timeline found at its final point', async () => {
    const last = adam.curvature.steps.indexOf(adam.checkpoints.steps.at(-1)!);
    expect(last).toBeGreaterThan(0);
    const plane = await answerSlicePlane(request({ directions: 'hessian', run: 'adam', span: 0.1 }, { adam }));
    const [low, high] = adam.curvature.eigenvalues[last]!;
    // The timeline's Lanczos stops at 1e-3 of the spectrum's spread.
    const spread = Math.max(Math.abs(low), Math.abs(high));
    expect(Math.abs(plane.eigenvalues![0] - low)).toBeLessThan(2e-3 * spread);
    expect(Math.abs(plane.eigenvalues![1] - high)).toBeLessThan(2e-3 * spread);
    expect(Array.from(plane.alphas)).toEqual(Array.from({ length: 9 }, (_, i) => expect.closeTo(-0.1 + 0.025 * i, 12)));
  });

  it('refuses checkpoints that do not fit the network, naming the run and both sizes', async () => {
    const wrong = clientMessageSchema.parse({
      type: 'slice-plane',
      requestId: 'plane',
      problem: { mlp: { ...moons, hidden: [4] } },
      landscape: { directions: 'random' },
      runs: [planeRun('adam', adam)],
    }) as ParsedSlicePlaneRequest;
    await expect(answerSlicePlane(wrong)).rejects.toThrow(
      'runs[0].checkpoints.params: holds vectors of 33 parameters; this network has 17',
    );
  });
});
