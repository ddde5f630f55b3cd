import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_CSV_BYTES } from '../shared/limits';
import { decodeMessage } from '../shared/message-codec';
import { contentSecurityPolicy } from './host/content-security-policy';
import { isLoopbackHost } from './host/loopback-host';
import type { RunHost } from './host/run-host';
import { SocketOutbox, type OutboxStats } from './host/socket-outbox';
import { readStaticFile } from './host/static-files';

export interface ServeOptions {
  host: RunHost;
  rendererDir: string;
  port?: number;
  /** Fixed for tests; random otherwise. */
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  /** Per open socket, what it holds unsent and what waits for it (diagnostics; tests bound these). */
  backlogs(): OutboxStats[];
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
/** A message may carry a CSV dataset's content (shared/limits.ts) beside the rest of a problem. */
const MAX_MESSAGE_BYTES = MAX_CSV_BYTES + (1 << 20);

/**
 * The app's UI for a browser: static files and a WebSocket to the run host, on loopback only.
 * Every path starts with a random token (/<token>/…); without it the answer is 403, and the
 * socket also requires our own Origin, so other pages and other users cannot drive the host.
 * The Host header must name the loopback address or localhost with our port, for pages and
 * for the socket, so a rebound DNS name cannot reach either.
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const prefix = `/${token}/`;
  const hasToken = (url: string | undefined): boolean => {
    const candidate = Buffer.from((url ?? '').slice(0, prefix.length));
    const expected = Buffer.from(prefix);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  };
  let origins: Set<string> = new Set();

  const server = createServer((request, response) => void answer(request, response));
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackHost(request.headers.host, port)) return deny(response, 403, hostRefusal(port));
    if (!hasToken(request.url)) return deny(response, 403, "forbidden: the URL lacks this server's token");
    if (request.method !== 'GET' && request.method !== 'HEAD') return deny(response, 405, 'method not allowed');
    // The raw URL, not a normalised one: "/<token>/../x" must not become "/x".
    const path = rawPath(request.url!).slice(prefix.length - 1);
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) return deny(response, 404, 'not found');
    response.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Security-Policy': contentSecurityPolicy(`ws://${LOOPBACK}:${port}`),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request, socket, head) => {
    const allowed =
      isLoopbackHost(request.headers.host, port) &&
      rawPath(request.url ?? '') === `${prefix}socket` &&
      hasToken(request.url) &&
      origins.has(request.headers.origin ?? '');
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws));
  });

  const outboxes = new Set<SocketOutbox>();
  function attach(ws: WebSocket): void {
    const outbox = new SocketOutbox(ws, (reason) => {
      console.warn(`[gradscape] closed a socket: ${reason}`);
      ws.terminate();
    });
    outboxes.add(outbox);
    const connection = options.host.connect((message) => {
      if (ws.readyState === ws.OPEN) outbox.push(message);
    });
    ws.on('message', (data, isBinary) => {
      let raw: unknown;
      try {
        if (!isBinary) throw new Error('expected a binary message');
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        raw = decodeMessage(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      } catch (error) {
        raw = { malformed: (error as Error).message };
      }
      connection.receive(raw);
    });
    ws.on('close', () => {
      outbox.close();
      outboxes.delete(outbox);
      connection.close();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  origins = new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);
  return {
    url: `http://${LOOPBACK}:${port}${prefix}`,
    port,
    token,
    backlogs: () => [...outboxes].map((outbox) => outbox.stats),
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The path of a request's URL as sent, without its query or fragment. */
function rawPath(url: string): string {
  return url.split(/[?#]/, 1)[0]!;
}

const hostRefusal = (port: number): string =>
  `forbidden: the Host header must be 127.0.0.1:${port}, localhost:${port} or [::1]:${port}`;

function deny(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(message);
}
