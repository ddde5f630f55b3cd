import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RunHost } from '../../electron/host/run-host';
import type { ClientMessage, HostMessage } from '../../shared/protocol';
import { connectRecorder, statusIs } from '../support/host-client';
import { largeLandscape } from '../support/large-landscape';
import { assertBuilt, workerPath } from '../support/paths';

let host: RunHost | undefined;
beforeAll(assertBuilt);
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** Paced, so it is still running whenever the test looks. */
const longRun = (runId: string): ClientMessage => ({
  type: 'start',
  runId,
  problem: { function: 'rosenbrock' },
  run: { name: runId, start: [-1.5, 2], optimizer: { name: 'adam', lr: 1e-3 }, steps: 1_000_000 },
  pace: 100,
});
const errorFor = (requestId: string) => (m: HostMessage) => m.type === 'error' && m.requestId === requestId;
const landscapeFor = (requestId: string, status: string) => (m: HostMessage) =>
  m.type === 'landscape' && m.requestId === requestId && m.status === status;

describe('per-connection limits', () => {
  it('refuse a run beyond the limit with a failed status saying why, leave other connections alone, and free a place when a run ends', async () => {
    host = new RunHost({ workerPath, poolSize: 1, limits: { runs: 2 }, log: () => {} });
    const first = connectRecorder(host);
    const second = connectRecorder(host);
    for (const id of ['a', 'b', 'c']) first.send(longRun(id));
    const refused = await first.waitFor(statusIs('c', 'failed'));
    expect(refused.type === 'status' && refused.message).toMatch(
      /^refused: this connection already has 2 runs in progress/,
    );
    await first.waitFor(statusIs('b', 'running'));
    for (const id of ['a', 'b']) second.send(longRun(id));
    await second.waitFor(statusIs('b', 'running'));
    expect(second.received.some((m) => m.type === 'status' && m.status === 'failed')).toBe(false);
    expect(host.activeRunCount).toBe(4);

    first.send({ type: 'cancel', runId: 'a' });
    await first.waitFor(statusIs('a', 'cancelled'));
    first.send(longRun('c'));
    await first.waitFor(statusIs('c', 'running'));
    expect(first.received.filter(statusIs('c', 'failed'))).toHaveLength(1);
    first.close();
    second.close();
  });

  it('refuse a landscape beyond the limit with an error under its id, and free a place when one is cancelled', async () => {
    host = new RunHost({ workerPath, poolSize: 1, limits: { landscapes: 2 }, log: () => {} });
    const client = connectRecorder(host);
    for (const id of ['l1', 'l2', 'l3']) client.send(largeLandscape(id));
    const refused = await client.waitFor(errorFor('l3'));
    expect(refused.type === 'error' && refused.message).toMatch(
      /^refused: this connection already has 2 landscapes in progress/,
    );
    // Asked again under an id in progress: refused as such, and the first request keeps its place.
    client.send(largeLandscape('l2'));
    await client.waitFor(
      (m) => errorFor('l2')(m) && /already being computed/.test(m.type === 'error' ? m.message : ''),
    );
    client.send(largeLandscape('l4'));
    await client.waitFor(errorFor('l4'));

    client.send({ type: 'cancel-landscape', requestId: 'l1' });
    await client.waitFor(landscapeFor('l1', 'cancelled'));
    client.send(largeLandscape('l3'));
    await client.waitFor(landscapeFor('l3', 'computing'));
    expect(client.received.filter(errorFor('l3'))).toHaveLength(1);
    client.close();
  });
});
