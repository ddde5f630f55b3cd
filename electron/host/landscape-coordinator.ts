import { progressiveLevels } from '../../shared/landscape-levels';
import type { LandscapeMessage, LandscapeRequest, WorkerMessage } from '../../shared/protocol';
import { LandscapeCache, landscapeCacheKey } from './landscape-cache';
import type { WorkerPool } from './worker-pool';

/** What a landscape's client is sent; the host puts the client's own request id on it. */
export type LandscapeReply = Omit<LandscapeMessage, 'requestId'> | { type: 'error'; message: string };

interface Job {
  reply: (message: LandscapeReply) => void;
  key?: string;
  parts: string[];
  finished: Set<string>;
  /** The values so far, for the cache. */
  grid: Float64Array;
  computed: number;
  total: number;
}

/**
 * Splits each landscape across the worker pool, one share per worker taking batches of points
 * from a common counter (so both cores work, whatever else runs on them), forwards the shares'
 * values to the client as they come — coarse levels first — and keeps finished grids in a
 * content-addressed cache, so the same slice asked again is answered in one message.
 */
export class LandscapeCoordinator {
  private readonly jobs = new Map<string, Job>();
  /** Part ids still out on a worker, and the job (scoped request id) each belongs to. */
  private readonly parts = new Map<string, string>();
  /** Numbers each start's parts, so a request id reused after a cancel never meets its old parts' last messages. */
  private starts = 0;

  constructor(
    private readonly pool: WorkerPool,
    private readonly cache = new LandscapeCache(),
  ) {}

  async start(requestId: string, request: LandscapeRequest, reply: (message: LandscapeReply) => void): Promise<void> {
    if (this.jobs.has(requestId)) {
      reply({ type: 'error', message: 'this landscape request id is already being computed' });
      return;
    }
    const total = request.alphas.length * request.betas.length;
    const job: Job = {
      reply,
      parts: [],
      finished: new Set(),
      grid: new Float64Array(total).fill(NaN),
      computed: 0,
      total,
    };
    this.jobs.set(requestId, job);
    const key = landscapeCacheKey(request);
    const cached = this.cache.get(key);
    if (cached) {
      this.jobs.delete(requestId);
      const level = progressiveLevels(request.alphas.length, request.betas.length).length - 1;
      const indices = Float64Array.from({ length: total }, (_, k) => k);
      reply({
        type: 'landscape',
        status: 'complete',
        level,
        indices,
        values: Float64Array.from(cached),
        computed: total,
        total,
      });
      return;
    }
    job.key = key;
    const count = Math.max(1, Math.min(this.pool.size, total));
    const start = ++this.starts;
    const claimed = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    for (let index = 0; index < count; index++) {
      const partId = `${requestId}:part${start}.${index}`;
      job.parts.push(partId);
      this.parts.set(partId, requestId);
      this.pool.request({ ...request, requestId: partId, claimed });
    }
  }

  /** Stops a landscape; false if none is being computed under that id. */
  cancel(requestId: string, notify = true): boolean {
    const job = this.jobs.get(requestId);
    if (!job) return false;
    this.stop(requestId, job);
    if (notify) {
      const empty = new Float64Array(0);
      job.reply({
        type: 'landscape',
        status: 'cancelled',
        level: 0,
        indices: empty,
        values: empty,
        computed: job.computed,
        total: job.total,
      });
    }
    return true;
  }

  /** Cancels, silently, every landscape whose scoped id starts with `prefix` (a client that left). */
  cancelAll(prefix: string): void {
    for (const requestId of [...this.jobs.keys()]) if (requestId.startsWith(prefix)) this.cancel(requestId, false);
  }

  /** Takes a worker's message about a landscape share; false if it is about something else. */
  receive(message: WorkerMessage): boolean {
    if ((message.type !== 'landscape' && message.type !== 'error') || message.requestId === undefined) return false;
    const requestId = this.parts.get(message.requestId);
    if (requestId === undefined) return false;
    const job = this.jobs.get(requestId);
    if (message.type === 'error' || message.status !== 'computing') this.parts.delete(message.requestId);
    if (!job) return true;
    if (message.type === 'error') {
      this.fail(requestId, job, message.message);
      return true;
    }
    if (message.status === 'cancelled') return true;
    message.indices.forEach((index, k) => (job.grid[index] = message.values[k]!));
    job.computed += message.values.length;
    if (message.status === 'complete') job.finished.add(message.requestId);
    const complete = job.finished.size === job.parts.length;
    const { level, indices, values } = message;
    job.reply({
      type: 'landscape',
      status: complete ? 'complete' : 'computing',
      level,
      indices,
      values,
      computed: job.computed,
      total: job.total,
    });
    if (complete) {
      this.jobs.delete(requestId);
      if (job.key !== undefined) this.cache.set(job.key, job.grid);
    }
    return true;
  }

  /** Shares lost with a worker that died fail their landscape; returns the ids that were not landscape shares. */
  lost(requestIds: string[], reason: string): string[] {
    return requestIds.filter((partId) => {
      const requestId = this.parts.get(partId);
      if (requestId === undefined) return true;
      this.parts.delete(partId);
      const job = this.jobs.get(requestId);
      if (job) this.fail(requestId, job, reason);
      return false;
    });
  }

  private fail(requestId: string, job: Job, reason: string): void {
    this.stop(requestId, job);
    job.reply({ type: 'error', message: `the landscape could not be computed: ${reason}` });
  }

  /** Forgets the job and cancels its shares still on workers; their last messages are then dropped. */
  private stop(requestId: string, job: Job): void {
    this.jobs.delete(requestId);
    for (const partId of job.parts) {
      if (this.parts.has(partId)) this.pool.cancelRequest({ type: 'cancel-landscape', requestId: partId });
    }
  }
}
