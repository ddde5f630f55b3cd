import { describe, expect, it } from 'vitest';
import { trajectoryPca } from '../../../electron/engine/landscape/pca';
import { fixture } from './fixture';

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
    expect(Array.from(pca.d1).map((v) => v * Math.sqrt(5))).toEqual([expect.closeTo(-1, 12), expect.closeTo(-2, 12), expect.closeTo(0, 12)]);
    expect(pca.explainedVariance).toEqual([1, 0]);
    expect(pca.d1[0]! * pca.d2[0]! + pca.d1[1]! * pca.d2[1]! + pca.d1[2]! * pca.d2[2]!).toBeCloseTo(0, 12);
  });
});
