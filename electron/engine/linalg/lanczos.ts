import { createRandom } from '../../../shared/random';
import { symmetricEigen } from './symmetric-eigen';
import { addScaled, dot, norm, orthogonalize, scale } from './vectors';

/** A symmetric operator's extreme eigenpairs as Lanczos estimates them. */
export interface ExtremeEigenpairs {
  /** Smallest and largest Ritz values, ascending: each a Rayleigh quotient, so inside the spectrum. */
  eigenvalues: [number, number];
  /** ‖Hv − λv‖ of each: an eigenvalue lies within it of the estimate. */
  residuals: [number, number];
  /** Unit Ritz vectors of the two, when asked for. */
  vectors?: [Float64Array, Float64Array];
  /** Hessian-vector products used. */
  iterations: number;
}

export interface LanczosOptions {
  /** Seeds the starting vector. */
  seed?: number;
  maxIterations?: number;
  /** Stop once both residuals are below this fraction of the largest |eigenvalue|. */
  tolerance?: number;
  /** Also return the Ritz vectors. */
  vectors?: boolean;
}

const DEFAULT_LANCZOS_ITERATIONS = 60;
const DEFAULT_LANCZOS_TOLERANCE = 1e-4;
/** The tridiagonal's extreme eigenpairs are checked every this many iterations (each check is O(m³)). */
const CHECK_EVERY = 4;
/** A new Lanczos direction this small next to the operator's scale is rounding: the space is invariant. */
const INVARIANT_FRACTION = 1e-10;

/**
 * Lanczos iteration with full reorthogonalization for the smallest and largest eigenvalues of
 * a symmetric operator known only through `multiply` (Hessian-vector products). Float64
 * throughout; the operator may be noisier (float32), which bounds the attainable residual.
 * Keeps its basis, at most maxIterations vectors of `size`, until it returns.
 */
export function extremeEigenpairs(
  multiply: (v: Float64Array, out: Float64Array) => void,
  size: number,
  options: LanczosOptions = {},
): ExtremeEigenpairs {
  const maxIterations = Math.min(size, options.maxIterations ?? DEFAULT_LANCZOS_ITERATIONS);
  const tolerance = options.tolerance ?? DEFAULT_LANCZOS_TOLERANCE;
  const random = createRandom(options.seed ?? 0);
  const basis: Float64Array[] = [];
  const alphas: number[] = [];
  const betas: number[] = [];
  let q: Float64Array = Float64Array.from({ length: size }, () => random.normal());
  scale(q, 1 / norm(q));
  const w = new Float64Array(size);
  let ritz = ritzPairs([], []);
  /** The largest entry of the tridiagonal so far: the operator's scale. */
  let entryScale = 0;
  for (let j = 0; j < maxIterations; j++) {
    basis.push(q);
    multiply(q, w);
    alphas.push(dot(q, w));
    // Full reorthogonalization against every earlier vector subsumes the three-term recurrence.
    orthogonalize(w, basis);
    const beta = norm(w);
    betas.push(beta);
    entryScale = Math.max(entryScale, Math.abs(alphas[j]!), beta);
    // beta ≈ 0: the Krylov space is invariant and its Ritz values are eigenvalues.
    const invariant = beta <= INVARIANT_FRACTION * entryScale;
    const last = invariant || j === maxIterations - 1;
    if (last || (j + 1) % CHECK_EVERY === 0) {
      ritz = ritzPairs(alphas, betas);
      const spread = Math.max(Math.abs(ritz.low.value), Math.abs(ritz.high.value));
      if (last || Math.max(ritz.low.residual, ritz.high.residual) <= tolerance * spread) break;
    }
    q = scale(Float64Array.from(w), 1 / beta);
  }
  const m = alphas.length;
  const result: ExtremeEigenpairs = {
    eigenvalues: [ritz.low.value, ritz.high.value],
    residuals: [ritz.low.residual, ritz.high.residual],
    iterations: m,
  };
  if (options.vectors) {
    const combine = (coefficients: Float64Array): Float64Array => {
      const v = new Float64Array(size);
      for (let i = 0; i < m; i++) addScaled(v, coefficients[i]!, basis[i]!);
      return scale(v, 1 / norm(v));
    };
    result.vectors = [combine(ritz.low.coefficients), combine(ritz.high.coefficients)];
  }
  return result;
}

interface RitzPair {
  value: number;
  residual: number;
  /** The Ritz vector in the Lanczos basis. */
  coefficients: Float64Array;
}

/** Extreme eigenpairs of the Lanczos tridiagonal; the residual of a Ritz pair is |β_m · last component|. */
function ritzPairs(alphas: number[], betas: number[]): { low: RitzPair; high: RitzPair } {
  const m = alphas.length;
  if (m === 0) {
    const none = { value: NaN, residual: Infinity, coefficients: new Float64Array(0) };
    return { low: none, high: none };
  }
  const t = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    t[i * m + i] = alphas[i]!;
    if (i + 1 < m) t[i * m + i + 1] = t[(i + 1) * m + i] = betas[i]!;
  }
  const { values, vectors } = symmetricEigen(t, m);
  const pair = (k: number): RitzPair => {
    const coefficients = Float64Array.from({ length: m }, (_, i) => vectors[i * m + k]!);
    return { value: values[k]!, residual: Math.abs(betas[m - 1]! * coefficients[m - 1]!), coefficients };
  };
  return { low: pair(0), high: pair(m - 1) };
}
