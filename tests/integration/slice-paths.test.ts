import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RunHost } from '../../electron/host/run-host';
import { DEFAULT_SLICE_CHOICES, type SliceChoices } from '../../renderer/src/network/slice-choices';
import { MAIN_SLICE, type NetworkDraft } from '../../renderer/src/store/app-model';
import { useAppStore } from '../../renderer/src/store/app-store';
import { encodeMessage } from '../../shared/message-codec';
import type { Plane } from '../../shared/plane-projection';
import type { ClientMessage } from '../../shared/protocol';
import { connectStore, statusIs } from '../support/host-client';
import { assertBuilt, workerPath } from '../support/paths';

let host: RunHost;
beforeAll(assertBuilt);
afterEach(async () => host?.close());

const moons: NetworkDraft['mlp'] = {
  dataset: { name: 'moons', samples: 100, seed: 2 },
  hidden: [6],
  activation: 'tanh',
  loss: 'bce',
  testFraction: 0,
};

/** Each checkpoint's (α, β), interleaved, and distance from the plane, by the 2×2 normal equations. */
function leastSquaresPlacement(params: Float64Array, { center, d1, d2 }: Plane) {
  const n = center.length;
  const dot = (u: ArrayLike<number>, v: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += u[i]! * v[i]!;
    return sum;
  };
  const [g11, g12, g22] = [dot(d1, d1), dot(d1, d2), dot(d2, d2)];
  const coordinates: number[] = [];
  const distances: number[] = [];
  for (let k = 0; k < params.length / n; k++) {
    const offset = Array.from({ length: n }, (_, i) => params[k * n + i]! - center[i]!);
    // [g11 g12; g12 g22]·[α; β] = [d1·offset; d2·offset], by Gaussian elimination.
    const [r1, r2] = [dot(d1, offset), dot(d2, offset)];
    const beta = (r2 - (g12 / g11) * r1) / (g22 - (g12 / g11) * g12);
    const alpha = (r1 - g12 * beta) / g11;
    coordinates.push(alpha, beta);
    distances.push(Math.hypot(...offset.map((value, i) => value - alpha * d1[i]! - beta * d2[i]!)));
  }
  return { coordinates, distances };
}

/** Equal within 1e-6 of the largest expected magnitude: a coordinate near 0 carries its path's rounding. */
function expectCloseToScale(actual: Float64Array, expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  const tolerance = 1e-6 * Math.max(...expected.map(Math.abs));
  expected.forEach((value, k) => expect(Math.abs(actual[k]! - value)).toBeLessThanOrEqual(tolerance));
}

describe('finished runs’ paths on a slice the app shows', () => {
  it('are placed by the app at their least-squares point of the plane, and its grid request does not grow with their checkpoints', async () => {
    host = new RunHost({ workerPath, poolSize: 2, log: () => {} });
    const client = connectStore(host);
    const store = useAppStore.getState;
    store().setKind('network');
    store().updateNetwork({ mlp: moons });
    store().updateDraft({ steps: 40, pace: 0 });

    const train = async (seed: number): Promise<string> => {
      store().updateNetwork({ init: { scheme: 'glorot_uniform', seed } });
      store().startRun();
      const runId = store().runs.at(-1)!.id;
      await client.waitFor(statusIs(runId, 'completed'), 60_000);
      return runId;
    };
    const slice = async (runId: string, choices: SliceChoices) => {
      store().requestSlice(MAIN_SLICE, runId, choices);
      await vi.waitFor(() => expect(store().slices[MAIN_SLICE]!.status).toBe('complete'), {
        timeout: 60_000,
        interval: 20,
      });
      return store().slices[MAIN_SLICE]!;
    };
    const bytesOfLast = (type: ClientMessage['type']) =>
      encodeMessage(client.sent.filter((message) => message.type === type).at(-1)).byteLength;

    const a = await train(1);
    await slice(a, DEFAULT_SLICE_CHOICES);
    const [grid, plane] = [bytesOfLast('landscape'), bytesOfLast('slice-plane')];
    const b = await train(2);
    const shared = await slice(a, { ...DEFAULT_SLICE_CHOICES, directions: 'pca-all' });

    // The plane's request carries b's checkpoints as well now; the grid's request carries none.
    const [ofA, ofB] = [a, b].map((id) => store().runs.find((run) => run.id === id)!.checkpoints!);
    expect(bytesOfLast('slice-plane') - plane).toBeGreaterThanOrEqual(ofB!.params.byteLength);
    expect(bytesOfLast('landscape')).toBe(grid);

    // The store placed each checkpoint θ at the least-squares (α, β) of θ − center on (d1, d2), at
    // its distance from the plane: solved here from the normal equations, to the store's within 1e-6
    // of each path's largest value.
    expect(shared.runIds).toEqual([a, b]);
    [ofA!, ofB!].forEach(({ params }, r) => {
      const expected = leastSquaresPlacement(params, shared.plane!);
      expectCloseToScale(shared.paths![r]!.coordinates, expected.coordinates);
      expectCloseToScale(shared.paths![r]!.distances, expected.distances);
    });
    expect(shared.paths!.map((path) => path.distances.length)).toEqual([ofA!.steps.length, ofB!.steps.length]);
    // Run a's final point is the center, and the shared plane's grid covers both paths.
    expect(shared.paths![0]!.distances.at(-1)).toBeCloseTo(0, 9);
    const { alphas, betas } = shared.plane!;
    for (const { coordinates } of shared.paths!)
      coordinates.forEach((value, k) => {
        const axis = k % 2 ? betas : alphas;
        expect(value).toBeGreaterThanOrEqual(axis[0]!);
        expect(value).toBeLessThanOrEqual(axis.at(-1)!);
      });
  });
});
