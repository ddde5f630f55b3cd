import type { Objective2D } from '../../../shared/functions/objective';
import type { RunEvent } from '../../../shared/events';
import type { RunSpec } from '../../../shared/spec/spec';
import { createOptimizer } from '../optimizers';
import { createSchedule } from '../optimizers/schedule';
import { clipGradientNorm, createGradientNoise } from '../optimizers/gradient-transforms';
import type { EngineRun, EngineRunStatus, FrameBatch } from '../engine-run';
import { InvalidInputError } from '../invalid-input';
import { createPathEventDetector, divergedEvent } from './path-events';

/** What a function run leaves for the run file. */
export interface FunctionRunRecord {
  status: EngineRunStatus;
  /** x, y interleaved; steps + 1 points for a completed run. */
  trajectory: Float64Array;
  loss: Float64Array;
  gradNorm: Float64Array;
  lr: Float64Array;
  events: RunEvent[];
}

/**
 * Gradient descent on a 2-parameter function with the shared torch.optim optimizers.
 * gradNorm[k] is the norm of the true gradient at point k (before noise and clipping); lr[k]
 * is the learning rate of the step that leaves point k.
 */
export class FunctionRun implements EngineRun {
  status: EngineRunStatus = 'running';
  private readonly params: Float64Array;
  private readonly gradient = new Float64Array(2);
  private readonly used = new Float64Array(2);
  private readonly optimizer;
  private readonly lrAt;
  private readonly noise;
  private readonly detector;
  private readonly record: FunctionRunRecord;
  /** Points recorded so far. */
  private count = 0;

  constructor(
    private readonly objective: Objective2D,
    private readonly spec: RunSpec & { start: [number, number] },
  ) {
    const [x0, y0] = spec.start;
    if (!Number.isFinite(objective.value(x0, y0))) {
      throw new InvalidInputError(`start: the function is not finite at (${x0}, ${y0}); choose another start`);
    }
    this.params = Float64Array.from(spec.start);
    this.optimizer = createOptimizer(spec.optimizer, 2);
    this.lrAt = createSchedule(spec.schedule, spec.optimizer.lr);
    this.noise = spec.gradientNoise ? createGradientNoise(spec.gradientNoise, spec.seed) : undefined;
    this.detector = createPathEventDetector(objective);
    const n = spec.steps + 1;
    this.record = {
      status: 'running',
      trajectory: new Float64Array(2 * n),
      loss: new Float64Array(n),
      gradNorm: new Float64Array(n),
      lr: new Float64Array(n),
      events: [],
    };
  }

  advance(maxSteps: number): FrameBatch {
    const from = this.count;
    const events: RunEvent[] = [];
    const limit = Math.min(this.spec.steps + 1, from + maxSteps + (from === 0 ? 1 : 0));
    while (this.status === 'running' && this.count < limit) {
      this.visitPoint(events);
    }
    this.record.events.push(...events);
    this.record.status = this.status;
    const to = this.count;
    return {
      fromStep: from,
      points: this.record.trajectory.slice(2 * from, 2 * to),
      loss: this.record.loss.slice(from, to),
      gradNorm: this.record.gradNorm.slice(from, to),
      lr: this.record.lr.slice(from, to),
      events,
    };
  }

  /** Records the current point, then steps away from it (or stops). */
  private visitPoint(events: RunEvent[]): void {
    const k = this.count;
    const [x, y] = [this.params[0]!, this.params[1]!];
    const value = this.objective.value(x, y);
    this.objective.gradient(x, y, this.gradient);
    const norm = Math.hypot(this.gradient[0]!, this.gradient[1]!);
    const lr = this.lrAt(k);
    if (!Number.isFinite(value) || !Number.isFinite(norm)) {
      this.diverge(events);
      return;
    }
    this.record.trajectory[2 * k] = x;
    this.record.trajectory[2 * k + 1] = y;
    this.record.loss[k] = value;
    this.record.gradNorm[k] = norm;
    this.record.lr[k] = lr;
    this.count++;
    events.push(...this.detector.observe(k, x, y, value, norm));
    if (k === this.spec.steps) {
      this.status = 'completed';
      events.push(...this.detector.finish('completed'));
      return;
    }
    this.used.set(this.gradient);
    this.noise?.(this.used);
    if (this.spec.clipNorm !== undefined) clipGradientNorm(this.used, this.spec.clipNorm);
    this.optimizer.step(this.params, this.used, lr);
    if (!Number.isFinite(this.params[0]!) || !Number.isFinite(this.params[1]!)) this.diverge(events);
  }

  /** Stops at the first non-finite value, keeping the last finite point. */
  private diverge(events: RunEvent[]): void {
    this.status = 'diverged';
    const last = this.count - 1;
    events.push(...this.detector.finish('diverged'));
    events.push(divergedEvent(this.count, [this.record.trajectory[2 * last]!, this.record.trajectory[2 * last + 1]!]));
  }

  /** The run so far, trimmed to the points it reached. */
  result(): FunctionRunRecord {
    const n = this.count;
    return {
      ...this.record,
      trajectory: this.record.trajectory.subarray(0, 2 * n),
      loss: this.record.loss.subarray(0, n),
      gradNorm: this.record.gradNorm.subarray(0, n),
      lr: this.record.lr.subarray(0, n),
    };
  }
}
