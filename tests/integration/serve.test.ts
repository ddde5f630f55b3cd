import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import WebSocket from 'ws';
import { RunHost } from '../../electron/host/run-host';
import { OUTBOX_LIMITS } from '../../electron/host/socket-outbox';
import { serve, type RunningServer } from '../../electron/serve';
import { decodeMessage, encodeMessage } from '../../shared/message-codec';
import type { ClientMessage, FramesMessage, HostMessage } from '../../shared/protocol';
import { assertBuilt, rendererDir, workerPath } from '../support/paths';
import { largeLandscape } from '../support/large-landscape';
import { rawRequest } from '../support/raw-http';

let host: RunHost;
let server: RunningServer;
beforeAll(async () => {
  assertBuilt();
  host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
  server = await serve({ host, rendererDir });
});
afterAll(async () => {
  await server.close();
  await host.close();
});

const origin = () => `http://127.0.0.1:${server.port}`;

function openSocket(path: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('gradscape serve', () => {
  it('binds to loopback only and prints a URL with a long random token', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{24}\/$/);
    expect(await accepts('127.0.0.1', server.port)).toBe(true);
    // Every other address of this machine, IPv6 loopback included, is refused.
    const interfaces = Object.values(networkInterfaces())
      .flat()
      .map((info) => info!.address);
    const others = new Set([
      '::1',
      ...interfaces.filter((address) => address !== '127.0.0.1' && !address.startsWith('fe80:')),
    ]);
    for (const address of others) expect(await accepts(address, server.port), address).toBe(false);
  });

  it('answers 403 to near-miss tokens and 405 to anything but GET and HEAD', async () => {
    const wrong = [...server.token].map((c, i) => (i === 0 ? (c === 'a' ? 'b' : 'a') : c)).join('');
    for (const path of [
      `/${wrong}/`,
      `/${server.token.toUpperCase()}/`,
      `/?token=${server.token}`,
      `/${encodeURIComponent(`${server.token}/`)}`,
      `//${server.token}/`,
    ]) {
      expect((await fetch(`${origin()}${path}`)).status, path).toBe(403);
    }
    expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(server.url, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${origin()}/`, { method: 'POST', body: 'x' })).status).toBe(403);
  });

  it('serves the UI with a CSP under the token, and 403 without it or with a wrong one', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    for (const path of [
      '/',
      '/index.html',
      `/${server.token.slice(0, -1)}x/`,
      `/${server.token}`,
      `/x${server.token}/`,
    ]) {
      expect((await fetch(`${origin()}${path}`)).status, path).toBe(403);
    }
    expect((await fetch(`${server.url}../../etc/passwd`)).status).not.toBe(200);
  });

  it('refuses sockets without the token or from a foreign Origin', async () => {
    await expect(openSocket('/socket', { Origin: origin() })).rejects.toThrow(/403/);
    await expect(openSocket(`/${server.token}/socket`, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(openSocket(`/${server.token}/socket`, {})).rejects.toThrow(/403/);
    const wrong = `${server.token.slice(0, -1)}${server.token.endsWith('a') ? 'b' : 'a'}`;
    await expect(openSocket(`/${wrong}/socket`, { Origin: origin() })).rejects.toThrow(/403/);
    for (const foreign of [
      'null',
      `http://127.0.0.1:${server.port + 1}`,
      `https://127.0.0.1:${server.port}`,
      `http://127.0.0.1.evil.example:${server.port}`,
      `http://[::1]:${server.port}`,
    ]) {
      await expect(openSocket(`/${server.token}/socket`, { Origin: foreign }), foreign).rejects.toThrow(/403/);
    }
    (await openSocket(`/${server.token}/socket`, { Origin: `http://localhost:${server.port}` })).close();
  });

  it('runs an experiment over the socket and answers garbage with an error', async () => {
    const socket = await openSocket(`/${server.token}/socket`, { Origin: origin() });
    const messages: HostMessage[] = [];
    const completed = new Promise<void>((resolve) =>
      socket.on('message', (data: Buffer) => {
        const message = decodeMessage(
          data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
        ) as HostMessage;
        messages.push(message);
        if (message.type === 'status' && message.status === 'completed') resolve();
      }),
    );
    socket.send('not binary');
    socket.send(Buffer.from([1, 2, 3]));
    socket.send(
      encodeMessage({
        type: 'start',
        runId: 'w',
        problem: { function: 'rosenbrock' },
        run: { name: 'w', start: [-1, 1], optimizer: { name: 'sgd', lr: 0.001 }, steps: 100 },
      }),
    );
    await completed;
    socket.close();
    expect(messages.filter((m) => m.type === 'error')).toHaveLength(2);
    const points = messages
      .filter((m) => m.type === 'frames')
      .reduce((n, m) => n + (m.type === 'frames' ? m.loss.length : 0), 0);
    expect(points).toBe(101);
  });
});

describe('gradscape serve, asked with raw requests no client has normalised', () => {
  // A renderer folder of its own, with a secret beside it that no URL may reach.
  const base = mkdtempSync(join(tmpdir(), 'gradscape-serve-raw-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
  // Named with a backslash, which Windows would read as a separator: refused wherever it exists.
  writeFileSync(join(root, 'x\\secret.txt'), 'SECRET');
  writeFileSync(join(base, 'secret.txt'), 'SECRET');
  let raw: RunningServer;
  beforeAll(async () => {
    raw = await serve({ host, rendererDir: root });
  });
  afterAll(() => raw.close());
  const get = (path: string, headers: Record<string, string> = { Host: `127.0.0.1:${raw.port}` }) =>
    rawRequest(raw.port, `GET ${path} HTTP/1.1`, headers);

  it('serves the renderer’s own files under the token', async () => {
    expect(await get(`/${raw.token}/`)).toMatchObject({ status: 200, body: expect.stringContaining('id="root"') });
    expect((await get(`/${raw.token}/assets/app.js?v=1`)).status).toBe(200);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/x\\secret.txt',
    '/x%5csecret.txt',
    '/..\\secret.txt',
    '/index.html%00.js',
  ])('refuses <token>%s', async (path) => {
    const response = await get(`/${raw.token}${path}`);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('SECRET');
  });

  it('takes the path after the token from the raw URL: /<token>/../<24 characters>index.html is not index.html', async () => {
    // Normalised, this URL is /<24 characters>index.html, whose characters after the first 25 are "index.html".
    const response = await get(`/${raw.token}/../${'x'.repeat(raw.token.length)}index.html`);
    expect(response.status).toBe(404);
  });

  it('refuses a Host header other than 127.0.0.1, [::1] or localhost with its port, for pages and for the socket', async () => {
    const port = raw.port;
    const upgrade = (host: string | undefined) =>
      rawRequest(port, `GET /${raw.token}/socket HTTP/1.1`, {
        ...(host === undefined ? {} : { Host: host }),
        Origin: `http://127.0.0.1:${port}`,
        Upgrade: 'websocket',
        Connection: 'Upgrade',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version': '13',
      });
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) {
      expect((await get(`/${raw.token}/`, { Host: host })).status, host).toBe(200);
      expect((await upgrade(host)).status, host).toBe(101);
    }
    for (const host of [
      `evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      'localhost',
      `0.0.0.0:${port}`,
      `127.0.0.2:${port}`,
    ]) {
      const page = await get(`/${raw.token}/`, { Host: host });
      expect(page.status, host).toBe(403);
      expect(page.body).toMatch(/Host header/);
      expect((await upgrade(host)).status, host).toBe(403);
    }
    // Without a Host header: Node refuses such a page request itself; the upgrade is ours to refuse.
    expect((await get(`/${raw.token}/`, {})).status).toBe(400);
    expect((await upgrade(undefined)).status).toBe(403);
  });
});

const decode = (data: Buffer): HostMessage =>
  decodeMessage(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer) as HostMessage;
const start = (runId: string, steps: number, pace?: number): ClientMessage => ({
  type: 'start',
  runId,
  problem: { function: 'rosenbrock' },
  run: { name: runId, start: [-1.5, 2], optimizer: { name: 'adam', lr: 1e-3 }, steps },
  ...(pace ? { pace } : {}),
});

describe('gradscape serve and a client that stops reading', () => {
  it('holds no more than its send buffer beyond the runs’ series, and once the client reads again every step and final status arrives in order', async () => {
    const socket = await openSocket(`/${server.token}/socket`, { Origin: origin() });
    // Whatever happens, this client's runs end with the test.
    onTestFinished(() => socket.terminate());
    const received: { message: HostMessage; bytes: number }[] = [];
    socket.on('message', (data: Buffer) => received.push({ message: decode(data), bytes: data.byteLength }));
    // Far more than the kernel's socket buffers take in: 2 runs × 500,001 steps × 5 numbers × 8 B = 40 MB.
    const STEPS = 500_000;
    const ids = ['p', 'q'];
    const seriesBytes = ids.length * (STEPS + 1) * 5 * 8;
    for (const id of ids) socket.send(encodeMessage(start(id, STEPS)));
    const running = (id: string) =>
      received.some(({ message: m }) => m.type === 'status' && m.runId === id && m.status === 'running');
    await vi.waitFor(() => expect(ids.every(running)).toBe(true), { timeout: 60_000, interval: 10 });
    socket.pause();
    await vi.waitFor(() => expect(host.activeRunCount).toBe(0), { timeout: 120_000, interval: 50 });

    const [stuck] = server.backlogs();
    // The client really stopped reading: part of the series waits, and no more than the series does.
    expect(stuck!.waitingFramesBytes).toBeGreaterThan(0);
    expect(stuck!.waitingFramesBytes).toBeLessThanOrEqual(seriesBytes);
    expect(stuck!.waitingBytes).toBeLessThan(4096);

    socket.resume();
    const completed = (id: string) =>
      received.some(({ message: m }) => m.type === 'status' && m.runId === id && m.status === 'completed');
    await vi.waitFor(() => expect(ids.every(completed)).toBe(true), { timeout: 120_000, interval: 50 });
    const [drained] = server.backlogs();
    // What the socket held unsent never passed the high-water mark by more than one message.
    const largest = Math.max(...received.map(({ bytes }) => bytes));
    console.info(
      `a client that stopped reading ${seriesBytes} B of frames: the socket held at most ${drained!.peakBuffered} B unsent (high-water mark ${OUTBOX_LIMITS.highWaterBytes} B, largest message ${largest} B); ${stuck!.waitingFramesBytes} B of series waited`,
    );
    expect(drained!.peakBuffered).toBeLessThanOrEqual(OUTBOX_LIMITS.highWaterBytes + largest);
    expect(drained).toMatchObject({ waitingFramesBytes: 0, waitingBytes: 0 });
    for (const id of ids) {
      const messages = received.map(({ message }) => message).filter((m) => 'runId' in m && m.runId === id);
      let next = 0;
      for (const frames of messages.filter((m): m is FramesMessage => m.type === 'frames')) {
        expect(frames.fromStep).toBe(next);
        next += frames.loss.length;
      }
      expect(next, id).toBe(STEPS + 1);
      expect(messages.at(-1)).toMatchObject({ type: 'status', status: 'completed' });
    }
  });

  it('cancels the runs and the landscape of a client that disconnects, and lets go of what waited for it', async () => {
    const socket = await openSocket(`/${server.token}/socket`, { Origin: origin() });
    const received: HostMessage[] = [];
    socket.on('message', (data: Buffer) => received.push(decode(data)));
    for (const id of ['x', 'y']) socket.send(encodeMessage(start(id, 1_000_000, 1_000)));
    socket.send(encodeMessage(largeLandscape('slice')));
    await vi.waitFor(
      () => expect(received.some((m) => m.type === 'landscape' && m.status === 'computing')).toBe(true),
      { timeout: 60_000, interval: 50 },
    );
    expect(host.activeRunCount).toBe(2);
    expect(host.activeRequestCount).toBeGreaterThan(0);
    socket.pause();
    socket.terminate();
    await vi.waitFor(
      () => expect([host.activeRunCount, host.activeRequestCount, server.backlogs().length]).toEqual([0, 0, 0]),
      { timeout: 60_000, interval: 50 },
    );
  });
});
