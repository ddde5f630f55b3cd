import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RunHost } from '../../electron/host/run-host';
import { DEFAULT_SLICE_CHOICES, type SliceChoices } from '../../renderer/src/network/slice-choices';
import { MAIN_SLICE, type NetworkDraft } from '../../renderer/src/store/app-model';
import { useAppStore } from '../../renderer/src/store/app-store';
import { encodeMessage } from '../../shared/message-codec';
import { projectPaths } from '../../shared/plane-projection';
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

describe('finished runs’ paths on a slice the app shows', () => {
  it('are placed by the app where the host placed them, and its grid request does not grow with their checkpoints', async () => {
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

    // The host placed the checkpoints it was sent with projectPaths on the request's plane: the same numbers.
    expect(shared.runIds).toEqual([a, b]);
    expect(shared.paths).toEqual(projectPaths([ofA!.params, ofB!.params], shared.plane!));
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
