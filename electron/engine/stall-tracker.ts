/**
 * Stalls of an optimizer's path, one algorithm for function paths (functions/path-events.ts) and
 * network runs (network/network-events.ts); each detector says what its stalls are, by curvature.
 *
 * A point is stalled when its gradient is small, or when the path makes no progress: over the
 * last `window` steps its loss changed by at most `progress` of the surface's loss scale and it
 * travelled at most `progress` of the surface's length scale. The second catches a path crawling
 * across a plateau whose gradient, though tiny, is not small next to the gradients it has seen.
 */
export interface StallOptions {
  /** Steps a stall must last before it counts. */
  window: number;
  /** "Small": below this fraction of the largest gradient norm seen on the path… */
  fraction: number;
  /** …or below flatness · (loss scale / length scale), for a path that never saw a large gradient. */
  flatness: number;
  /** No progress: loss change and distance travelled over the window, as fractions of the scales. */
  progress: number;
}

/** A stall that lasted the window: its first and last step. */
export interface Stall {
  start: number;
  last: number;
}

/** An established stall takes a tenfold rise to end, so noise does not split it. */
const HYSTERESIS = 10;

export class StallTracker {
  private largestGradient = 0;
  private open: { start: number; last: number; smallestGradient: number } | undefined;
  /** The last step of the last stall reported, so that a stall dated back a window does not overlap it. */
  private previousEnd = -1;
  /** The step of the open stall's smallest gradient: where the detectors classify it. */
  private best = -1;
  /** The window's losses and step lengths, as ring buffers indexed by step. */
  private readonly losses: Float64Array;
  private readonly moves: Float64Array;
  private count = 0;

  constructor(private readonly o: StallOptions) {
    this.losses = new Float64Array(o.window + 1);
    this.moves = new Float64Array(o.window + 1);
  }

  /** The step of the smallest gradient in the open stall; the caller keeps that point when it is `step`. */
  get bestStep(): number {
    return this.best;
  }

  /**
   * Takes one point of the path: `moved` is its distance from the previous point (0 at the
   * first), `lossScale` and `lengthScale` the surface's scales there (of the loss, and of the
   * parameters: 1 + |θ|). Returns the stall this point ends, if one lasted the window. Positional
   * arguments: it runs on every step of a run, and an object per step costs there.
   */
  observe(
    step: number,
    loss: number,
    gradNorm: number,
    moved: number,
    lossScale: number,
    lengthScale: number,
  ): Stall | undefined {
    const slots = this.o.window + 1;
    this.losses[this.count % slots] = loss;
    this.moves[this.count % slots] = moved;
    this.count++;
    this.largestGradient = Math.max(this.largestGradient, gradNorm);
    const established = this.open !== undefined && this.open.last - this.open.start + 1 >= this.o.window;
    const slack = established ? HYSTERESIS : 1;
    const small = Math.max(this.o.fraction * this.largestGradient, (this.o.flatness * lossScale) / lengthScale);
    const flat = gradNorm <= slack * small;
    const stuck = !flat && this.madeNoProgress(slack * this.o.progress, lossScale, lengthScale);
    if (!flat && !stuck) return this.close();
    // Lack of progress is judged over the window behind this point, so such a stall began there.
    const start = stuck ? Math.max(step - this.o.window, this.previousEnd + 1) : step;
    this.open ??= { start, last: step, smallestGradient: Infinity };
    this.open.start = Math.min(this.open.start, start);
    this.open.last = step;
    if (gradNorm < this.open.smallestGradient) {
      this.open.smallestGradient = gradNorm;
      this.best = step;
    }
    return undefined;
  }

  /** The stall still open (at the end of a run), if it lasted the window. */
  close(): Stall | undefined {
    const open = this.open;
    this.open = undefined;
    if (!open || open.last - open.start + 1 < this.o.window) return undefined;
    this.previousEnd = open.last;
    return { start: open.start, last: open.last };
  }

  /** Over the last window of steps, did the loss and the path both stay put, against the scales? */
  private madeNoProgress(fraction: number, lossScale: number, lengthScale: number): boolean {
    const slots = this.o.window + 1;
    if (this.count < slots) return false;
    const newest = (this.count - 1) % slots;
    const oldest = this.count % slots;
    if (Math.abs(this.losses[newest]! - this.losses[oldest]!) > fraction * lossScale) return false;
    let travelled = 0;
    // The oldest slot's step led to the window's first point, so it is not part of the window.
    for (let k = 0; k < slots; k++) if (k !== oldest) travelled += this.moves[k]!;
    return travelled <= fraction * lengthScale;
  }
}
