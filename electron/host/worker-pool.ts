import { performance } from 'node:perf_hooks';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { describeIssue } from '../../shared/describe-issue';
import { FINAL_STATUSES, workerMessageSchema, type WorkerMessage, type WorkerRequest } from '../../shared/protocol';

export interface WorkerPoolOptions {
  workerPath: string;
  size: number;
  onMessage(message: WorkerMessage): void;
  /** A worker died: these runs and requests are gone with it. */
  onLost(ids: { runIds: string[]; requestIds: string[] }, reason: string): void;
  log(message: string): void;
  /** How long a worker may leave its pings unanswered (one step or grid batch); WATCHDOG_MS otherwise. */
  watchdogMs?: number;
}

/** docs/formats.md, "Server limits". */
export const WATCHDOG_MS = 30_000;

interface PooledWorker {
  worker: Worker;
  runs: Set<string>;
  requests: Set<string>;
  /** The watchdog's channel: the worker answers each ping between its steps and batches. */
  heartbeat: MessagePort;
  /** When the ping still unanswered was sent. */
  pingedAt?: number;
  /** It has answered once: it has loaded, so from now on silence means a step that does not end. */
  answered: boolean;
}

/**
 * Up to `size` worker threads, started on demand. A run stays on the worker that started it;
 * new work goes to the least loaded worker. A worker that dies is replaced on the next demand.
 * A watchdog pings each busy worker; one that stays silent for `watchdogMs` is stuck in a step
 * or a grid batch (a worker reads its messages only between them), so it is terminated and its
 * runs and requests fail, while the other workers' go on.
 */
export class WorkerPool {
  private readonly workers: PooledWorker[] = [];
  private readonly owner = new Map<string, PooledWorker>();
  private closing = false;
  private readonly watchdogMs: number;
  private watchdog?: NodeJS.Timeout;

  constructor(private readonly options: WorkerPoolOptions) {
    this.watchdogMs = options.watchdogMs ?? WATCHDOG_MS;
  }

  get threadIds(): number[] {
    return this.workers.map((entry) => entry.worker.threadId);
  }

  get runCount(): number {
    return this.workers.reduce((sum, entry) => sum + entry.runs.size, 0);
  }

  /** Surfaces, slice planes and landscape shares out on workers. */
  get requestCount(): number {
    return this.workers.reduce((sum, entry) => sum + entry.requests.size, 0);
  }

  startRun(request: Extract<WorkerRequest, { type: 'start' }>): void {
    const entry = this.pick();
    entry.runs.add(request.runId);
    this.owner.set(request.runId, entry);
    entry.worker.postMessage(request);
  }

  /** Pause, resume or cancel: goes to the worker that holds the run; false if none does. */
  controlRun(request: Extract<WorkerRequest, { type: 'pause' | 'resume' | 'cancel' }>): boolean {
    const entry = this.owner.get(request.runId);
    if (!entry) return false;
    entry.worker.postMessage(request);
    return true;
  }

  get size(): number {
    return this.options.size;
  }

  /** A request answered by one or more messages: a surface, a slice's plane, a checkpoint's curvature, or a share of a landscape. */
  request(request: Extract<WorkerRequest, { type: 'surface' | 'slice-plane' | 'curvature' | 'landscape' }>): void {
    const entry = this.pick();
    entry.requests.add(request.requestId);
    this.owner.set(request.requestId, entry);
    entry.worker.postMessage(request);
  }

  /** Cancels a landscape share on the worker computing it; false if none is. */
  cancelRequest(request: Extract<WorkerRequest, { type: 'cancel-landscape' }>): boolean {
    const entry = this.owner.get(request.requestId);
    if (!entry) return false;
    entry.worker.postMessage(request);
    return true;
  }

  /** Stops every worker now, as a crash would: their runs are reported lost. */
  async terminateAll(): Promise<void> {
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.watchdog);
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
    this.workers.length = 0;
    this.owner.clear();
  }

  private pick(): PooledWorker {
    const load = (entry: PooledWorker): number => entry.runs.size + entry.requests.size;
    const idle = this.workers.find((entry) => load(entry) === 0);
    if (idle) return idle;
    if (this.workers.length < this.options.size) return this.spawn();
    return this.workers.reduce((best, entry) => (load(entry) < load(best) ? entry : best));
  }

  private spawn(): PooledWorker {
    const { port1: heartbeat, port2 } = new MessageChannel();
    const worker = new Worker(this.options.workerPath, { workerData: { heartbeat: port2 }, transferList: [port2] });
    const entry: PooledWorker = { worker, runs: new Set(), requests: new Set(), heartbeat, answered: false };
    heartbeat.on('message', () => {
      entry.pingedAt = undefined;
      entry.answered = true;
    });
    heartbeat.unref();
    this.workers.push(entry);
    this.watchdog ??= setInterval(() => this.checkHeartbeats(), this.watchdogMs / 4).unref();
    worker.on('message', (raw: unknown) => this.receive(entry, raw));
    worker.on('error', (error) => this.lose(entry, `the worker crashed: ${error.message}`));
    worker.on('exit', (code) => this.lose(entry, `the worker exited with code ${code}`));
    return entry;
  }

  private receive(entry: PooledWorker, raw: unknown): void {
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.options.log(`ignored an invalid message from a worker: ${describeIssue(parsed.error)}`);
      return;
    }
    const message = parsed.data;
    if (message.type === 'status' && FINAL_STATUSES.has(message.status)) this.release(entry, message.runId);
    const answered =
      message.type === 'surface' ||
      message.type === 'slice-plane' ||
      message.type === 'curvature' ||
      message.type === 'error' ||
      (message.type === 'landscape' && message.status !== 'computing');
    if (answered && message.requestId) this.release(entry, message.requestId);
    this.options.onMessage(message);
  }

  private release(entry: PooledWorker, id: string): void {
    entry.runs.delete(id);
    entry.requests.delete(id);
    if (this.owner.get(id) === entry) this.owner.delete(id);
  }

  /** Pings each busy worker that has no ping out, and stops any that left one unanswered too long. */
  private checkHeartbeats(): void {
    const now = performance.now();
    for (const entry of [...this.workers]) {
      if (entry.pingedAt === undefined) {
        if (entry.runs.size + entry.requests.size === 0) continue;
        entry.pingedAt = now;
        entry.heartbeat.postMessage(null);
      } else if (entry.answered && now - entry.pingedAt >= this.watchdogMs) {
        this.lose(
          entry,
          `the worker was stopped: a step or landscape batch ran for more than ${this.watchdogMs / 1000} s (the watchdog's limit)`,
        );
      }
    }
  }

  private lose(entry: PooledWorker, reason: string): void {
    const index = this.workers.indexOf(entry);
    if (index < 0) return;
    this.workers.splice(index, 1);
    entry.heartbeat.close();
    const runIds = [...entry.runs];
    const requestIds = [...entry.requests];
    for (const id of [...runIds, ...requestIds]) this.owner.delete(id);
    if (this.closing) return;
    this.options.log(reason);
    void entry.worker.terminate();
    if (runIds.length || requestIds.length) this.options.onLost({ runIds, requestIds }, reason);
  }
}
