import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkRun } from '../../electron/engine/network/network-run';
import { RunHost } from '../../electron/host/run-host';
import type { ClientMessage, FramesMessage, HostMessage } from '../../shared/protocol';
import { RunSeries } from '../../renderer/src/store/run-series';
import { connectRecorder, statusIs } from '../support/host-client';
import { assertBuilt } from '../support/paths';
import { instrumentedWorkerPath, workerSideDoor } from '../support/worker-side-door';
import { problemOf, runSpec } from '../unit/network/support';

type Start = Extract<ClientMessage, { type: 'start' }>;
const functionRun = (runId: string, steps: number, extra: Partial<Start> = {}): Start => ({
  type: 'start',
  runId,
  problem: { function: 'rosenbrock' },
  run: { name: runId, start: [-1.5, 2], optimizer: { name: 'adam', lr: 1e-3 }, steps },
  ...extra,
});
const pointsOf = (frames: FramesMessage[]): number => frames.reduce((n, frame) => n + frame.loss.length, 0);
const finalStatuses = (received: HostMessage[], runId: string) =>
  received.filter((m) => m.type === 'status' && m.runId === runId && ['completed', 'diverged', 'cancelled', 'failed'].includes(m.status));

const side = workerSideDoor();
let host: RunHost | undefined;
beforeAll(assertBuilt);
afterEach(async () => {
  await host?.close();
  host = undefined;
});
afterAll(() => side.close());

describe('a worker that dies in the middle of runs', () => {
  it.each([
    ['killed (process.exit inside the thread)', { exitCode: 70 } as const, /exited with code 70/],
    ['crashed by an uncaught exception', 'throw' as const, /injected crash|exited with code 1/],
  ])('%s: its runs fail once each, the other worker’s runs go on, and a fresh worker takes new runs', async (_label, how, reason) => {
    host = new RunHost({ workerPath: instrumentedWorkerPath, poolSize: 2, log: () => {} });
    const client = connectRecorder(host);
    // The pool gives each new run to the least loaded worker: a and c to the first, b and d to the second.
    for (const id of ['a', 'b', 'c', 'd']) client.send(functionRun(id, 1_000_000, { pace: 300 }));
    for (const id of ['a', 'b', 'c', 'd']) await client.waitFor(statusIs(id, 'running'));
    const [victim, survivor] = host.workerThreadIds as [number, number];
    expect((await side.report(victim)).runsStarted).toBe(2);
    expect((await side.report(survivor)).runsStarted).toBe(2);

    side.kill(victim, how);
    for (const id of ['a', 'c']) {
      const failed = await client.waitFor(statusIs(id, 'failed'));
      expect(failed.type === 'status' && failed.message).toMatch(reason);
    }
    // The survivors keep streaming after the failure was reported.
    const streamedBefore = pointsOf(client.framesOf('b'));
    await client.waitFor((m) => m.type === 'frames' && m.runId === 'b' && m.fromStep >= streamedBefore);
    expect(host.activeRunCount).toBe(2);

    client.send(functionRun('after', 300));
    await client.waitFor(statusIs('after', 'completed'));
    expect(pointsOf(client.framesOf('after'))).toBe(301);
    expect(host.workerThreadIds).toHaveLength(2);
    expect(host.workerThreadIds).toContain(survivor);
    expect(host.workerThreadIds).not.toContain(victim);

    for (const id of ['b', 'd']) client.send({ type: 'cancel', runId: id });
    for (const id of ['b', 'd']) await client.waitFor(statusIs(id, 'cancelled'));
    for (const id of ['a', 'b', 'c', 'd', 'after']) expect(finalStatuses(client.received, id), id).toHaveLength(1);
  });
});

describe('a run whose values explode', () => {
  it('stops as diverged at the last finite point (function), computed independently', async () => {
    host = new RunHost({ workerPath: instrumentedWorkerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    // SGD on f = (x² + 10y²)/2 with lr 1.5 multiplies y by (1 - 15) each step, so 5y² overflows near step 134.
    const lr = 1.5;
    client.send(functionRun('boom', 1000, { problem: { function: 'quadratic' }, run: { name: 'boom', start: [1, 1], optimizer: { name: 'sgd', lr }, steps: 1000 } }));
    await client.waitFor(statusIs('boom', 'diverged'));
    const frames = client.framesOf('boom');
    const points = Float64Array.from(frames.flatMap((frame) => Array.from(frame.points!)));
    const loss = frames.flatMap((frame) => Array.from(frame.loss));
    expect(loss.every(Number.isFinite)).toBe(true);
    const f = (x: number, y: number): number => (x * x + 10 * y * y) / 2;
    const [x, y] = [points.at(-2)!, points.at(-1)!];
    expect(loss.at(-1)).toBe(f(x, y));
    // The next SGD step from the last point is the first whose loss is not finite.
    expect(f(x - lr * x, y - lr * 10 * y)).toBe(Infinity);
    expect(loss.length).toBe(Math.floor(Math.log(Math.sqrt(Number.MAX_VALUE / 5)) / Math.log(14)) + 1);
    expect(frames.flatMap((frame) => frame.events).at(-1)).toMatchObject({ type: 'diverged', step: loss.length, point: [x, y] });
  });

  it('stops as diverged with finite numbers only (network), and the worker takes the next run', async () => {
    host = new RunHost({ workerPath: instrumentedWorkerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    const problem = { mlp: { dataset: { name: 'sine', seed: 1 }, hidden: [16, 16], activation: 'linear', loss: 'mse' } } as const;
    client.send({ type: 'start', runId: 'net', problem, run: { name: 'net', init: { scheme: 'he_normal', seed: 1 }, optimizer: { name: 'sgd', lr: 0.3, momentum: 0.9 }, steps: 500 } });
    await client.waitFor(statusIs('net', 'diverged'));
    const frames = client.framesOf('net');
    const loss = frames.flatMap((frame) => Array.from(frame.loss));
    expect(loss.length).toBeLessThan(501);
    expect([...loss, ...frames.flatMap((frame) => Array.from(frame.gradNorm))].every(Number.isFinite)).toBe(true);
    expect(frames.flatMap((frame) => frame.events).at(-1)).toMatchObject({ type: 'diverged', step: loss.length });
    client.send(functionRun('next', 100));
    await client.waitFor(statusIs('next', 'completed'));
  });

  it('frees every tensor of a diverged network run', async () => {
    const before = tf.memory();
    const run = await createNetworkRun(
      await problemOf({ dataset: { name: 'sine', seed: 1 }, hidden: [16, 16], activation: 'linear', loss: 'mse' }),
      runSpec({ steps: 500, init: { scheme: 'he_normal', seed: 1 }, optimizer: { name: 'sgd', lr: 0.3, momentum: 0.9 } }),
    );
    while (run.status === 'running') run.advance(25);
    expect(run.status).toBe('diverged');
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numBytes).toBe(before.numBytes);
  });
});

describe('20 runs at once on a pool of 2 workers', () => {
  it('spreads and interleaves them, and pause, cancel and a surface request are answered within a scheduling round', async () => {
    host = new RunHost({ workerPath: instrumentedWorkerPath, poolSize: 2, log: () => {} });
    const client = connectRecorder(host);
    const ids = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const STEPS = 100_000;
    for (const id of ids) client.send(functionRun(id, STEPS));
    // Interleaved: every run has streamed before any has finished.
    await client.waitFor(() => ids.every((id) => client.framesOf(id).length >= 2));
    expect(client.received.some((m) => m.type === 'status' && m.status === 'completed')).toBe(false);
    const reports = await Promise.all(host.workerThreadIds.map((threadId) => side.report(threadId)));
    expect(reports.map((report) => report.runsStarted)).toEqual([10, 10]);

    /** Frames messages per run that arrive from now until `until` is received. */
    const framesUntil = async (send: () => void, until: (m: HostMessage) => boolean): Promise<Map<string, number>> => {
      const from = client.received.length;
      send();
      await client.waitFor((m) => client.received.indexOf(m) >= from && until(m));
      const counts = new Map<string, number>();
      for (const m of client.received.slice(from)) if (m.type === 'frames') counts.set(m.runId, (counts.get(m.runId) ?? 0) + 1);
      return counts;
    };
    // A worker handles messages between its scheduling rounds, and each round gives every run one
    // frames message: at most the round in progress and one already in flight can come first.
    const ROUND = 2;
    const surface = await framesUntil(
      () => client.send({ type: 'surface', requestId: 's', problem: { function: 'himmelblau' }, bounds: [[-5, 5], [-5, 5]], resolution: 101 }),
      (m) => m.type === 'surface',
    );
    expect(Math.max(0, ...surface.values())).toBeLessThanOrEqual(ROUND);
    const pause = await framesUntil(() => client.send({ type: 'pause', runId: 'r3' }), statusIs('r3', 'paused'));
    expect(pause.get('r3') ?? 0).toBeLessThanOrEqual(ROUND);
    const cancel = await framesUntil(() => client.send({ type: 'cancel', runId: 'r4' }), statusIs('r4', 'cancelled'));
    expect(cancel.get('r4') ?? 0).toBeLessThanOrEqual(ROUND);

    const pausedAt = pointsOf(client.framesOf('r3'));
    const cancelledAt = pointsOf(client.framesOf('r4'));
    const others = ids.filter((id) => id !== 'r3' && id !== 'r4');
    await Promise.all(others.map((id) => client.waitFor(statusIs(id, 'completed'), 60_000)));
    expect(pointsOf(client.framesOf('r3'))).toBe(pausedAt);
    expect(pointsOf(client.framesOf('r4'))).toBe(cancelledAt);
    client.send({ type: 'resume', runId: 'r3' });
    await client.waitFor(statusIs('r3', 'completed'), 60_000);
    // Nothing lost or repeated: every finished run streamed steps 0 … STEPS in order.
    for (const id of [...others, 'r3']) {
      let next = 0;
      for (const frame of client.framesOf(id)) {
        expect(frame.fromStep).toBe(next);
        next += frame.loss.length;
      }
      expect(next, id).toBe(STEPS + 1);
    }
  });
});

describe('a 100,000-step run', () => {
  it('leaves the worker’s heap as it found it, and the renderer’s series never reallocate', async () => {
    host = new RunHost({ workerPath: instrumentedWorkerPath, poolSize: 1, log: () => {} });
    const STEPS = 100_000;
    const series = new RunSeries(STEPS + 1);
    const arrays = [series.points, series.loss, series.gradNorm, series.lr];
    let done: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    // A client that keeps nothing but the series, as the renderer does.
    const connection = host.connect((message) => {
      if (message.type === 'frames' && message.runId === 'long') series.append(message);
      if (message.type === 'status' && message.runId === 'warm-up' && message.status === 'completed') done();
      if (message.type === 'status' && message.runId === 'long' && message.status === 'completed') done();
    });
    connection.receive(functionRun('warm-up', 1000));
    await finished;
    const [threadId] = host.workerThreadIds as [number];
    const before = await side.report(threadId);

    const longFinished = new Promise<void>((resolve) => (done = resolve));
    connection.receive(functionRun('long', STEPS));
    await longFinished;
    const after = await side.report(threadId);

    expect(series.count).toBe(STEPS + 1);
    expect([series.points, series.loss, series.gradNorm, series.lr]).toEqual(arrays);
    arrays.forEach((array, i) => expect(array).toBe([series.points, series.loss, series.gradNorm, series.lr][i]));
    expect(series.loss.every(Number.isFinite)).toBe(true);
    // The run's own series in the worker are 5 × 8 B × 100,001 = 4 MB: none of it may stay.
    const retained = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
    console.info(
      `memory of a ${STEPS}-step run: worker heap ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}, array buffers ${mb(before.arrayBuffers)} -> ${mb(after.arrayBuffers)}`,
    );
    expect(retained).toBeLessThan(1024 * 1024);
  });
});

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
