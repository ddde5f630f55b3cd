import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkRun } from '../../electron/engine/network/network-run';
import { useTensorBackend } from '../../electron/engine/network/tensor-backend';
import { RunHost } from '../../electron/host/run-host';
import type { ClientMessage, FramesMessage, HostMessage } from '../../shared/protocol';
import { RunSeries } from '../../renderer/src/store/run-series';
import { connectRecorder, statusIs } from '../support/host-client';
import { largeLandscape } from '../support/large-landscape';
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
  received.filter(
    (m) =>
      m.type === 'status' && m.runId === runId && ['completed', 'diverged', 'cancelled', 'failed'].includes(m.status),
  );

const side = workerSideDoor();
let host: RunHost | undefined;
beforeAll(assertBuilt);
afterEach(async () => {
  await host?.close();
  host = undefined;
});
afterAll(() => side.close());

/** Four long runs on a new host with a pool of two workers: two on each, the first to be harmed. */
async function fourRunsOnTwoWorkers(watchdogMs?: number) {
  host = new RunHost({
    workerPath: instrumentedWorkerPath,
    poolSize: 2,
    log: () => {},
    ...(watchdogMs ? { watchdogMs } : {}),
  });
  const client = connectRecorder(host);
  const ids = ['a', 'b', 'c', 'd'];
  for (const id of ids) client.send(functionRun(id, 1_000_000, { pace: 300 }));
  for (const id of ids) await client.waitFor(statusIs(id, 'running'));
  const [victim, survivor] = await Promise.all(host.workerThreadIds.map((threadId) => side.report(threadId)));
  expect([victim.runIds.length, survivor.runIds.length]).toEqual([2, 2]);
  return { host, client, ids, victim: victim!, survivor: survivor! };
}

type Harmed = Awaited<ReturnType<typeof fourRunsOnTwoWorkers>>;

/** The harmed worker's runs each fail saying `reason`, while the other worker's keep streaming. */
async function victimsFailSurvivorsGoOn({ host, client, victim, survivor }: Harmed, reason: RegExp): Promise<void> {
  for (const id of victim.runIds) {
    const failed = await client.waitFor(statusIs(id, 'failed'));
    expect(failed.type === 'status' && failed.message).toMatch(reason);
  }
  for (const id of survivor.runIds) {
    const streamed = pointsOf(client.framesOf(id));
    await client.waitFor((m) => m.type === 'frames' && m.runId === id && m.fromStep >= streamed);
  }
  expect(host.activeRunCount).toBe(2);
}

/** A new run completes on the replaced pool of two; then the survivors are cancelled, and every run ended once. */
async function freshWorkerTakesNewRunsAndEachEndsOnce({ host, client, ids, survivor }: Harmed): Promise<void> {
  client.send(functionRun('after', 300));
  await client.waitFor(statusIs('after', 'completed'));
  expect(pointsOf(client.framesOf('after'))).toBe(301);
  expect(host.workerThreadIds).toHaveLength(2);
  for (const id of survivor.runIds) client.send({ type: 'cancel', runId: id });
  for (const id of survivor.runIds) await client.waitFor(statusIs(id, 'cancelled'));
  for (const id of [...ids, 'after']) expect(finalStatuses(client.received, id), id).toHaveLength(1);
}

describe('a worker that dies in the middle of runs', () => {
  it.each([
    ['killed (process.exit inside the thread)', { exitCode: 70 } as const, /exited with code 70/],
    ['crashed by an uncaught exception', 'throw' as const, /injected crash|exited with code 1/],
  ])(
    '%s: its runs fail once each, the other worker’s runs go on, and a fresh worker takes new runs',
    async (_label, how, reason) => {
      const harmed = await fourRunsOnTwoWorkers();
      const { host, victim, survivor } = harmed;
      side.kill(victim.threadId, how);
      await victimsFailSurvivorsGoOn(harmed, reason);
      await freshWorkerTakesNewRunsAndEachEndsOnce(harmed);
      expect(host.workerThreadIds).toContain(survivor.threadId);
      expect(host.workerThreadIds).not.toContain(victim.threadId);
    },
  );
});

describe('a worker stuck in a step', () => {
  // A short limit, so the tests do not wait 30 s; nothing below depends on how long anything takes.
  const reason = /the worker was stopped: a step or landscape batch ran for more than 3 s/;

  it('is terminated by the watchdog and replaced: its runs fail with a clear message, the other worker’s runs go on', async () => {
    const harmed = await fourRunsOnTwoWorkers(3_000);
    side.hang(harmed.victim.threadId);
    await victimsFailSurvivorsGoOn(harmed, reason);
    expect(harmed.host.workerThreadIds).not.toContain(harmed.victim.threadId);
    await freshWorkerTakesNewRunsAndEachEndsOnce(harmed);
  });

  it('stuck in a landscape batch: the landscape fails with a clear message and a fresh worker takes the next run', async () => {
    // One worker, so the grid has no other worker to finish it: its outcome does not depend on when the hang lands.
    host = new RunHost({ workerPath: instrumentedWorkerPath, poolSize: 1, log: () => {}, watchdogMs: 3_000 });
    const client = connectRecorder(host);
    client.send(largeLandscape('slice'));
    await client.waitFor((m) => m.type === 'landscape' && m.requestId === 'slice');
    const [stuck] = host.workerThreadIds;
    side.hang(stuck!);
    const landscapeError = await client.waitFor((m) => m.type === 'error' && m.requestId === 'slice');
    expect(landscapeError.type === 'error' && landscapeError.message).toMatch(reason);
    client.send(functionRun('after', 300));
    await client.waitFor(statusIs('after', 'completed'));
    expect(host.workerThreadIds).not.toContain(stuck);
    expect(client.received.filter((m) => m.type === 'error' && m.requestId === 'slice')).toHaveLength(1);
  });
});

describe('a run whose values explode', () => {
  it('stops as diverged at the last finite point (function), computed independently', async () => {
    host = new RunHost({ workerPath: instrumentedWorkerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    // SGD on f = (x² + 10y²)/2 with lr 1.5 multiplies y by (1 - 15) each step, so 5y² overflows near step 134.
    const lr = 1.5;
    client.send(
      functionRun('boom', 1000, {
        problem: { function: 'quadratic' },
        run: { name: 'boom', start: [1, 1], optimizer: { name: 'sgd', lr }, steps: 1000 },
      }),
    );
    await client.waitFor(statusIs('boom', 'diverged'));
    const frames = client.framesOf('boom');
    const points = Float64Array.from(frames.flatMap((frame) => Array.from(frame.points!)));
    const loss = frames.flatMap((frame) => Array.from(frame.loss));
    expect(loss.every(Number.isFinite)).toBe(true);
    const f = (x: number, y: number): number => (x * x + 10 * y * y) / 2;
    const [x, y] = [points.at(-2)!, points.at(-1)!];
    expect(loss.at(-1)! / f(x, y)).toBeCloseTo(1, 12);
    // The next SGD step from the last point is the first whose loss is not finite.
    expect(f(x - lr * x, y - lr * 10 * y)).toBe(Infinity);
    expect(loss.length).toBe(Math.floor(Math.log(Math.sqrt(Number.MAX_VALUE / 5)) / Math.log(14)) + 1);
    expect(frames.flatMap((frame) => frame.events).at(-1)).toMatchObject({
      type: 'diverged',
      step: loss.length,
      point: [x, y],
    });
  });

  it('stops as diverged with finite numbers only (network), and the worker takes the next run', async () => {
    host = new RunHost({ workerPath: instrumentedWorkerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    const problem = {
      mlp: { dataset: { name: 'sine', seed: 1 }, hidden: [16, 16], activation: 'linear', loss: 'mse' },
    } as const;
    client.send({
      type: 'start',
      runId: 'net',
      problem,
      run: {
        name: 'net',
        init: { scheme: 'he_normal', seed: 1 },
        optimizer: { name: 'sgd', lr: 0.3, momentum: 0.9 },
        steps: 500,
      },
    });
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
    await useTensorBackend();
    const before = tf.memory();
    const run = await createNetworkRun(
      await problemOf({ dataset: { name: 'sine', seed: 1 }, hidden: [16, 16], activation: 'linear', loss: 'mse' }),
      runSpec({
        steps: 500,
        init: { scheme: 'he_normal', seed: 1 },
        optimizer: { name: 'sgd', lr: 0.3, momentum: 0.9 },
      }),
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
    // Paced, so no run can finish before the pause and the cancel below reach it, however fast
    // the machine: 20,000 steps at 5,000 steps/s last 4 s each.
    const STEPS = 20_000;
    for (const id of ids) client.send(functionRun(id, STEPS, { pace: 5_000 }));
    // Interleaved: every run has streamed before any has finished.
    await client.waitFor(() => ids.every((id) => client.framesOf(id).length >= 2));
    expect(client.received.some((m) => m.type === 'status' && m.status === 'completed')).toBe(false);
    const workers = await Promise.all(host.workerThreadIds.map((threadId) => side.report(threadId)));
    expect(workers.map((worker) => worker.runIds.length)).toEqual([10, 10]);

    /** Frames messages per run that arrive from now until `until` is received. */
    const framesUntil = async (
      send: () => void,
      until: (m: HostMessage) => boolean,
    ): Promise<(runId: string) => number> => {
      const from = client.received.length;
      send();
      await client.waitFor((m) => client.received.indexOf(m) >= from && until(m));
      const after = client.received.slice(from);
      return (runId) => after.filter((m) => m.type === 'frames' && m.runId === runId).length;
    };
    // A worker reads its messages between scheduling rounds, and each round sends one frames
    // message per run: at most the round in progress and one already on its way come first.
    const ROUND = 2;
    const surface = await framesUntil(
      () =>
        client.send({
          type: 'surface',
          requestId: 's',
          problem: { function: 'himmelblau' },
          bounds: [
            [-5, 5],
            [-5, 5],
          ],
          resolution: 101,
        }),
      (m) => m.type === 'surface',
    );
    const answering = (await Promise.all(host.workerThreadIds.map((threadId) => side.report(threadId)))).find(
      (worker) => worker.surfaceRequests === 1,
    )!;
    expect(Math.max(...answering.runIds.map(surface))).toBeLessThanOrEqual(ROUND);
    const pause = await framesUntil(() => client.send({ type: 'pause', runId: 'r3' }), statusIs('r3', 'paused'));
    expect(pause('r3')).toBeLessThanOrEqual(ROUND);
    const cancel = await framesUntil(() => client.send({ type: 'cancel', runId: 'r4' }), statusIs('r4', 'cancelled'));
    expect(cancel('r4')).toBeLessThanOrEqual(ROUND);

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
    const arrays = () => [series.points, series.loss, series.gradNorm, series.lr];
    const allocated = arrays();
    // A client that keeps nothing but the series, as the renderer does: buffers a worker
    // transferred count in its allocator until the receiver lets them go.
    const completed = new Map<string, () => void>();
    const connection = host.connect((message) => {
      if (message.type === 'frames' && message.runId === 'long') series.append(message);
      if (message.type === 'status' && message.status === 'completed') completed.get(message.runId)?.();
    });
    const run = (runId: string, steps: number): Promise<void> =>
      new Promise((resolve) => {
        completed.set(runId, resolve);
        connection.receive(functionRun(runId, steps));
      });
    await run('warm-up', 1000);
    const [threadId] = host.workerThreadIds as [number];
    const before = await side.report(threadId);
    await run('long', STEPS);
    const after = await side.report(threadId);

    expect(series.count).toBe(STEPS + 1);
    expect(series.loss.every(Number.isFinite)).toBe(true);
    arrays().forEach((array, i) => expect(array).toBe(allocated[i]));
    console.info(
      `memory around a ${STEPS}-step run: worker heap ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}, array buffers ${mb(before.arrayBuffers)} -> ${mb(after.arrayBuffers)}`,
    );
    // The run's own series in the worker were 5 × 8 B × 100,001 = 4 MB: none of it may stay.
    expect(after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)).toBeLessThan(1024 * 1024);
  });
});

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
