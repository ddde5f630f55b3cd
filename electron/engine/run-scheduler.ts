import type { WorkerMessage } from '../../shared/protocol';
import type { CheckpointCurvature } from '../../shared/schemas/checkpoints';
import type { EngineRun, FrameBatch } from './engine-run';

/**
 * Interleaves the runs of one worker: each tick gives every active run a slice of about
 * SLICE_MS of compute (or, for a paced run, the steps its pace allows since the last tick) and
 * posts what it produced as one frames message. Messages from the host are handled between
 * ticks, so pause and cancel take effect within a slice.
 */
const SLICE_MS = 25;
const PACED_TICK_MS = 33;
/** How often a network's predictions (decision boundary) are refreshed while it trains. */
const PREDICTION_MS = 250;

interface ScheduledRun {
  run: EngineRun;
  paused: boolean;
  pace: number | undefined;
  /** Steps per slice, adapted to how long a step takes. */
  stepsPerSlice: number;
  /** Paced runs: steps the pace has allowed so far, fractional. */
  allowance: number;
  lastTick: number;
  lastPrediction: number;
}

export interface SchedulerEnvironment {
  post(message: WorkerMessage, transfer: ArrayBuffer[]): void;
  now(): number;
  /** Schedules the next tick; the scheduler calls it only while runs are active. */
  defer(callback: () => void, delayMs: number): void;
}

export class RunScheduler {
  private readonly runs = new Map<string, ScheduledRun>();
  private tickPending = false;

  constructor(private readonly env: SchedulerEnvironment) {}

  add(runId: string, run: EngineRun, pace: number | undefined): void {
    // Start small (a network step can take tens of milliseconds) and let the slice adapt.
    this.runs.set(runId, {
      run,
      paused: false,
      pace,
      stepsPerSlice: 4,
      allowance: 1,
      lastTick: this.env.now(),
      lastPrediction: -Infinity,
    });
    this.env.post({ type: 'status', runId, status: 'running' }, []);
    const { data } = run;
    if (data) this.env.post({ type: 'data', runId, ...data }, []);
    this.schedule();
  }

  has(runId: string): boolean {
    return this.runs.has(runId);
  }

  setPaused(runId: string, paused: boolean): void {
    const entry = this.runs.get(runId);
    if (!entry || entry.paused === paused) return;
    entry.paused = paused;
    entry.lastTick = this.env.now();
    this.env.post({ type: 'status', runId, status: paused ? 'paused' : 'running' }, []);
    this.schedule();
  }

  cancel(runId: string): void {
    const entry = this.runs.get(runId);
    if (!entry) return;
    this.runs.delete(runId);
    entry.run.dispose?.();
    this.env.post({ type: 'status', runId, status: 'cancelled' }, []);
  }

  get activeCount(): number {
    return this.runs.size;
  }

  private schedule(): void {
    if (this.tickPending || ![...this.runs.values()].some((entry) => !entry.paused)) return;
    this.tickPending = true;
    const paced = [...this.runs.values()].every((entry) => entry.paused || entry.pace !== undefined);
    this.env.defer(() => this.tick(), paced ? PACED_TICK_MS : 0);
  }

  private tick(): void {
    this.tickPending = false;
    for (const [runId, entry] of this.runs) {
      if (!entry.paused) this.advance(runId, entry);
    }
    this.schedule();
  }

  private advance(runId: string, entry: ScheduledRun): void {
    const now = this.env.now();
    let budget = entry.stepsPerSlice;
    if (entry.pace !== undefined) {
      entry.allowance += ((now - entry.lastTick) / 1000) * entry.pace;
      budget = Math.min(Math.floor(entry.allowance), Math.max(budget, 1));
      if (budget < 1) {
        entry.lastTick = now;
        return;
      }
    }
    entry.lastTick = now;
    const started = this.env.now();
    let batch;
    try {
      batch = entry.run.advance(budget);
    } catch (error) {
      this.runs.delete(runId);
      entry.run.dispose?.();
      this.env.post({ type: 'status', runId, status: 'failed', message: (error as Error).message }, []);
      return;
    }
    const elapsed = Math.max(this.env.now() - started, 0.01);
    const produced = batch.loss.length;
    if (entry.pace !== undefined) entry.allowance -= produced;
    // Aim the next slice at SLICE_MS, growing at most 4x so one slow step cannot stall the tick.
    entry.stepsPerSlice = Math.max(1, Math.min(entry.stepsPerSlice * 4, Math.floor((budget * SLICE_MS) / elapsed)));
    if (produced > 0 || batch.events.length > 0 || batch.checkpoints) this.postFrames(runId, batch);
    const finished = entry.run.status !== 'running';
    if (entry.run.predict && (finished || this.env.now() - entry.lastPrediction >= PREDICTION_MS)) {
      entry.lastPrediction = this.env.now();
      this.postPrediction(runId, entry.run);
    }
    if (finished && entry.run.status === 'completed' && entry.run.curvature)
      this.postCheckpointsComplete(runId, entry.run.curvature());
    if (finished) {
      this.runs.delete(runId);
      entry.run.dispose?.();
      this.env.post({ type: 'status', runId, status: entry.run.status }, []);
    }
  }

  /** The run's frames carried every checkpoint (its final one in the last): only their curvature is left to send. */
  private postCheckpointsComplete(runId: string, curvature: CheckpointCurvature | undefined): void {
    // Fresh arrays, the run's no longer: they move rather than copy.
    const moved = curvature ? ([curvature.steps.buffer, curvature.eigenvalues.buffer] as ArrayBuffer[]) : [];
    this.env.post({ type: 'checkpoints-complete', runId, ...(curvature ? { curvature } : {}) }, moved);
  }

  private postPrediction(runId: string, run: EngineRun): void {
    const prediction = run.predict?.();
    if (!prediction) return;
    this.env.post(
      { type: 'prediction', runId, ...prediction },
      // x and y are the run's own lattice, reused: only the values may move.
      [prediction.values.buffer as ArrayBuffer],
    );
  }

  private postFrames(runId: string, batch: FrameBatch): void {
    const { fromStep, points, loss, gradNorm, lr, events, testLoss, layerGradNorms, checkpoints } = batch;
    const optional = { points, testLoss, layerGradNorms };
    const present = Object.fromEntries(Object.entries(optional).filter(([, array]) => array !== undefined));
    const arrays = [
      loss,
      gradNorm,
      lr,
      ...Object.values(present),
      ...(checkpoints ? [checkpoints.steps, checkpoints.params] : []),
    ] as Float64Array[];
    this.env.post(
      {
        type: 'frames',
        runId,
        fromStep,
        loss,
        gradNorm,
        lr,
        events,
        ...present,
        ...(checkpoints ? { checkpoints } : {}),
      },
      arrays.map((array) => array.buffer as ArrayBuffer),
    );
  }
}
