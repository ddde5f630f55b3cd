import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../shared/random';
import { filterNormalize, planeThrough, randomDirection } from '../../../electron/engine/landscape/directions';
import { denseLayerSlices } from '../../../electron/engine/network/param-layout';
import { fixture } from './fixture';

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));
const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  Array.from(a).reduce((sum, v, i) => sum + v * b[i]!, 0);

describe('filter normalisation (Li et al. 2018)', () => {
  const { sizes, center, direction, normalized } = fixture.filterNormalization;

  it.each(['zero', 'filter'] as const)('matches the reference implementation on torch layouts, biases %s', (biases) => {
    const ours = filterNormalize(Float64Array.from(direction), center, sizes, biases);
    expect(maxDifference(ours, normalized[biases])).toBeLessThan(1e-12);
  });

  it('gives every unit’s incoming weights the norm of the same unit at the center', () => {
    const center = Float64Array.from({ length: 3 * 4 + 4 + 4 * 2 + 2 }, (_, i) => Math.sin(i + 1));
    const d = randomDirection(center, [3, 4, 2], createRandom(5), 'zero');
    for (const { inputs, outputs, kernelOffset, biasOffset } of denseLayerSlices([3, 4, 2])) {
      for (let o = 0; o < outputs; o++) {
        const column = (v: ArrayLike<number>) =>
          Math.hypot(...Array.from({ length: inputs }, (_, i) => v[kernelOffset + i * outputs + o]!));
        expect(column(d)).toBeCloseTo(column(center), 9);
        expect(d[biasOffset + o]).toBe(0);
      }
    }
  });
});

describe('the plane through parameter vectors', () => {
  const p0 = Float64Array.of(1, 2, 3, 4);
  const p1 = Float64Array.of(2, 2, 3, 4);
  const p2 = Float64Array.of(1, 5, 3, 4);

  it('through three points: p0 at the center, p1 at α = 1, p2 in the plane, d2 ⟂ d1 with |d2| = |d1|', () => {
    const { center, d1, d2 } = planeThrough([p0, p1, p2], () => {
      throw new Error('three independent points need no random direction');
    });
    expect(Array.from(center)).toEqual([1, 2, 3, 4]);
    expect(Array.from(d1)).toEqual([1, 0, 0, 0]);
    expect(Array.from(d2)).toEqual([0, 1, 0, 0]);
  });

  it('through two points: the second direction is the random one made orthogonal and as long', () => {
    const { d1, d2 } = planeThrough([p0, p1], () => Float64Array.of(3, 0, 4, 0));
    expect(dot(d1, d2)).toBe(0);
    expect(Array.from(d2)).toEqual([0, 0, 1, 0]);
  });

  it('refuses coincident points', () => {
    expect(() => planeThrough([p0, p0], () => Float64Array.of(0, 1, 0, 0))).toThrow(/distinct/);
  });
});

describe('random directions at a zero-initialised network', () => {
  it('fall back to a unit Gaussian direction instead of the zero vector', () => {
    const sizes = [2, 4, 1];
    const center = new Float64Array(2 * 4 + 4 + 4 + 1);
    const direction = randomDirection(center, sizes, createRandom(7), 'filter');
    expect(direction.every(Number.isFinite)).toBe(true);
    expect(Math.hypot(...direction)).toBeCloseTo(1, 12);
  });
});
