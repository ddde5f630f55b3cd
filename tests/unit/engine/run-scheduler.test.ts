import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../../shared/protocol';
import type { EngineRun, EngineRunStatus, FrameBatch } from '../../../electron/engine/engine-run';
import { RunScheduler } from '../../../electron/engine/run-scheduler';

/** A run of `total` points whose steps each take `msPerStep` on the fake clock. */
class CountingRun implements EngineRun {
  status: EngineRunStatus = 'running';
  done = 0;
  constructor(
    private readonly total: number,
    private readonly clock: { t: number },
    private readonly msPerStep = 0.01,
  ) {}
  advance(maxSteps: number): FrameBatch {
    const from = this.done;
    const n = Math.min(maxSteps + (from === 0 ? 1 : 0), this.total - from);
    this.done += n;
    this.clock.t += n * this.msPerStep;
    if (this.done === this.total) this.status = 'completed';
    const series = () => Float64Array.from({ length: n }, (_, i) => from + i);
    return { fromStep: from, loss: series(), gradNorm: series(), lr: series(), events: [] };
  }
}

function harness() {
  const clock = { t: 0 };
  const posted: WorkerMessage[] = [];
  let pending: { callback: () => void; at: number }[] = [];
  const scheduler = new RunScheduler({
    post: (message) => posted.push(message),
    now: () => clock.t,
    defer: (callback, delayMs) => pending.push({ callback, at: clock.t + delayMs }),
  });
  /** Runs deferred ticks until none is left or `limit` ticks have run. */
  const drain = (limit = 10_000): void => {
    for (let i = 0; i < limit && pending.length; i++) {
      const next = pending.shift()!;
      clock.t = Math.max(clock.t, next.at);
      next.callback();
    }
    pending = pending.slice();
  };
  return { clock, posted, scheduler, drain, pendingCount: () => pending.length };
}

const frames = (posted: WorkerMessage[], runId: string) =>
  posted.filter((m): m is Extract<WorkerMessage, { type: 'frames' }> => m.type === 'frames' && m.runId === runId);

describe('RunScheduler', () => {
  it('streams every step exactly once, in order, batched, then completes', () => {
    const { posted, scheduler, drain, clock } = harness();
    scheduler.add('a', new CountingRun(5001, clock), undefined);
    drain();
    const batches = frames(posted, 'a');
    const steps = batches.flatMap((b) => Array.from(b.loss));
    expect(steps).toEqual(Array.from({ length: 5001 }, (_, i) => i));
    expect(batches.length).toBeLessThan(200);
    expect(posted.at(-1)).toEqual({ type: 'status', runId: 'a', status: 'completed' });
  });

  it('interleaves two runs, so a second run progresses while the first is running', () => {
    const { posted, scheduler, drain, clock } = harness();
    scheduler.add('a', new CountingRun(100_000, clock, 0.05), undefined);
    scheduler.add('b', new CountingRun(2_000, clock, 0.05), undefined);
    drain();
    const order = posted
      .filter((m) => m.type === 'status' && m.status === 'completed')
      .map((m) => ('runId' in m ? m.runId : ''));
    expect(order).toEqual(['b', 'a']);
  });

  it('pauses, resumes and cancels between slices', () => {
    const { posted, scheduler, drain, clock } = harness();
    const run = new CountingRun(1_000_000, clock, 0.05);
    scheduler.add('a', run, undefined);
    drain(3);
    scheduler.setPaused('a', true);
    const doneAtPause = run.done;
    drain();
    expect(run.done).toBe(doneAtPause);
    expect(posted.at(-1)).toMatchObject({ status: 'paused' });
    scheduler.setPaused('a', false);
    drain(3);
    expect(run.done).toBeGreaterThan(doneAtPause);
    scheduler.cancel('a');
    const doneAtCancel = run.done;
    drain();
    expect(run.done).toBe(doneAtCancel);
    expect(posted.at(-1)).toEqual({ type: 'status', runId: 'a', status: 'cancelled' });
    expect(scheduler.activeCount).toBe(0);
  });

  it('holds a paced run to its pace', () => {
    const { posted, scheduler, drain, clock } = harness();
    scheduler.add('a', new CountingRun(1_000_000, clock, 0.001), 100);
    const start = clock.t;
    drain(60);
    const seconds = (clock.t - start) / 1000;
    const steps = frames(posted, 'a').reduce((sum, b) => sum + b.loss.length, 0);
    expect(steps).toBeGreaterThan(100 * seconds * 0.8);
    expect(steps).toBeLessThan(100 * seconds * 1.2 + 2);
  });

  it('reports a run whose engine throws as failed and keeps the others going', () => {
    const { posted, scheduler, drain, clock } = harness();
    const broken: EngineRun = {
      status: 'running',
      advance: () => {
        throw new Error('boom');
      },
    };
    scheduler.add('bad', broken, undefined);
    scheduler.add('good', new CountingRun(10, clock), undefined);
    drain();
    expect(posted).toContainEqual({ type: 'status', runId: 'bad', status: 'failed', message: 'boom' });
    expect(posted.at(-1)).toEqual({ type: 'status', runId: 'good', status: 'completed' });
  });
});
