import type { CriticalPointType } from '../events';

/**
 * An eigenvalue within this fraction of the curvature scale counts as zero. Loose enough for a
 * degenerate point that Newton's method reaches only linearly (the monkey saddle's origin),
 * tight enough for genuinely flat-but-curved minima (matyas's 0.02 next to 0.5).
 */
export const DEGENERATE_TOLERANCE = 1e-6;

/**
 * Eigenvalues of the symmetric matrix [[a, b], [b, c]], ascending. The eigenvalue of larger
 * magnitude comes from the closed form; the other from the determinant, which avoids the
 * cancellation in m − d when one eigenvalue is tiny next to the other. The matrix is scaled
 * to entries of order 1 first so the determinant neither underflows nor overflows.
 */
export function symmetricEigenvalues2(a: number, b: number, c: number): [number, number] {
  const s = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
  if (s === 0 || !Number.isFinite(s)) return unscaledEigenvalues(a, b, c);
  const [low, high] = unscaledEigenvalues(a / s, b / s, c / s);
  return [low * s, high * s];
}

function unscaledEigenvalues(a: number, b: number, c: number): [number, number] {
  const m = (a + c) / 2;
  const d = Math.hypot((a - c) / 2, b);
  const large = m >= 0 ? m + d : m - d;
  if (large === 0) return [0, 0];
  const small = (a * c - b * b) / large;
  return small <= large ? [small, large] : [large, small];
}

/** Eigenvalues of a Hessian stored as [fxx, fxy, fyy]. */
export function hessianEigenvalues(hessian: ArrayLike<number>): [number, number] {
  return symmetricEigenvalues2(hessian[0]!, hessian[1]!, hessian[2]!);
}

/**
 * Type of a stationary point from its Hessian eigenvalues (ascending). `scale` is a typical
 * curvature of the function around it: an eigenvalue within DEGENERATE_TOLERANCE of
 * max(scale, |eigenvalues|) is zero, and then curvature alone cannot decide.
 */
export function classifyStationaryPoint(
  eigenvalues: readonly [number, number],
  scale = 0,
  tolerance = DEGENERATE_TOLERANCE,
): CriticalPointType {
  const [low, high] = eigenvalues;
  // Infinite or undefined curvature (a kink) cannot tell a minimum from anything else.
  if (!Number.isFinite(low) || !Number.isFinite(high)) return 'degenerate';
  const zero = tolerance * Math.max(scale, Math.abs(low), Math.abs(high));
  if (Math.abs(low) <= zero || Math.abs(high) <= zero) return 'degenerate';
  if (low > 0) return 'minimum';
  if (high < 0) return 'maximum';
  return 'saddle';
}
