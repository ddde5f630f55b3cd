import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RunHost } from '../../electron/host/run-host';
import { serve, type RunningServer } from '../../electron/serve';
import { decodeMessage, encodeMessage } from '../../shared/message-codec';
import type { HostMessage } from '../../shared/protocol';
import { assertBuilt, rendererDir, workerPath } from '../support/paths';

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
    const interfaces = Object.values(networkInterfaces()).flat().map((info) => info!.address);
    const others = new Set(['::1', ...interfaces.filter((address) => address !== '127.0.0.1' && !address.startsWith('fe80:'))]);
    for (const address of others) expect(await accepts(address, server.port), address).toBe(false);
  });

  it('answers 403 to near-miss tokens and 405 to anything but GET and HEAD', async () => {
    const wrong = [...server.token].map((c, i) => (i === 0 ? (c === 'a' ? 'b' : 'a') : c)).join('');
    for (const path of [`/${wrong}/`, `/${server.token.toUpperCase()}/`, `/?token=${server.token}`, `/${encodeURIComponent(`${server.token}/`)}`, `//${server.token}/`]) {
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
    for (const path of ['/', '/index.html', `/${server.token.slice(0, -1)}x/`, `/${server.token}`, `/x${server.token}/`]) {
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
    for (const foreign of ['null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`, `http://127.0.0.1.evil.example:${server.port}`, `http://[::1]:${server.port}`]) {
      await expect(openSocket(`/${server.token}/socket`, { Origin: foreign }), foreign).rejects.toThrow(/403/);
    }
    (await openSocket(`/${server.token}/socket`, { Origin: `http://localhost:${server.port}` })).close();
  });

  it('runs an experiment over the socket and answers garbage with an error', async () => {
    const socket = await openSocket(`/${server.token}/socket`, { Origin: origin() });
    const messages: HostMessage[] = [];
    const completed = new Promise<void>((resolve) =>
      socket.on('message', (data: Buffer) => {
        const message = decodeMessage(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer) as HostMessage;
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
    const points = messages.filter((m) => m.type === 'frames').reduce((n, m) => n + (m.type === 'frames' ? m.loss.length : 0), 0);
    expect(points).toBe(101);
  });
});
