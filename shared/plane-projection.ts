/**
 * Parameter vectors placed on a landscape slice's plane. Shared: the app places runs' checkpoints
 * on the slice it shows (finished runs' with the plane, a training run's as they arrive), and
 * `gradscape run` its runs' on the run file's landscape.
 */

/** A plane of parameter space: center + α·d1 + β·d2. */
export interface Plane {
  center: ArrayLike<number>;
  d1: ArrayLike<number>;
  d2: ArrayLike<number>;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

export interface PlaneProjection {
  /** Least-squares (α, β) of each point: center + α·d1 + β·d2 is its nearest point of the plane. */
  coordinates: [number, number][];
  /** Each point's Euclidean distance from the plane, in parameter units. */
  distances: number[];
}

/** Projects parameter vectors onto a plane whose directions need not be orthogonal (random ones are not quite). */
export function projectOntoPlane(points: readonly ArrayLike<number>[], plane: Plane): PlaneProjection {
  const { center, d1, d2 } = plane;
  const g11 = dot(d1, d1);
  const g12 = dot(d1, d2);
  const g22 = dot(d2, d2);
  const determinant = g11 * g22 - g12 * g12;
  const coordinates: [number, number][] = [];
  const distances: number[] = [];
  const offset = new Float64Array(center.length);
  for (const point of points) {
    for (let i = 0; i < offset.length; i++) offset[i] = point[i]! - center[i]!;
    const r1 = dot(d1, offset);
    const r2 = dot(d2, offset);
    const a = (g22 * r1 - g12 * r2) / determinant;
    const b = (g11 * r2 - g12 * r1) / determinant;
    // |offset − a·d1 − b·d2|² = |offset|² − (a·r1 + b·r2) at the least-squares solution; the direct
    // sum avoids that formula's cancellation for points close to the plane.
    let squared = 0;
    for (let i = 0; i < offset.length; i++) squared += (offset[i]! - a * d1[i]! - b * d2[i]!) ** 2;
    coordinates.push([a, b]);
    distances.push(Math.sqrt(squared));
  }
  return { coordinates, distances };
}

/**
 * Paths of concatenated parameter vectors (as a run's checkpoints hold them) placed on the
 * plane: per path, each point's (α, β) flattened, and its distance from the plane.
 */
export function projectPaths(
  paths: readonly Float64Array[],
  plane: Plane,
): { coordinates: Float64Array; distances: Float64Array }[] {
  const size = plane.center.length;
  return paths.map((path) => {
    const points = Array.from({ length: path.length / size }, (_, k) => path.subarray(k * size, (k + 1) * size));
    const { coordinates, distances } = projectOntoPlane(points, plane);
    return { coordinates: Float64Array.from(coordinates.flat()), distances: Float64Array.from(distances) };
  });
}
