import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RunHost } from '../../electron/host/run-host';
import type { ClientMessage, HostMessage, LandscapeMessage, SlicePlaneMessage } from '../../shared/protocol';
import type { Checkpoints } from '../../shared/schemas/checkpoints';
import { connectRecorder, statusIs } from '../support/host-client';
import { assertBuilt, workerPath } from '../support/paths';
import { relativeError } from '../support/relative-error';
import { receivedCheckpoints } from '../support/run-checkpoints';
import { fixture } from '../unit/landscape/fixture';

let host: RunHost;
beforeAll(assertBuilt);
afterEach(async () => host?.close());

/** A PyTorch fixture case's data as a CSV's content. */
function csvProblem(c: (typeof fixture.grids)[number]) {
  const features = c.sizes[0]!;
  const lines = [[...Array.from({ length: features }, (_, i) => `x${i + 1}`), 'target'].join(',')];
  for (let r = 0; r < c.rows; r++) lines.push([...c.x.slice(r * features, (r + 1) * features), c.y[r]].join(','));
  return {
    mlp: {
      dataset: { csvText: `${lines.join('\n')}\n`, target: 'target' },
      hidden: c.sizes.slice(1, -1),
      activation: c.activation,
      loss: c.loss,
    },
  };
}

const spiral = {
  mlp: { dataset: { name: 'spiral', samples: 300, seed: 1 }, hidden: [16, 16], activation: 'tanh', loss: 'bce' },
};
const spiralSize = 2 * 16 + 16 + 16 * 16 + 16 + 16 + 1;
const line = (n: number, from = -1, to = 1) =>
  Float64Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
const vector = (seed: number) => Float64Array.from({ length: spiralSize }, (_, i) => Math.sin(seed * (i + 1)));

function request(requestId: string, n: number, seed = 1, problem: unknown = spiral): ClientMessage {
  return {
    type: 'landscape',
    requestId,
    problem,
    center: vector(seed),
    d1: vector(seed + 1),
    d2: vector(seed + 2),
    alphas: line(n),
    betas: line(n),
  } as ClientMessage;
}

const landscapesOf = (received: HostMessage[], requestId: string) =>
  received.filter((m): m is LandscapeMessage => m.type === 'landscape' && m.requestId === requestId);
const answerTo = (requestId: string) => (m: HostMessage) => 'requestId' in m && m.requestId === requestId;
const finished = (requestId: string) => (m: HostMessage) =>
  (m.type === 'landscape' && m.requestId === requestId && m.status !== 'computing') ||
  (m.type === 'error' && m.requestId === requestId);

describe('landscapes across the worker pool', () => {
  it('match PyTorch on a fixture’s network and data, split across two workers', async () => {
    host = new RunHost({ workerPath, poolSize: 2, log: () => {} });
    const client = connectRecorder(host);
    const c = fixture.grids.find((grid) => grid.loss === 'cross_entropy')!;
    client.send({
      type: 'landscape',
      requestId: 'torch',
      problem: csvProblem(c),
      center: Float64Array.from(c.center),
      d1: Float64Array.from(c.d1),
      d2: Float64Array.from(c.d2),
      alphas: Float64Array.from(c.alphas),
      betas: Float64Array.from(c.betas),
    });
    const last = await client.waitFor(finished('torch'));
    expect(last).toMatchObject({ status: 'complete', computed: 35, total: 35 });
    const grid = new Float64Array(35).fill(NaN);
    for (const m of landscapesOf(client.received, 'torch'))
      m.indices.forEach((index, k) => (grid[index] = m.values[k]!));
    c.loss_grid.flat().forEach((expected, k) => expect(relativeError(grid[k]!, expected)).toBeLessThan(1e-4));
    expect(host.workerThreadIds).toHaveLength(2);
  });

  // One worker, so the order of its messages is the order it computed in: with two, a share's
  // finer batch may be posted before the other share's coarser one (the first test covers two).
  it('stream coarse to fine: every point once, the 5 × 5 level first, then each finer one', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    client.send(request('fine', 33));
    await client.waitFor(finished('fine'));
    const messages = landscapesOf(client.received, 'fine');
    expect(messages.at(-1)).toMatchObject({ status: 'complete', computed: 33 * 33, total: 33 * 33 });
    expect(messages[0]!.level).toBe(0);
    const indices = messages.flatMap((m) => Array.from(m.indices));
    expect(indices).toHaveLength(33 * 33);
    expect(new Set(indices).size).toBe(33 * 33);
    const coarse = messages.filter((m) => m.level === 0).flatMap((m) => Array.from(m.indices));
    expect(coarse).toHaveLength(25);
    const levels = messages.map((m) => m.level);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(new Set(levels)).toEqual(new Set([0, 1, 2, 3]));
    expect(messages.every((m) => Array.from(m.values).every(Number.isFinite))).toBe(true);
  });

  it('answer the same slice again from the cache, in one message', async () => {
    host = new RunHost({ workerPath, poolSize: 2, log: () => {} });
    const client = connectRecorder(host);
    client.send(request('first', 17, 4));
    await client.waitFor(finished('first'));
    client.send(request('again', 17, 4));
    const again = (await client.waitFor(finished('again'))) as LandscapeMessage;
    expect(landscapesOf(client.received, 'again')).toHaveLength(1);
    expect(again).toMatchObject({ status: 'complete', computed: 17 * 17 });
    const first = new Float64Array(17 * 17);
    for (const m of landscapesOf(client.received, 'first'))
      m.indices.forEach((index, k) => (first[index] = m.values[k]!));
    expect(Array.from(again.indices, (index, k) => [index, again.values[k]])).toEqual(
      Array.from(first, (value, index) => [index, value]),
    );
  });

  it('cancel: the workers stop, nothing more arrives, and the next landscape runs', async () => {
    host = new RunHost({ workerPath, poolSize: 2, log: () => {} });
    const client = connectRecorder(host);
    client.send(request('big', 301, 7));
    await client.waitFor((m) => m.type === 'landscape' && m.requestId === 'big');
    client.send({ type: 'cancel-landscape', requestId: 'big' });
    const cancelled = await client.waitFor(finished('big'));
    expect(cancelled).toMatchObject({ type: 'landscape', status: 'cancelled' });
    const count = landscapesOf(client.received, 'big').length;
    client.send(request('after', 9, 8));
    await client.waitFor(finished('after'));
    expect(landscapesOf(client.received, 'after').at(-1)!.status).toBe('complete');
    expect(landscapesOf(client.received, 'big')).toHaveLength(count);
    client.send({ type: 'cancel-landscape', requestId: 'big' });
    expect(client.received.at(-1)).toMatchObject({ type: 'error', requestId: 'big' });
    // The id is free again, and its cancelled shares' last messages cannot be mistaken for the new one's.
    const from = client.received.length;
    client.send(request('big', 9, 10));
    const reused = await client.waitFor((m) => client.received.indexOf(m) >= from && finished('big')(m));
    expect(reused).toMatchObject({ type: 'landscape', status: 'complete', computed: 81 });
  });

  it('report a worker that dies mid-landscape as an error, and reject invalid requests by name', async () => {
    host = new RunHost({ workerPath, poolSize: 2, log: () => {} });
    const client = connectRecorder(host);
    client.send(request('doomed', 301, 9));
    await client.waitFor((m) => m.type === 'landscape' && m.requestId === 'doomed');
    await host.terminateWorkers();
    const error = await client.waitFor(finished('doomed'));
    expect(error).toMatchObject({ type: 'error', requestId: 'doomed' });
    expect(error.type === 'error' && error.message).toMatch(/landscape could not be computed: the worker exited/);

    client.send(request('function', 5, 1, { function: 'himmelblau' }));
    const rejected = client.received.at(-1)!;
    expect(rejected.type === 'error' && rejected.message).toMatch(/landscape needs a network problem/);
    client.send({ ...request('short', 5), d2: new Float64Array(3) });
    const short = client.received.at(-1)!;
    expect(short.type === 'error' && short.message).toMatch(/same length/);
  });
});

describe('slices on a plane the app asks for', () => {
  const moons = {
    mlp: { dataset: { name: 'moons', samples: 100, seed: 2 }, hidden: [6], activation: 'tanh', loss: 'bce' },
  };
  const start = (runId: string, seed: number) =>
    ({
      type: 'start',
      runId,
      problem: moons,
      run: { name: runId, init: { scheme: 'glorot_uniform', seed }, optimizer: { name: 'adam', lr: 0.05 }, steps: 40 },
    }) as ClientMessage;
  const asRun = ({ params, steps }: Checkpoints, name: string) => ({ name, checkpoints: { params, steps } });

  it('choose the shared PCA plane of two runs in a worker, then slice it; again from the cache', async () => {
    host = new RunHost({ workerPath, poolSize: 2, log: () => {} });
    const client = connectRecorder(host);
    client.send(start('a', 1));
    client.send(start('b', 2));
    await client.waitFor(statusIs('a', 'completed'), 60_000);
    await client.waitFor(statusIs('b', 'completed'), 60_000);
    const [a, b] = [receivedCheckpoints(client.received, 'a'), receivedCheckpoints(client.received, 'b')];
    // Each run's path from its initial point to its last step, one 25-parameter vector per checkpoint.
    for (const { params, steps } of [a, b]) {
      expect([steps[0], steps.at(-1)]).toEqual([0, 40]);
      expect(params.length).toBe(25 * steps.length);
    }
    const ask = (requestId: string): ClientMessage =>
      ({
        type: 'slice-plane',
        requestId,
        problem: moons,
        landscape: { directions: 'pca', pcaOf: 'all', run: 'a', resolution: 9 },
        runs: [asRun(a, 'a'), asRun(b, 'b')],
      }) as ClientMessage;
    client.send(ask('shared'));
    const plane = (await client.waitFor(answerTo('shared'))) as SlicePlaneMessage;
    expect(plane.type).toBe('slice-plane');
    const [first, second] = plane.explainedVariance!;
    expect(first + second).toBeLessThanOrEqual(1 + 1e-12);
    expect(second).toBeGreaterThan(0);
    expect(plane.alphas).toHaveLength(9);
    const { center, d1, d2, alphas, betas } = plane;
    const slice = (requestId: string): ClientMessage => ({
      type: 'landscape',
      requestId,
      problem: moons,
      center,
      d1,
      d2,
      alphas,
      betas,
    });
    client.send(slice('grid'));
    await client.waitFor(finished('grid'));
    expect(landscapesOf(client.received, 'grid').at(-1)).toMatchObject({ status: 'complete', computed: 81 });

    client.send(ask('again'));
    const again = (await client.waitFor(answerTo('again'))) as SlicePlaneMessage;
    expect(Array.from(again.d1)).toEqual(Array.from(d1));
    client.send(slice('grid-again'));
    await client.waitFor(finished('grid-again'));
    expect(landscapesOf(client.received, 'grid-again')).toHaveLength(1);
  });

  it('answer a request that cannot be met with an error under its id, and the worker goes on', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    client.send(start('a', 1));
    await client.waitFor(statusIs('a', 'completed'), 60_000);
    const a = receivedCheckpoints(client.received, 'a');
    const wider = { mlp: { ...moons.mlp, hidden: [7] } };
    client.send({
      type: 'slice-plane',
      requestId: 'wrong',
      problem: wider,
      landscape: { directions: 'hessian' },
      runs: [asRun(a, 'a')],
    });
    const error = await client.waitFor(answerTo('wrong'));
    expect(error).toMatchObject({
      type: 'error',
      message: 'runs[0].checkpoints.params: holds vectors of 25 parameters; this network has 29',
    });
    client.send({
      type: 'slice-plane',
      requestId: 'unknown',
      problem: moons,
      landscape: { directions: 'interpolation', through: [{ run: 'a' }, { run: 'z' }] },
      runs: [asRun(a, 'a')],
    });
    expect(client.received.at(-1)).toMatchObject({
      type: 'error',
      requestId: 'unknown',
      message: expect.stringMatching(/landscape\.through\[1\]\.run: names no run: "z"/),
    });
    client.send({
      type: 'slice-plane',
      requestId: 'hessian',
      problem: moons,
      landscape: { directions: 'hessian', resolution: 5 },
      runs: [asRun(a, 'a')],
    });
    const plane = await client.waitFor(answerTo('hessian'));
    expect(plane).toMatchObject({ type: 'slice-plane', eigenvalues: [expect.any(Number), expect.any(Number)] });
  });
});
