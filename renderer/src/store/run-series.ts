import type { FramesMessage } from '../../../shared/protocol';

/**
 * One run's streamed data in preallocated typed arrays. It is mutated in place as frames
 * arrive and read by the views in their frame loops; React never holds it as state.
 */
export class RunSeries {
  readonly points: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly lr: Float64Array;
  /** Networks with a test split: loss over it at each point. Empty otherwise. */
  readonly testLoss: Float64Array;
  /** Networks: per point, per dense layer (input side first), row-major. Empty otherwise. */
  readonly layerGradNorms: Float64Array;
  /** Points received so far. */
  count = 0;

  constructor(
    readonly capacity: number,
    readonly layers = 0,
    hasTest = false,
  ) {
    this.points = new Float64Array(layers ? 0 : 2 * capacity);
    this.loss = new Float64Array(capacity);
    this.gradNorm = new Float64Array(capacity);
    this.lr = new Float64Array(capacity);
    this.testLoss = new Float64Array(hasTest ? capacity : 0);
    this.layerGradNorms = new Float64Array(layers * capacity);
  }

  append(frames: FramesMessage): void {
    const from = frames.fromStep;
    const n = Math.min(frames.loss.length, this.capacity - from);
    if (from !== this.count || n <= 0) return;
    this.loss.set(frames.loss.subarray(0, n), from);
    this.gradNorm.set(frames.gradNorm.subarray(0, n), from);
    this.lr.set(frames.lr.subarray(0, n), from);
    if (frames.points && this.points.length) this.points.set(frames.points.subarray(0, 2 * n), 2 * from);
    if (frames.testLoss && this.testLoss.length) this.testLoss.set(frames.testLoss.subarray(0, n), from);
    if (frames.layerGradNorms && this.layers) {
      this.layerGradNorms.set(frames.layerGradNorms.subarray(0, n * this.layers), from * this.layers);
    }
    this.count = from + n;
  }
}
