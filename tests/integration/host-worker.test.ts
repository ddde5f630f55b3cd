import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RunHost } from '../../electron/host/run-host';
import type { ClientMessage } from '../../shared/protocol';
import { connectRecorder, statusIs } from '../support/host-client';
import { assertBuilt, workerPath } from '../support/paths';

const start = (
  runId: string,
  steps: number,
  extra: Partial<Extract<ClientMessage, { type: 'start' }>> = {},
): ClientMessage => ({
  type: 'start',
  runId,
  problem: { function: 'himmelblau' },
  run: { name: runId, start: [-1.5, 2], optimizer: { name: 'adam', lr: 0.05 }, steps },
  ...extra,
});

let host: RunHost;
beforeAll(assertBuilt);
afterEach(async () => host?.close());

describe('host and real worker threads', () => {
  it('streams a run in batched typed-array frames from start to completion', async () => {
    host = new RunHost({ workerPath, poolSize: 2, log: () => {} });
    const client = connectRecorder(host);
    client.send(start('a', 2000));
    await client.waitFor(statusIs('a', 'completed'));
    const frames = client.framesOf('a');
    const steps = frames.flatMap((f) => Array.from({ length: f.loss.length }, (_, i) => f.fromStep + i));
    expect(steps).toEqual(Array.from({ length: 2001 }, (_, i) => i));
    expect(frames[0]!.points).toBeInstanceOf(Float64Array);
    expect(frames[0]!.points!.slice(0, 2)).toEqual(Float64Array.from([-1.5, 2]));
    expect(frames.length).toBeLessThan(100);
    // Adam from (-1.5, 2) on Himmelblau ends in a minimum, where the loss is 0.
    expect(frames.at(-1)!.loss.at(-1)).toBeLessThan(1e-6);
  });

  it('pauses, resumes and cancels a paced run, while a second run runs beside it', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    client.send(start('slow', 100_000, { pace: 200 }));
    await client.waitFor(statusIs('slow', 'running'));
    client.send(start('fast', 500));
    await client.waitFor(statusIs('fast', 'completed'));
    client.send({ type: 'pause', runId: 'slow' });
    await client.waitFor(statusIs('slow', 'paused'));
    const countAtPause = client.framesOf('slow').reduce((n, f) => n + f.loss.length, 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.framesOf('slow').reduce((n, f) => n + f.loss.length, 0)).toBe(countAtPause);
    client.send({ type: 'resume', runId: 'slow' });
    await client.waitFor((m) => m.type === 'frames' && m.runId === 'slow' && m.fromStep >= countAtPause);
    client.send({ type: 'cancel', runId: 'slow' });
    await client.waitFor(statusIs('slow', 'cancelled'));
    expect(host.activeRunCount).toBe(0);
  });

  it('rejects invalid messages with a clear error and keeps working', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    client.send({ type: 'start', runId: 'x', problem: { function: 'nope' }, run: {} });
    client.send({ type: 'launch-missiles' });
    client.send(
      start('bad-lr', 10, { run: { name: 'bad-lr', start: [0, 0], optimizer: { name: 'adam', lr: -1 }, steps: 10 } }),
    );
    const errors = client.received.filter((m) => m.type === 'error').map((m) => (m.type === 'error' ? m.message : ''));
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/problem/);
    expect(errors[2]).toMatch(/run\.optimizer\.lr/);
    client.send(start('ok', 50));
    await client.waitFor(statusIs('ok', 'completed'));
  });

  it('reports a crashed worker’s runs as failed and starts a fresh worker for the next run', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    client.send(start('victim', 1_000_000, { pace: 100 }));
    await client.waitFor(statusIs('victim', 'running'));
    const [firstThread] = host.workerThreadIds;
    await host.terminateWorkers();
    const failed = await client.waitFor(statusIs('victim', 'failed'));
    expect(failed.type === 'status' && failed.message).toMatch(/worker exited/);
    client.send(start('survivor', 100));
    await client.waitFor(statusIs('survivor', 'completed'));
    expect(host.workerThreadIds).toHaveLength(1);
    expect(host.workerThreadIds[0]).not.toBe(firstThread);
  });

  it('cancels a client’s runs when it disconnects, leaving the others', async () => {
    host = new RunHost({ workerPath, poolSize: 2, log: () => {} });
    const leaving = connectRecorder(host);
    const staying = connectRecorder(host);
    leaving.send(start('same-id', 1_000_000, { pace: 100 }));
    staying.send(start('same-id', 1_000_000, { pace: 100 }));
    await leaving.waitFor(statusIs('same-id', 'running'));
    await staying.waitFor(statusIs('same-id', 'running'));
    leaving.close();
    await expect.poll(() => host.activeRunCount).toBe(1);
    staying.send({ type: 'cancel', runId: 'same-id' });
    await staying.waitFor(statusIs('same-id', 'cancelled'));
    expect(host.activeRunCount).toBe(0);
  });

  it('answers a surface request with the grid and the critical points', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    client.send({
      type: 'surface',
      requestId: 's1',
      problem: { function: 'booth' },
      bounds: [
        [-10, 10],
        [-10, 10],
      ],
      resolution: 21,
    });
    const surface = await client.waitFor((m) => m.type === 'surface');
    if (surface.type !== 'surface') throw new Error('unreachable');
    expect(surface.x).toHaveLength(21);
    expect(surface.z).toHaveLength(441);
    // Booth at (x, y) = (0, 0): (−7)² + (−5)² = 74, at grid index (10, 10).
    expect(surface.z[10 * 21 + 10]).toBe(74);
    expect(surface.criticalPoints).toEqual([
      expect.objectContaining({ type: 'minimum', value: expect.closeTo(0, 12) }),
    ]);
    expect(surface.criticalPoints[0]!.point[0]).toBeCloseTo(1, 8);
    expect(surface.criticalPoints[0]!.point[1]).toBeCloseTo(3, 8);
  });
});

describe('network runs in the worker', () => {
  it('stream training loss, test loss and per-layer gradient norms', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    const problem = {
      mlp: {
        dataset: { name: 'xor', samples: 80, seed: 1 },
        hidden: [6, 6],
        activation: 'relu',
        loss: 'bce',
        testFraction: 0.25,
      },
    } as const;
    client.send({
      type: 'start',
      runId: 'net',
      problem,
      run: { name: 'net', init: { scheme: 'he_normal', seed: 2 }, optimizer: { name: 'adam', lr: 0.02 }, steps: 40 },
    });
    await client.waitFor(statusIs('net', 'completed'));
    const frames = client.framesOf('net');
    const points = frames.reduce((n, f) => n + f.loss.length, 0);
    expect(points).toBe(41);
    for (const frame of frames) {
      expect(frame.points).toBeUndefined();
      expect(frame.testLoss).toHaveLength(frame.loss.length);
      expect(frame.layerGradNorms).toHaveLength(3 * frame.loss.length);
    }
    // The decision boundary at the final point: P(class 1) over a 64 × 64 lattice around the data.
    const predictions = client.received.filter((m) => m.type === 'prediction');
    const last = predictions.at(-1);
    if (last?.type !== 'prediction') throw new Error('no prediction arrived');
    expect(last.step).toBe(40);
    expect([last.x.length, last.y?.length, last.outputs]).toEqual([64, 64, 1]);
    expect(Math.min(...last.values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...last.values)).toBeLessThanOrEqual(1);
    // XOR: opposite quadrants share a class, so the corners (-,-) and (+,+) agree and differ from (+,-).
    const at = (i: number, j: number) => last.values[j * 64 + i]!;
    expect(Math.abs(at(0, 0) - at(63, 63))).toBeLessThan(Math.abs(at(0, 0) - at(63, 0)));
  });

  it('train on a CSV sent as its content, and refuse any message that names a file', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    const mlp = { hidden: [3], activation: 'tanh', loss: 'bce' } as const;
    const rows = Array.from({ length: 12 }, (_, i) => `${i / 12},"${(i % 3) / 3}",${i % 2}`).join('\r\n');
    const csvText = `\uFEFFa,"b, quoted",label\r\n${rows}\r\n`;
    const run = { name: 'csv', init: { scheme: 'he_normal', seed: 2 }, optimizer: { name: 'adam' }, steps: 5 } as const;
    client.send({
      type: 'start',
      runId: 'csv',
      problem: { mlp: { ...mlp, dataset: { csvText, file: 'mine.csv', target: 'label' } } },
      run,
    });
    await client.waitFor(statusIs('csv', 'completed'));
    const data = client.received.find((m) => m.type === 'data' && m.runId === 'csv');
    expect(data?.type === 'data' && [data.features, data.y.length]).toEqual([2, 12]);
    // Every message that carries a problem: the host answers each with an error and reads nothing.
    const passwd = { mlp: { ...mlp, dataset: { csv: '/etc/passwd', target: 'root' } } };
    const vector = Float64Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    client.send({ type: 'start', runId: 'path', problem: passwd, run } as never);
    client.send({
      type: 'landscape',
      requestId: 'grid',
      problem: passwd,
      center: vector,
      d1: vector,
      d2: vector,
      alphas: Float64Array.of(0),
      betas: Float64Array.of(0),
    } as never);
    client.send({
      type: 'slice-plane',
      requestId: 'plane',
      problem: passwd,
      landscape: {},
      runs: [{ name: 'a', checkpoints: { params: vector, steps: Float64Array.of(0) } }],
    } as never);
    // A start has no request id: its error comes without one.
    const refusals = await Promise.all(
      [undefined, 'grid', 'plane'].map((id) => client.waitFor((m) => m.type === 'error' && m.requestId === id)),
    );
    for (const refusal of refusals) {
      expect(refusal.type === 'error' && refusal.message).toMatch(
        /^rejected an invalid message: problem\.mlp\.dataset\.csv: a file path is not accepted here/,
      );
    }
    expect(client.received.some((m) => m.type === 'status' && m.runId === 'path')).toBe(false);
    // A CSV's rows are counted once the worker parses it: a landscape over the limit is refused then, under its id.
    const tall = `a,label\n${'0.5,1\n'.repeat(100_000)}`;
    // One input, 300 hidden units, one output: 901 parameters; × 100,000 rows × 401² points = 1.45e13.
    const wide = new Float64Array(901);
    const grid = new Float64Array(401);
    client.send({
      type: 'landscape',
      requestId: 'costly',
      problem: { mlp: { ...mlp, hidden: [300], dataset: { csvText: tall, target: 'label' } } },
      center: wide,
      d1: wide,
      d2: wide,
      alphas: grid,
      betas: grid,
    });
    const costly = await client.waitFor((m) => m.type === 'error' && m.requestId === 'costly');
    expect(costly.type === 'error' && costly.message).toMatch(
      /alphas: the landscape needs 1\.45e\+13 evaluations \(grid points × rows × parameters\); the limit is 1e13$/,
    );
  });
});

describe('requests the host rejects', () => {
  it('answer under the request’s own id, so the caller stops waiting', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    const bad = Float64Array.of(Number.NaN);
    client.send({
      type: 'landscape',
      requestId: 'slice-1',
      problem: { mlp: {} },
      center: bad,
      d1: bad,
      d2: bad,
      alphas: bad,
      betas: bad,
    });
    const answer = await client.waitFor((m) => m.type === 'error');
    expect(answer).toMatchObject({ type: 'error', requestId: 'slice-1' });
  });
});
