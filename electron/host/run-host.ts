import { availableParallelism } from 'node:os';
import { describeIssue } from '../../shared/describe-issue';
import { clientMessageSchema, FINAL_STATUSES, type HostMessage, type WorkerMessage } from '../../shared/protocol';
import { LandscapeCoordinator } from './landscape-coordinator';
import { WorkerPool } from './worker-pool';

export interface RunHostOptions {
  workerPath: string;
  poolSize?: number;
  log?: (message: string) => void;
  /** What one connection may have in progress at once; CONNECTION_LIMITS otherwise. */
  limits?: Partial<ConnectionLimits>;
  /** A worker that leaves a step or grid batch unfinished this long is replaced (worker-pool.ts). */
  watchdogMs?: number;
}

export interface ConnectionLimits {
  /** Runs started and not yet finished. */
  runs: number;
  /** Landscapes being computed. */
  landscapes: number;
}

/**
 * Per connection (docs/formats.md, "Server limits"): twice a spec's 64 runs, so a spec can be
 * run again while the previous runs' cancels are on their way; a handful of landscapes per view.
 */
export const CONNECTION_LIMITS: ConnectionLimits = { runs: 128, landscapes: 16 };

/** One client of the host: a window or a browser socket. Its ids live in its own namespace. */
export interface HostConnection {
  /** Validates and acts on one message from the client; an invalid one is answered with an error. */
  receive(raw: unknown): void;
  /** The client is gone: its runs are cancelled. */
  close(): void;
}

interface Client {
  send(message: HostMessage): void;
  runs: Set<string>;
  landscapes: Set<string>;
}

const SEPARATOR = ':';

/**
 * The run lifecycle between clients and workers. Imports no electron, so the Electron main
 * process and `gradscape serve` share it and tests drive it in plain Node.
 */
export class RunHost {
  private readonly pool: WorkerPool;
  private readonly landscapes: LandscapeCoordinator;
  private readonly clients = new Map<string, Client>();
  private nextClient = 1;
  private readonly log: (message: string) => void;
  private readonly limits: ConnectionLimits;

  constructor(options: RunHostOptions) {
    this.log = options.log ?? ((message) => console.warn(`[gradscape] ${message}`));
    this.limits = { ...CONNECTION_LIMITS, ...options.limits };
    this.pool = new WorkerPool({
      workerPath: options.workerPath,
      size: options.poolSize ?? Math.max(1, availableParallelism()),
      onMessage: (message) => this.route(message),
      onLost: (ids, reason) => this.reportLost(ids, reason),
      log: this.log,
      ...(options.watchdogMs === undefined ? {} : { watchdogMs: options.watchdogMs }),
    });
    this.landscapes = new LandscapeCoordinator(this.pool);
  }

  get workerThreadIds(): number[] {
    return this.pool.threadIds;
  }

  get activeRunCount(): number {
    return this.pool.runCount;
  }

  get activeRequestCount(): number {
    return this.pool.requestCount;
  }

  connect(send: (message: HostMessage) => void): HostConnection {
    const clientId = `c${this.nextClient++}`;
    const client: Client = { send, runs: new Set(), landscapes: new Set() };
    this.clients.set(clientId, client);
    const scoped = (id: string): string => `${clientId}${SEPARATOR}${id}`;
    return {
      receive: (raw) => {
        const parsed = clientMessageSchema.safeParse(raw);
        if (!parsed.success) {
          const message = `rejected an invalid message: ${describeIssue(parsed.error)}`;
          this.log(message);
          // Answer under the request's own id when it has a usable one, so its caller stops waiting.
          const requestId = requestIdOf(raw);
          send({ type: 'error', message, ...(requestId ? { requestId } : {}) });
          return;
        }
        const message = parsed.data;
        switch (message.type) {
          case 'start':
            if (client.runs.has(message.runId)) {
              send({ type: 'error', message: `run "${message.runId}" is already running` });
              return;
            }
            if (client.runs.size >= this.limits.runs) {
              send({
                type: 'status',
                runId: message.runId,
                status: 'failed',
                message: overLimit(this.limits.runs, 'runs'),
              });
              return;
            }
            client.runs.add(message.runId);
            this.pool.startRun({ ...message, runId: scoped(message.runId) });
            send({ type: 'status', runId: message.runId, status: 'queued' });
            return;
          case 'pause':
          case 'resume':
          case 'cancel':
            if (!this.pool.controlRun({ ...message, runId: scoped(message.runId) })) {
              send({ type: 'error', message: `no active run "${message.runId}"` });
            }
            return;
          case 'surface':
          case 'slice-plane':
          case 'curvature':
            this.pool.request({ ...message, requestId: scoped(message.requestId) });
            return;
          case 'landscape': {
            const { requestId } = message;
            // A second request under an id in progress is refused by the coordinator and must not free its place.
            const fresh = !client.landscapes.has(requestId);
            if (fresh && client.landscapes.size >= this.limits.landscapes) {
              send({ type: 'error', requestId, message: overLimit(this.limits.landscapes, 'landscapes') });
              return;
            }
            client.landscapes.add(requestId);
            void this.landscapes.start(scoped(requestId), message, (reply) => {
              if (fresh && (reply.type === 'error' || reply.status !== 'computing'))
                client.landscapes.delete(requestId);
              send({ ...reply, requestId });
            });
            return;
          }
          case 'cancel-landscape':
            if (!this.landscapes.cancel(scoped(message.requestId))) {
              send({
                type: 'error',
                requestId: message.requestId,
                message: `no landscape "${message.requestId}" is being computed`,
              });
            }
            return;
        }
      },
      close: () => {
        for (const runId of client.runs) this.pool.controlRun({ type: 'cancel', runId: scoped(runId) });
        this.landscapes.cancelAll(scoped(''));
        this.clients.delete(clientId);
      },
    };
  }

  /** Restarts the engine: every worker stops and its runs fail; the next run gets a fresh worker. */
  terminateWorkers(): Promise<void> {
    return this.pool.terminateAll();
  }

  async close(): Promise<void> {
    this.clients.clear();
    await this.pool.close();
  }

  /** Sends a worker's message to the client that owns it, under the client's own id. */
  private route(message: WorkerMessage): void {
    if (this.landscapes.receive(message)) return;
    const scopedId = 'runId' in message ? message.runId : message.requestId;
    if (scopedId === undefined) {
      this.log(message.type === 'error' ? `worker: ${message.message}` : 'a worker message without an id');
      return;
    }
    const [clientId, id] = splitScoped(scopedId);
    const client = this.clients.get(clientId);
    if (!client) return;
    if (message.type === 'status' && FINAL_STATUSES.has(message.status)) {
      client.runs.delete(id);
    }
    client.send('runId' in message ? { ...message, runId: id } : { ...message, requestId: id });
  }

  private reportLost(ids: { runIds: string[]; requestIds: string[] }, reason: string): void {
    for (const scopedId of ids.runIds) {
      this.route({ type: 'status', runId: scopedId, status: 'failed', message: reason });
    }
    for (const scopedId of this.landscapes.lost(ids.requestIds, reason)) {
      this.route({ type: 'error', requestId: scopedId, message: reason });
    }
  }
}

const overLimit = (limit: number, what: 'runs' | 'landscapes'): string =>
  `refused: this connection already has ${limit} ${what} in progress, the most one client may have at once`;

function splitScoped(scopedId: string): [string, string] {
  const at = scopedId.indexOf(SEPARATOR);
  return [scopedId.slice(0, at), scopedId.slice(at + 1)];
}

function requestIdOf(raw: unknown): string | undefined {
  const id = raw !== null && typeof raw === 'object' ? (raw as { requestId?: unknown }).requestId : undefined;
  return typeof id === 'string' && /^[\w.:-]{1,96}$/.test(id) ? id : undefined;
}
