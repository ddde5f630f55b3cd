import type { CriticalPoint } from '../../../shared/events';
import type { GridSurface } from '../plot/contour-levels';

/** The eight neighbours of a grid point, in order round it, as (di, dj). */
const RING: readonly [number, number][] = [
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
];

/**
 * Differences from a neighbour smaller than this share of the grid's range, or of the value
 * itself (float32 rounding of a loss summed over the data), do not count: a flat slice's noise
 * is no landscape.
 */
const RANGE_TOLERANCE = 1e-6;
const VALUE_TOLERANCE = 1e-5;

/** Eigenvalues of a symmetric 2×2 matrix [[a, b], [b, c]], ascending. */
function eigenvalues2(a: number, b: number, c: number): [number, number] {
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  return [mean - radius, mean + radius];
}

/**
 * The critical points of a surface known only on a grid (a network's loss on a plane): at an
 * interior grid point, a minimum is below all eight neighbours, a maximum above them all, and a
 * saddle has its neighbours go above and below it at least twice each round the ring (four sign
 * changes) with a finite-difference Hessian of negative determinant, so noise on a flat region
 * does not count; differences within rounding (RANGE_TOLERANCE, VALUE_TOLERANCE) count as none.
 * Each point's eigenvalues are that Hessian's. A saddle next to one already found
 * is the same saddle straddling two cells. Points next to one not computed (NaN) are skipped.
 */
export function gridCriticalPoints({ x, y, z }: GridSurface): CriticalPoint[] {
  const nx = x.length;
  const ny = y.length;
  const found: CriticalPoint[] = [];
  const saddleAt = new Set<number>();
  let low = Infinity;
  let high = -Infinity;
  for (let k = 0; k < z.length; k++) {
    if (z[k]! < low) low = z[k]!;
    if (z[k]! > high) high = z[k]!;
  }
  const rangeTolerance = high > low ? RANGE_TOLERANCE * (high - low) : 0;
  for (let j = 1; j < ny - 1; j++) {
    for (let i = 1; i < nx - 1; i++) {
      const value = z[j * nx + i]!;
      const at = (di: number, dj: number): number => z[(j + dj) * nx + i + di]!;
      if (!Number.isFinite(value) || !RING.every(([di, dj]) => Number.isFinite(at(di, dj)))) continue;
      const hx = (x[i + 1]! - x[i - 1]!) / 2;
      const hy = (y[j + 1]! - y[j - 1]!) / 2;
      const fxx = (at(1, 0) - 2 * value + at(-1, 0)) / (hx * hx);
      const fyy = (at(0, 1) - 2 * value + at(0, -1)) / (hy * hy);
      const fxy = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * hx * hy);
      const tolerance = Math.max(rangeTolerance, VALUE_TOLERANCE * Math.abs(value));
      const differences = RING.map(([di, dj]) => {
        const d = at(di, dj) - value;
        return Math.abs(d) <= tolerance ? 0 : d;
      });
      let type: CriticalPoint['type'] | null = null;
      if (differences.every((d) => d > 0)) type = 'minimum';
      else if (differences.every((d) => d < 0)) type = 'maximum';
      else if (fxx * fyy - fxy * fxy < 0) {
        const signs = differences.filter((d) => d !== 0).map(Math.sign);
        let changes = 0;
        for (let k = 0; k < signs.length; k++) if (signs[k] !== signs[(k + 1) % signs.length]) changes++;
        const nearby = RING.some(([di, dj]) => saddleAt.has((j + dj) * nx + i + di));
        if (changes >= 4 && !nearby) {
          type = 'saddle';
          saddleAt.add(j * nx + i);
        }
      }
      if (type) found.push({ point: [x[i]!, y[j]!], type, value, eigenvalues: eigenvalues2(fxx, fxy, fyy) });
    }
  }
  return found;
}
