import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyStationaryPoint,
  hessianEigenvalues,
  symmetricEigenvalues2,
} from '../../../shared/functions/hessian-classification';

describe('symmetricEigenvalues2', () => {
  it.each([
    [
      [2, 1, 2],
      [1, 3],
    ],
    [
      [1, 0, 10],
      [1, 10],
    ],
    [
      [2, 0, -2],
      [-2, 2],
    ],
    [
      [-1, 0, -3],
      [-3, -1],
    ],
    [
      [0, 0, 0],
      [0, 0],
    ],
    [
      [0, 1, 0],
      [-1, 1],
    ],
  ])('%j → %j', ([a, b, c], expected) => {
    const eigenvalues = symmetricEigenvalues2(a!, b!, c!);
    expect(eigenvalues[0]).toBeCloseTo(expected[0]!, 14);
    expect(eigenvalues[1]).toBeCloseTo(expected[1]!, 14);
  });

  it('keeps a tiny eigenvalue next to a large one accurate (no cancellation)', () => {
    expect(symmetricEigenvalues2(1, 0, 1e-20)).toEqual([1e-20, 1]);
    const [small] = symmetricEigenvalues2(1e8, 1e-4, 1e-8);
    // det / trace: (1e8 · 1e-8 − 1e-8) / 1e8 ≈ 9.9999999e-9
    expect(small / ((1 - 1e-8) / (1e8 + 1e-8)) - 1).toBeLessThan(1e-12);
  });

  it('agrees with trace and determinant, ascending', () => {
    const entry = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(entry, entry, entry, (a, b, c) => {
        const [low, high] = hessianEigenvalues([a, b, c]);
        const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
        expect(low).toBeLessThanOrEqual(high);
        expect(Math.abs(low + high - (a + c))).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
        expect(Math.abs(low * high - (a * c - b * b))).toBeLessThanOrEqual(1e-12 * scale * scale + 1e-300);
      }),
    );
  });
});

describe('classifyStationaryPoint', () => {
  it.each([
    [[1, 10], 10, 'minimum'],
    [[-2, 2], 2, 'saddle'],
    [[-3, -1], 3, 'maximum'],
    [[0, 0], 6, 'degenerate'],
    [[-5e-12, 5e-12], 17, 'degenerate'],
    [[1e-9, 5], 5, 'degenerate'],
    [[0.04, 1], 1, 'minimum'],
    [[-1e-3, 5], 5, 'saddle'],
    [[NaN, 1], 1, 'degenerate'],
    [[Infinity, Infinity], 1, 'degenerate'],
  ] as const)('%j at scale %d is a %s', (eigenvalues, scale, type) => {
    expect(classifyStationaryPoint(eigenvalues, scale)).toBe(type);
  });

  it('judges zero relative to the eigenvalues themselves when no scale is given', () => {
    expect(classifyStationaryPoint([1e-3, 2e-3])).toBe('minimum');
    expect(classifyStationaryPoint([1e-12, 2])).toBe('degenerate');
  });
});
