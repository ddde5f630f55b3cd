import { describe, expect, it } from 'vitest';
import { gridCriticalPoints } from '../../../renderer/src/imported/grid-critical-points';

/** f sampled on a columns × rows grid over [-1, 1]², values[j · columns + i] = f(x[i], y[j]). */
function sample(f: (x: number, y: number) => number, columns: number, rows: number): Float64Array {
  const at = (k: number, n: number): number => -1 + (2 * k) / (n - 1);
  return Float64Array.from({ length: columns * rows }, (_, k) => f(at(k % columns, columns), at(Math.floor(k / columns), rows)));
}

describe('gridCriticalPoints', () => {
  it('finds the one minimum of a bowl, at its grid point, on a non-square grid', () => {
    // Minimum at (0.5, -0.5): grid point i = 6 of 9 columns, j = 1 of 5 rows.
    expect(gridCriticalPoints(sample((x, y) => (x - 0.5) ** 2 + 2 * (y + 0.5) ** 2, 9, 5), 9, 5)).toEqual([{ i: 6, j: 1, type: 'minimum' }]);
  });

  it('finds the maximum of −(x² + y²) and the saddle of x² − y² at the centre', () => {
    expect(gridCriticalPoints(sample((x, y) => -(x * x + y * y), 7, 7), 7, 7)).toEqual([{ i: 3, j: 3, type: 'maximum' }]);
    expect(gridCriticalPoints(sample((x, y) => x * x - y * y, 7, 7), 7, 7)).toEqual([{ i: 3, j: 3, type: 'saddle' }]);
  });

  it('finds none on a plane, and skips points beside a value that is not finite', () => {
    expect(gridCriticalPoints(sample((x, y) => x + 2 * y, 6, 6), 6, 6)).toEqual([]);
    const bowl = sample((x, y) => x * x + y * y, 7, 7);
    bowl[2 * 7 + 2] = Number.NaN;
    expect(gridCriticalPoints(bowl, 7, 7)).toEqual([]);
  });
});
