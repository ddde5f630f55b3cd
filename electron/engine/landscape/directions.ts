import type { Random } from '../../../shared/random';
import { denseLayerSlices } from '../network/param-layout';
import { difference, norm, orthogonalize, scale } from '../linalg/vectors';

/** How filter normalisation treats biases: zeroed (Li et al.'s `biasbn`), or normalised with their unit's incoming weights. */
export type BiasHandling = 'zero' | 'filter';

/** Li et al.'s guard against dividing by a zero filter. */
const NORM_GUARD = 1e-10;

/**
 * Filter normalisation (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets"), in
 * place: each filter of `direction` — for a dense layer, a unit's incoming weights, a kernel
 * column — is scaled to the norm of the same filter of `center`, so a step along it changes every
 * unit by the same fraction and scale-invariant networks (ReLU) compare fairly.
 */
export function filterNormalize(
  direction: Float64Array,
  center: ArrayLike<number>,
  sizes: readonly number[],
  biases: BiasHandling,
): Float64Array {
  for (const { inputs, outputs, kernelOffset, biasOffset } of denseLayerSlices(sizes)) {
    for (let o = 0; o < outputs; o++) {
      const filter = Array.from({ length: inputs }, (_, i) => kernelOffset + i * outputs + o);
      if (biases === 'filter') filter.push(biasOffset + o);
      else direction[biasOffset + o] = 0;
      let d = 0;
      let c = 0;
      for (const p of filter) {
        d += direction[p]! ** 2;
        c += center[p]! ** 2;
      }
      const factor = Math.sqrt(c) / (Math.sqrt(d) + NORM_GUARD);
      for (const p of filter) direction[p] = direction[p]! * factor;
    }
  }
  return direction;
}

/**
 * A Gaussian direction, filter-normalised against `center`. Where every filter of `center` is
 * zero (a zero-initialised network), filter normalisation would give the zero vector: the
 * direction is then the Gaussian one at unit length, so a slice still has two axes.
 */
export function randomDirection(
  center: ArrayLike<number>,
  sizes: readonly number[],
  random: Random,
  biases: BiasHandling,
): Float64Array {
  const direction = Float64Array.from({ length: center.length }, () => random.normal());
  const normalised = filterNormalize(Float64Array.from(direction), center, sizes, biases);
  if (norm(normalised) > 0) return normalised;
  scale(direction, 1 / norm(direction));
  return direction;
}

/**
 * The plane through two or three parameter vectors (Garipov et al. 2018): center p0, d1 = p1 − p0
 * (so p1 sits at α = 1), d2 the part of p2 − p0 orthogonal to d1, scaled to |d1| so the picture is
 * not stretched. Through two points, d2 is `fallback` (a random direction) made orthogonal to d1
 * and scaled likewise.
 */
export function planeThrough(
  points: readonly ArrayLike<number>[],
  fallback: () => Float64Array,
): { center: Float64Array; d1: Float64Array; d2: Float64Array } {
  const center = Float64Array.from(points[0]!);
  const d1 = difference(points[1]!, center);
  const length = norm(d1);
  if (length === 0) throw new Error('the plane needs distinct points: the first two are the same parameter vector');
  const unit = scale(Float64Array.from(d1), 1 / length);
  const through = (v: Float64Array): Float64Array | undefined => {
    orthogonalize(v, [unit]);
    const n = norm(v);
    return n > 1e-12 * length ? scale(v, length / n) : undefined;
  };
  const d2 = (points[2] && through(difference(points[2], center))) ?? through(fallback());
  if (!d2) throw new Error('the plane needs a second direction independent of the first');
  return { center, d1, d2 };
}
