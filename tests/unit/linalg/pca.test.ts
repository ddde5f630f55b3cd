import { describe, expect, it } from 'vitest';
import { thinPaths, trajectoryPca } from '../../../electron/engine/linalg/pca';
import { fixture } from '../landscape/fixture';

describe('PCA of a trajectory, against numpy’s SVD', () => {
  const { checkpoints, final, d1, d2, explainedVariance } = fixture.pca;
  const noFallback = (): Float64Array => {
    throw new Error('a curved path needs no fallback');
  };

  it('finds the same two directions, signed so that training moves along +d, and their variance shares', () => {
    const pca = trajectoryPca(checkpoints, final, noFallback);
    const worst = (a: ArrayLike<number>, b: number[]) => Math.max(...b.map((v, i) => Math.abs(v - a[i]!)));
    expect(worst(pca.d1, d1)).toBeLessThan(1e-9);
    expect(worst(pca.d2, d2)).toBeLessThan(1e-9);
    expect(pca.explainedVariance[0]).toBeCloseTo(explainedVariance[0], 10);
    expect(pca.explainedVariance[1]).toBeCloseTo(explainedVariance[1], 10);
  });

  it('a straight path has one direction; the second comes from the fallback, orthogonal, with no variance', () => {
    const straight = [0, 1, 2, 3].map((t) => [3 - t, 2 * (3 - t), 0]);
    const pca = trajectoryPca(straight, [0, 0, 0], () => Float64Array.of(1, 0, 1));
    expect(Array.from(pca.d1).map((v) => v * Math.sqrt(5))).toEqual([
      expect.closeTo(-1, 12),
      expect.closeTo(-2, 12),
      expect.closeTo(0, 12),
    ]);
    expect(pca.explainedVariance).toEqual([1, 0]);
    expect(pca.d1[0]! * pca.d2[0]! + pca.d1[1]! * pca.d2[1]! + pca.d1[2]! * pca.d2[2]!).toBeCloseTo(0, 12);
  });
});

describe('thinPaths, for PCA over several runs', () => {
  const path = (run: number, length: number) => Array.from({ length }, (_, k) => `${run}:${k}`);

  it('keeps every checkpoint up to the limit', () => {
    expect(thinPaths([path(0, 3), path(1, 2)], 5)).toEqual(['0:0', '0:1', '0:2', '1:0', '1:1']);
  });

  it('above it, gives each path an even share, evenly spaced, with its first and last points', () => {
    const thinned = thinPaths([path(0, 101), path(1, 101), path(2, 11)], 30);
    // 30 / 3 = 10 points a path, at round(k · 100 / 9).
    expect(thinned.filter((p) => p.startsWith('0:'))).toEqual([
      '0:0',
      '0:11',
      '0:22',
      '0:33',
      '0:44',
      '0:56',
      '0:67',
      '0:78',
      '0:89',
      '0:100',
    ]);
    // A path of 11 points has more than its share of 10: points 0, 1, 2, 3, 4, 6, 7, 8, 9, 10 (rounded spacing).
    expect(thinned.filter((p) => p.startsWith('2:'))).toEqual([
      '2:0',
      '2:1',
      '2:2',
      '2:3',
      '2:4',
      '2:6',
      '2:7',
      '2:8',
      '2:9',
      '2:10',
    ]);
    expect(thinned).toHaveLength(30);
  });
});
