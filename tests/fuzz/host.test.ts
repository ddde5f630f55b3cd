import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RunHost } from '../../electron/host/run-host';
import { serve, type RunningServer } from '../../electron/serve';
import { decodeMessage, encodeMessage } from '../../shared/message-codec';
import { clientMessageSchema, workerRequestSchema, type HostMessage } from '../../shared/protocol';
import { connectRecorder, statusIs } from '../support/host-client';
import { assertBuilt, rendererDir, workerPath } from '../support/paths';
import { fuzz, isOneLine, mutationsOf, nastyConstants, triedSummary } from './fuzz';

/** Mutated messages to the host, straight to a worker, and over serve's socket: answered, never fatal. */

const run = { name: 'r', start: [0.5, -0.5], optimizer: { name: 'adam', lr: 0.05 }, steps: 30 };
const bases = [
  { type: 'start', runId: 'f', problem: { function: 'himmelblau' }, run },
  {
    type: 'start',
    runId: 'e',
    problem: { expression: 'x^4 - x^2 + y^2' },
    bounds: [
      [-2, 2],
      [-2, 2],
    ],
    run: { ...run, optimizer: { name: 'rmsprop', lr: 0.01, centered: true } },
  },
  {
    type: 'start',
    runId: 'n',
    problem: {
      mlp: { dataset: { name: 'circles', samples: 24, seed: 1 }, hidden: [3], activation: 'tanh', loss: 'bce' },
    },
    run: { name: 'n', init: { scheme: 'glorot_normal', seed: 1 }, optimizer: { name: 'sgd', lr: 0.1 }, steps: 10 },
  },
  { type: 'cancel', runId: 'f' },
  {
    type: 'surface',
    requestId: 's',
    problem: { function: 'beale' },
    bounds: [
      [-4.5, 4.5],
      [-4.5, 4.5],
    ],
    resolution: 9,
  },
  {
    type: 'landscape',
    requestId: 'l',
    problem: { mlp: { dataset: { name: 'xor', samples: 16, seed: 1 }, hidden: [2], activation: 'relu', loss: 'bce' } },
    center: new Float64Array(9),
    d1: new Float64Array(9).fill(1),
    d2: new Float64Array(9).fill(-1),
    alphas: Float64Array.from([-1, 0, 1]),
    betas: Float64Array.from([-1, 0, 1]),
  },
];
/** No arbitrary numbers: a valid mutation must stay a short run. */
const values = fc.constantFrom(...nastyConstants, Float64Array.from([NaN, 1]), new Float64Array(0), undefined);
const message = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(...bases.map((base) => mutationsOf(base, values))) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

let host: RunHost;
let server: RunningServer;
beforeAll(async () => {
  assertBuilt();
  host = new RunHost({ workerPath, poolSize: 2, log: () => {} });
  server = await serve({ host, rendererDir });
});
afterAll(async () => {
  await server.close();
  await host.close();
  console.info(`fuzz inputs: ${triedSummary()}`);
});

const isError = (m: HostMessage): m is Extract<HostMessage, { type: 'error' }> => m.type === 'error';

describe('fuzzing the host', () => {
  it('rejects each invalid message with one line, runs the valid ones, and keeps its workers', async () => {
    const client = connectRecorder(host);
    let sent = 0;
    await fuzz(
      'host',
      fc.property(message, (input) => {
        // Run ids stay unique, so a valid start is never refused as a duplicate.
        if (input !== null && typeof input === 'object' && 'runId' in input && typeof input.runId === 'string')
          input.runId += `-${sent}`;
        sent++;
        const from = client.received.length;
        client.send(input as Record<string, unknown>);
        const replies = client.received.slice(from);
        if (clientMessageSchema.safeParse(input).success) return;
        expect(replies).toHaveLength(1);
        const [reply] = replies;
        expect(reply!.type).toBe('error');
        expect(isError(reply!) && reply.message).toMatch(/^rejected an invalid message: /);
        expect(isError(reply!) && isOneLine(reply.message)).toBe(true);
      }),
      300,
    );
    const threads = host.workerThreadIds;
    client.send({
      type: 'start',
      runId: 'after-fuzz',
      problem: { function: 'booth' },
      run: { ...run, name: 'after-fuzz' },
    });
    await client.waitFor(statusIs('after-fuzz', 'completed'));
    expect(host.workerThreadIds).toEqual(threads);
    const failures = client.received.filter((m) => m.type === 'status' && m.status === 'failed');
    for (const failure of failures)
      expect(failure.type === 'status' && failure.message).not.toMatch(/worker (exited|crashed)/);
    for (const error of client.received.filter(isError)) expect(isOneLine(error.message), error.message).toBe(true);
    client.close();
  });
});

describe('fuzzing a worker directly', () => {
  it('answers every invalid request with one error line and never exits', async () => {
    const worker = new Worker(workerPath);
    let exited = false;
    worker.on('exit', () => (exited = true));
    const replies: HostMessage[] = [];
    worker.on('message', (reply: HostMessage) => replies.push(reply));
    let invalid = 0;
    // The host sends a worker its share of a landscape as a part, with the shares' counter.
    const landscape = bases.find((base) => base.type === 'landscape')!;
    const part = mutationsOf({ ...landscape, claimed: new Int32Array(new SharedArrayBuffer(4)) }, values);
    await fuzz(
      'worker',
      fc.property(fc.oneof(message, part, fc.anything()), (input) => {
        if (!workerRequestSchema.safeParse(input).success) invalid++;
        worker.postMessage(input);
      }),
      300,
    );
    worker.postMessage({ type: 'start', runId: 'last', problem: { function: 'booth' }, run });
    await new Promise<void>((resolve) =>
      worker.on(
        'message',
        (reply: HostMessage) =>
          reply.type === 'status' && reply.runId === 'last' && reply.status === 'completed' && resolve(),
      ),
    );
    const rejected = replies.filter(
      (reply) => isError(reply) && reply.message.startsWith('invalid request to the worker: '),
    );
    expect(rejected).toHaveLength(invalid);
    for (const reply of replies.filter(isError)) expect(isOneLine(reply.message), reply.message).toBe(true);
    expect(exited).toBe(false);
    await worker.terminate();
  });
});

describe('fuzzing serve’s socket', () => {
  it('answers random and corrupted frames with errors and keeps the connection', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/${server.token}/socket`, {
      headers: { Origin: origin },
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const replies: HostMessage[] = [];
    socket.on('message', (data: Buffer) =>
      replies.push(
        decodeMessage(
          data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
        ) as HostMessage,
      ),
    );
    const corrupted = fc
      .tuple(message, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }))
      .map(([input, flips]) => {
        // A client encodes objects only; JSON has no undefined.
        const bytes = new Uint8Array(encodeMessage(input ?? null));
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        return bytes;
      });
    const frame = fc.oneof(corrupted, fc.uint8Array({ maxLength: 40 }), fc.string({ maxLength: 20 }));
    await fuzz(
      'socket',
      fc.property(frame, (data) => socket.send(data)),
      200,
    );
    socket.send(encodeMessage({ type: 'start', runId: 'last', problem: { function: 'booth' }, run }));
    await expect
      .poll(() => replies.some((m) => m.type === 'status' && m.runId === 'last' && m.status === 'completed'), {
        timeout: 30_000,
      })
      .toBe(true);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    expect(replies.filter(isError).length).toBeGreaterThan(0);
    for (const reply of replies.filter(isError)) expect(isOneLine(reply.message), reply.message).toBe(true);
    socket.close();
    expect((await fetch(server.url)).status).toBe(200);
  });
});
