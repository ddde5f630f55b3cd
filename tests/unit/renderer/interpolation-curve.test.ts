import { describe, expect, it } from 'vitest';
import { curveBarrier, curveTimes } from '../../../shared/landscape-curve';
import { curveEndNames, curveGrid } from '../../../renderer/src/network/interpolation-curve';
import type { PlaneRun } from '../../../renderer/src/network/slice-choices';

/** A run of three parameters whose checkpoints are these points, the first its initial one and the last its final one. */
const run = (id: string, ...points: number[][]): PlaneRun => ({
  id,
  name: `${id} name`,
  checkpoints: { params: Float64Array.from(points.flat()), steps: Float64Array.from(points, (_, k) => 10 * k) },
});
const a = run('a', [1, 2, 3], [0, 0, 0], [3, 2, 1]);
const b = run('b', [9, 9, 9], [0, 0, 5]);

describe('the interpolation curve as a one-row landscape request', () => {
  it('goes from a run’s initial point to its final one, t from −0.5 to 1.5 with t = 0 and t = 1 among the samples', () => {
    const grid = curveGrid(a, a, 41)!;
    expect(Array.from(grid.center)).toEqual([1, 2, 3]);
    expect(Array.from(grid.d1)).toEqual([2, 0, -2]);
    expect(Array.from(grid.d2)).toEqual([0, 0, 0]);
    expect(Array.from(grid.betas)).toEqual([0]);
    expect(grid.alphas).toHaveLength(81);
    expect([grid.alphas[0], grid.alphas[20], grid.alphas[60], grid.alphas[80]]).toEqual([-0.5, 0, 1, 1.5]);
    expect(curveEndNames(a, a)).toEqual(['a name initial', 'a name final']);
  });

  it('goes from a run’s final point to another run’s final point, reached at t = 1', () => {
    const grid = curveGrid(a, b, 21)!;
    expect(Array.from(grid.center)).toEqual([3, 2, 1]);
    expect(Array.from(grid.center, (value, k) => value + grid.d1[k]!)).toEqual([0, 0, 5]);
    expect(grid.alphas).toHaveLength(41);
    expect(curveEndNames(a, b)).toEqual(['a name final', 'b name final']);
  });

  it('needs both runs’ checkpoints, of one length', () => {
    expect(curveGrid(a, { id: 'c', name: 'c' }, 41)).toBeNull();
    expect(curveGrid(a, run('d', [1, 2], [3, 4]), 41)).toBeNull();
  });
});

describe('the barrier along a curve', () => {
  const grid = curveGrid(a, a, 41)!;
  /** A loss of the parameters sampled along the request's line θ(t) = center + t·d1. */
  const along = (loss: (theta: number[]) => number): Float64Array =>
    Float64Array.from(grid.alphas, (t) => loss(Array.from(grid.center, (value, k) => value + t * grid.d1[k]!)));
  const squaredDistance = (theta: number[], point: number[]): number =>
    theta.reduce((sum, value, k) => sum + (value - point[k]!) ** 2, 0);
  const at = (t: number): number[] => Array.from(grid.center, (value, k) => value + t * grid.d1[k]!);

  it('is the rise of a concave quadratic bump above the higher end: 1 − |θ − θ(0.3)|² gives |d1|² · 0.3² = 0.72', () => {
    const loss = along((theta) => 1 - squaredDistance(theta, at(0.3)));
    const barrier = curveBarrier(grid.alphas, loss)!;
    // |d1|² = 8: the ends are 1 − 8 · 0.09 and 1 − 8 · 0.49, the peak 1 at t = 0.3.
    expect(barrier.ends[0]).toBeCloseTo(0.28, 12);
    expect(barrier.ends[1]).toBeCloseTo(-2.92, 12);
    expect(barrier.peak.t).toBeCloseTo(0.3, 12);
    expect(barrier.peak.loss).toBeCloseTo(1, 12);
    expect(barrier.barrier).toBeCloseTo(0.72, 12);
  });

  it('is 0 along a convex quadratic bowl, whose highest point on [0, 1] is an end; the samples beyond [0, 1] do not count', () => {
    const barrier = curveBarrier(
      grid.alphas,
      along((theta) => squaredDistance(theta, at(1.2))),
    )!;
    expect(barrier.barrier).toBe(0);
    expect(barrier.peak).toEqual({ t: 0, loss: barrier.ends[0] });
    expect(barrier.ends[0]).toBeCloseTo(8 * 1.44, 12);
  });

  it('reads ends that fall between samples (an even resolution) on the line between them', () => {
    const t = curveTimes(40);
    const barrier = curveBarrier(
      t,
      Float64Array.from(t, (value) => 2 + 2 * value * (1 - value)),
    )!;
    expect(t.includes(0)).toBe(false);
    // t = ∓1/78 round 0 (and 1 ± 1/78 round 1): the line between reads 2 − 2/78² at both ends.
    expect(barrier.ends[0]).toBeCloseTo(2 - 2 / 78 ** 2, 12);
    expect(barrier.ends[1]).toBeCloseTo(2 - 2 / 78 ** 2, 12);
    expect(barrier.peak.t).toBeCloseTo(0.5, 12);
    expect(barrier.barrier).toBeCloseTo(0.5 + 2 / 78 ** 2, 12);
  });

  it('waits for every loss it needs, and no other', () => {
    const loss = along((theta) => 1 - squaredDistance(theta, at(0.3)));
    const beyond = Float64Array.from(loss, (value, i) => (grid.alphas[i]! > 1 ? NaN : value));
    expect(curveBarrier(grid.alphas, beyond)!.barrier).toBeCloseTo(0.72, 12);
    const between = Float64Array.from(loss, (value, i) => (i === 40 ? NaN : value));
    expect(curveBarrier(grid.alphas, between)).toBeNull();
  });
});
