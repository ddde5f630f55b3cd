import type { FramesMessage } from '../../../shared/protocol';

/**
 * One run's streamed data in preallocated typed arrays. It is mutated in place as frames
 * arrive and read by the scene in useFrame; React never holds it as state.
 */
export class RunSeries {
  readonly points: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly lr: Float64Array;
  /** Points received so far. */
  count = 0;

  constructor(readonly capacity: number) {
    this.points = new Float64Array(2 * capacity);
    this.loss = new Float64Array(capacity);
    this.gradNorm = new Float64Array(capacity);
    this.lr = new Float64Array(capacity);
  }

  append(frames: FramesMessage): void {
    const from = frames.fromStep;
    const n = Math.min(frames.loss.length, this.capacity - from);
    if (from !== this.count || n <= 0) return;
    this.loss.set(frames.loss.subarray(0, n), from);
    this.gradNorm.set(frames.gradNorm.subarray(0, n), from);
    this.lr.set(frames.lr.subarray(0, n), from);
    if (frames.points) this.points.set(frames.points.subarray(0, 2 * n), 2 * from);
    this.count = from + n;
  }
}
