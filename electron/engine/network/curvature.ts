import type { CriticalPointType } from '../../../shared/events';
import { classifyStationaryPoint } from '../../../shared/functions/hessian-classification';
import type { ExtremeEigenpairs, LanczosOptions } from '../linalg/lanczos';
import type { MlpModel, ResidentRows } from './mlp-model';

/** The Hessian's extreme eigenpairs (linalg/lanczos.ts on hessianOperator). */
export type ExtremeCurvature = ExtremeEigenpairs;

/**
 * Curvature within this fraction of the largest |eigenvalue| counts as zero. Float32 Hessian-
 * vector products carry relative noise near 1e-6, and networks have exactly flat directions
 * (rescaling symmetries), which this must call flat rather than curved either way.
 */
export const CURVATURE_TOLERANCE = 1e-4;

/** Lanczos at a checkpoint, as a run measures its own and as a client asks for one: bounded, so an answer never takes long. */
export const CHECKPOINT_LANCZOS: LanczosOptions = { maxIterations: 30, tolerance: 1e-3 };

/**
 * Minimum, saddle, maximum or degenerate, from the extreme Ritz values as classifyStationaryPoint
 * reads a 2×2 Hessian. Negative curvature found is certain (a Rayleigh quotient below zero); a
 * positive smallest eigenvalue counts only if its residual cannot reach the zero band.
 */
export function classifyCurvature(
  { eigenvalues, residuals }: ExtremeCurvature,
  tolerance = CURVATURE_TOLERANCE,
): CriticalPointType {
  const type = classifyStationaryPoint(eigenvalues, 0, tolerance);
  const zero = tolerance * Math.max(Math.abs(eigenvalues[0]), Math.abs(eigenvalues[1]));
  if (type === 'minimum' && eigenvalues[0] - residuals[0] <= zero) return 'degenerate';
  if (type === 'maximum' && eigenvalues[1] + residuals[1] >= -zero) return 'degenerate';
  return type;
}

/**
 * The Hessian of the mean loss over `data` at `params` (plus l2·Σw² over the kernels, whose
 * Hessian is 2·l2 there; l1's is zero almost everywhere) as a float64 operator for Lanczos.
 */
export function hessianOperator(
  model: MlpModel,
  params: Float32Array,
  data: ResidentRows,
  l2 = 0,
): (v: Float64Array, out: Float64Array) => void {
  const vector = new Float32Array(params.length);
  const product = new Float32Array(params.length);
  return (v, out) => {
    vector.set(v);
    model.hessianVectorProduct(params, vector, product, data);
    out.set(product);
    if (l2 === 0) return;
    for (const { kernelOffset, biasOffset } of model.layers) {
      for (let i = kernelOffset; i < biasOffset; i++) out[i] = out[i]! + 2 * l2 * v[i]!;
    }
  };
}
