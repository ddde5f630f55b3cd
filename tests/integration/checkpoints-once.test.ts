import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RunHost } from '../../electron/host/run-host';
import { useAppStore } from '../../renderer/src/store/app-store';
import { connectStore, statusIs } from '../support/host-client';
import { assertBuilt, workerPath } from '../support/paths';

let host: RunHost;
beforeAll(assertBuilt);
afterEach(async () => host?.close());

const STEPS = 60;

/** Bytes of every `params` array a message holds, at any depth: each is parameter vectors of checkpoints. */
function paramsBytes(value: unknown): number {
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return 0;
  return Object.entries(value).reduce(
    (sum, [key, field]) =>
      sum + (key === 'params' && ArrayBuffer.isView(field) ? field.byteLength : paramsBytes(field)),
    0,
  );
}

describe('a network run’s checkpoints, from the worker to the store', () => {
  it('cross once each, and the store joins its frames’ checkpoints with the completion’s curvature', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const { received, waitFor } = connectStore(host);
    const store = useAppStore.getState;
    store().setKind('network');
    store().updateNetwork({
      mlp: {
        dataset: { name: 'moons', samples: 100, seed: 2 },
        hidden: [6],
        activation: 'tanh',
        loss: 'bce',
        testFraction: 0,
      },
    });
    store().updateDraft({ steps: STEPS, pace: 0 });
    store().startRun();
    const runId = store().runs[0]!.id;
    await waitFor(statusIs(runId, 'completed'), 60_000);

    const run = store().runs.find((entry) => entry.id === runId)!;
    const { steps, params, curvature } = run.checkpoints!;
    expect(run.liveCheckpoints).toBeUndefined();
    // Every step of a run this small is a checkpoint: its initial point to its final step, 25 parameters each.
    expect(Array.from(steps)).toEqual(Array.from({ length: STEPS + 1 }, (_, k) => k));
    expect(params.length).toBe(25 * steps.length);
    expect(params.every(Number.isFinite)).toBe(true);
    // Its frames' checkpoints, in order, are the store's: the completion added only their curvature.
    const framed = received.flatMap((message) =>
      message.type === 'frames' && message.runId === runId && message.checkpoints ? [message.checkpoints] : [],
    );
    expect(Array.from(framed.flatMap((part) => Array.from(part.params)))).toEqual(Array.from(params));
    const completion = received.filter((message) => message.type === 'checkpoints-complete' && message.runId === runId);
    expect(completion).toEqual([{ type: 'checkpoints-complete', runId, curvature }]);
    expect(curvature!.steps.at(-1)).toBe(STEPS);
    // Each checkpoint's parameters crossed once, in all the run's messages.
    const ofRun = received.filter((message) => 'runId' in message && message.runId === runId);
    expect(ofRun.reduce((sum, message) => sum + paramsBytes(message), 0)).toBe(params.byteLength);
  });
});
