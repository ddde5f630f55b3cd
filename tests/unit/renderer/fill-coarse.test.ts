import { describe, expect, it } from 'vitest';
import { progressiveLevels } from '../../../shared/landscape-levels';
import { fillFromCoarser } from '../../../renderer/src/network/fill-coarse';

describe('fillFromCoarser', () => {
  it('fills a 17 × 17 grid holding only its coarsest level (every 4th point) with each point’s nearest lattice value', () => {
    const n = 17;
    const values = new Float64Array(n * n).fill(NaN);
    const [coarse] = progressiveLevels(n, n);
    // The value of lattice point (i, j) is 100 j + i.
    for (const index of coarse!) values[index] = 100 * Math.floor(index / n) + (index % n);
    const filled = fillFromCoarser(values, n, n);
    expect(filled.every(Number.isFinite)).toBe(true);
    // (5, 6) is nearest lattice point (4, 8) by rounding 5/4 → 1 and 6/4 → 2 (half up); (1, 1) nearest (0, 0); (15, 16) nearest (16, 16).
    expect([filled[6 * n + 5], filled[n + 1], filled[16 * n + 15]]).toEqual([804, 0, 1616]);
    // Computed points keep their values.
    expect(filled[8 * n + 12]).toBe(812);
  });

  it('leaves a grid with nothing computed empty', () => {
    expect(Array.from(fillFromCoarser(new Float64Array(9).fill(NaN), 3, 3)).every(Number.isNaN)).toBe(true);
  });
});
