import { describe, expect, it } from 'vitest';
import type { Bridge, ClientMessage } from '../../../shared/protocol';
import { scheduleSpecSchema } from '../../../shared/spec/schedule-spec';
import { optimizerSpecSchema } from '../../../shared/spec/optimizer-spec';
import { DEFAULT_NETWORK, type RunSettings } from '../../../renderer/src/store/app-model';
import { useAppStore } from '../../../renderer/src/store/app-store';

const store = useAppStore.getState;

/** A run's settings as a spec, a session or a comparison brings them, without extras. */
const PLAIN: RunSettings = {
  optimizer: optimizerSpecSchema.parse({ name: 'sgd', lr: 0.1 }),
  steps: 20,
  start: [0, 0],
  init: { scheme: 'he_normal', seed: 4 },
  batchSize: 0,
  seed: 0,
};

/** Connects the store to a bridge that keeps what it is sent; returns the last start message so far. */
function recordStarts(): () => Extract<ClientMessage, { type: 'start' }> {
  const sent: ClientMessage[] = [];
  const bridge: Bridge = { kind: 'browser', send: (message) => sent.push(message), subscribe: () => () => {} };
  store().connect(bridge);
  return () => sent.filter((m): m is Extract<ClientMessage, { type: 'start' }> => m.type === 'start').at(-1)!;
}

describe('duplicating a network run', () => {
  it('puts the l1, l2 and dropout the run had in the form, and starts the copy with them', () => {
    const lastStart = recordStarts();
    // Runs with and without regularization, as a spec, a session or a comparison brings them.
    const regularized = { ...PLAIN, l1: 1e-5, l2: 1e-3, dropout: 0.2 };
    store().startComparison({ kind: 'network', network: DEFAULT_NETWORK.mlp, runs: [regularized, PLAIN] });
    const [withIt, without] = store().runs.map((run) => run.id);

    store().duplicateRun(withIt!);
    expect(store().network).toMatchObject({ l1: 1e-5, l2: 1e-3, dropout: 0.2 });
    store().startRun();
    expect(lastStart().run).toMatchObject({ l1: 1e-5, l2: 1e-3, dropout: 0.2, init: { scheme: 'he_normal', seed: 4 } });
    expect(store().runs.at(-1)!.settings).toMatchObject({ l1: 1e-5, l2: 1e-3, dropout: 0.2 });

    // The next duplicate's settings replace them: a run without any leaves none behind.
    store().duplicateRun(without!);
    expect(store().network).toMatchObject({ l1: 0, l2: 0, dropout: 0 });
    store().startRun();
    expect(lastStart().run).not.toHaveProperty('l1');
    expect(lastStart().run).not.toHaveProperty('l2');
    expect(lastStart().run).not.toHaveProperty('dropout');
  });

  it('starts a run with the penalties and dropout typed in the form, and none when they are 0', () => {
    const lastStart = recordStarts();
    store().setKind('network');
    store().updateNetwork({ l1: 0, l2: 0.01, dropout: 0.3 });
    store().startRun();
    const start = lastStart();
    expect(start.run).toMatchObject({ l2: 0.01, dropout: 0.3 });
    expect(start.run).not.toHaveProperty('l1');
  });

  it('says which settings the form cannot hold, and says nothing when it holds them all', () => {
    recordStarts();
    const scheduled = {
      ...PLAIN,
      seed: 6,
      clipNorm: 1,
      schedule: scheduleSpecSchema.parse({ name: 'cosine', tMax: 20 }),
    };
    store().startComparison({ kind: 'network', network: DEFAULT_NETWORK.mlp, runs: [scheduled, PLAIN] });
    const [withThem, plain] = store().runs;
    store().duplicateRun(withThem!.id);
    expect(store().notice).toBe(
      `${withThem!.name} is in the form without its cosine learning-rate schedule, gradient clipping at 1 and its seed 6, which the form has no fields for: a run started from it goes without them.`,
    );
    store().duplicateRun(plain!.id);
    expect(store().notice).toBeNull();
  });
});
