import { symmetricEigen } from './symmetric-eigen';
import { addScaled, dot, norm, scale } from './vectors';

export interface TrajectoryPca {
  /** Unit principal directions, the first explaining the most variance. */
  d1: Float64Array;
  d2: Float64Array;
  /** Each direction's share of the trajectory's variance (sklearn's explained_variance_ratio_). */
  explainedVariance: [number, number];
}

/**
 * The two principal directions of a trajectory, as Li et al. 2018 take them: PCA (mean-centred,
 * as sklearn's) of the checkpoints' offsets from the final point. With m checkpoints of P
 * parameters it diagonalises the m × m Gram matrix rather than the P × P covariance. Signs are
 * chosen so that training moves along +d (the first checkpoint has a negative coordinate);
 * a trajectory with less than two dimensions of movement takes the missing directions from
 * `fallback`, made orthogonal, with zero explained variance.
 */
export function trajectoryPca(
  checkpoints: readonly ArrayLike<number>[],
  final: ArrayLike<number>,
  fallback: () => Float64Array,
): TrajectoryPca {
  const m = checkpoints.length;
  const size = final.length;
  const mean = new Float64Array(size);
  const offsets = checkpoints.map((point) => {
    const offset = Float64Array.from({ length: size }, (_, i) => point[i]! - final[i]!);
    addScaled(mean, 1 / m, offset);
    return offset;
  });
  for (const offset of offsets) addScaled(offset, -1, mean);
  const gram = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) gram[a * m + b] = gram[b * m + a] = dot(offsets[a]!, offsets[b]!);
  }
  const { values, vectors } = symmetricEigen(gram, m);
  const total = values.reduce((sum, v) => sum + Math.max(v, 0), 0);
  const directions: Float64Array[] = [];
  const shares: number[] = [];
  for (let rank = 0; rank < 2; rank++) {
    const k = m - 1 - rank;
    const value = k >= 0 ? values[k]! : 0;
    let direction: Float64Array | undefined;
    if (value > GRAM_RANK_FRACTION * Math.max(total, Number.MIN_VALUE)) {
      direction = new Float64Array(size);
      for (let a = 0; a < m; a++) addScaled(direction, vectors[a * m + k]!, offsets[a]!);
    } else {
      direction = fallback();
      for (const earlier of directions) addScaled(direction, -dot(earlier, direction), earlier);
    }
    scale(direction, 1 / norm(direction));
    if (dot(direction, checkpoints[0]!) - dot(direction, final) > 0) scale(direction, -1);
    directions.push(direction);
    shares.push(total > 0 && value > GRAM_RANK_FRACTION * total ? value / total : 0);
  }
  return { d1: directions[0]!, d2: directions[1]!, explainedVariance: [shares[0]!, shares[1]!] };
}

/**
 * The paths' checkpoints, concatenated, at most about `max` of them: when there are more, each path
 * keeps an even share, evenly spaced along it, its first and last points included.
 */
export function thinPaths<T>(paths: readonly (readonly T[])[], max: number): T[] {
  const total = paths.reduce((sum, path) => sum + path.length, 0);
  if (total <= max) return paths.flat();
  const share = Math.max(2, Math.floor(max / paths.length));
  return paths.flatMap((path) => {
    if (path.length <= share) return [...path];
    return Array.from({ length: share }, (_, k) => path[Math.round((k * (path.length - 1)) / (share - 1))]!);
  });
}

/** A Gram eigenvalue below this fraction of the trace is rounding, not movement. */
const GRAM_RANK_FRACTION = 1e-12;
