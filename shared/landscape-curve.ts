/**
 * The 1-D linear interpolation of a landscape (Goodfellow et al. 2015): the loss along
 * (1 − t)·from + t·to, t from −0.5 to 1.5 in 2·(resolution − 1) steps (docs/formats.md), so t = 0
 * and t = 1 are samples whenever resolution is odd. The engine writes it to the run file; the app
 * asks for the same samples as a one-row landscape.
 */
export const CURVE_T_RANGE = [-0.5, 1.5] as const;

/** `count` evenly spaced values from `from` to `to`, both included exactly. */
export function linspace(from: number, to: number, count: number): Float64Array {
  return Float64Array.from({ length: count }, (_, i) =>
    i === count - 1 ? to : from + ((to - from) * i) / (count - 1),
  );
}

/** The curve's t samples for a landscape of this resolution. */
export function curveTimes(resolution: number): Float64Array {
  return linspace(CURVE_T_RANGE[0], CURVE_T_RANGE[1], 2 * (resolution - 1) + 1);
}

/** A line of parameter space as a one-row landscape grid: the plane and its samples. */
export interface CurveLine {
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  alphas: Float64Array;
  betas: Float64Array;
}

/**
 * The curve from `from` to `to` as a one-row landscape: center = from, d1 = to − from, d2 = 0,
 * alphas = the t samples of a landscape of this resolution, betas = [0]. The engine evaluates it
 * for the run file and the app asks the workers for it, so both sample the same points.
 */
export function curveLine(from: ArrayLike<number>, to: ArrayLike<number>, resolution: number): CurveLine {
  return {
    center: Float64Array.from(from),
    d1: Float64Array.from(to, (value, k) => value - from[k]!),
    d2: new Float64Array(from.length),
    alphas: curveTimes(resolution),
    betas: Float64Array.of(0),
  };
}

/** The highest loss between the ends, and how far it rises above the higher end. */
export interface CurveBarrier {
  /** Max loss on t ∈ [0, 1] minus the larger of the losses at t = 0 and t = 1; 0 when nothing rises above the ends. */
  barrier: number;
  peak: { t: number; loss: number };
  /** The losses at t = 0 and t = 1. */
  ends: [number, number];
}

/**
 * The barrier along a curve of increasing `t` samples covering [0, 1] (the ends read between
 * samples when they fall between two); null while a loss it needs is not known (NaN).
 */
export function curveBarrier(t: ArrayLike<number>, loss: ArrayLike<number>): CurveBarrier | null {
  const ends: [number, number] = [lossAt(t, loss, 0), lossAt(t, loss, 1)];
  let peak = ends[0] >= ends[1] ? { t: 0, loss: ends[0] } : { t: 1, loss: ends[1] };
  for (let i = 0; i < t.length; i++) {
    if (t[i]! < 0 || t[i]! > 1) continue;
    if (Number.isNaN(loss[i]!)) return null;
    if (loss[i]! > peak.loss) peak = { t: t[i]!, loss: loss[i]! };
  }
  if (Number.isNaN(peak.loss)) return null;
  return { barrier: peak.loss - Math.max(...ends), peak, ends };
}

/** The loss at `at`, linear between the samples around it; NaN outside the samples or where one is unknown. */
function lossAt(t: ArrayLike<number>, loss: ArrayLike<number>, at: number): number {
  if (!(at >= t[0]!)) return NaN;
  for (let i = 1; i < t.length; i++) {
    if (t[i]! < at) continue;
    const f = (at - t[i - 1]!) / (t[i]! - t[i - 1]!);
    return f <= 0 ? loss[i - 1]! : f >= 1 ? loss[i]! : loss[i - 1]! * (1 - f) + loss[i]! * f;
  }
  return NaN;
}
