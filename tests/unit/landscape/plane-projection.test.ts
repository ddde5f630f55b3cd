import { describe, expect, it } from 'vitest';
import { projectOntoPlane, projectPaths } from '../../../shared/plane-projection';
import { progressiveLevels } from '../../../shared/landscape-levels';

describe('projection onto a plane', () => {
  it('solves for (α, β) with non-orthogonal directions and measures the distance off the plane', () => {
    // d1 = (1, 0, 0), d2 = (1, 1, 0): the point (3, 2, 5) − center = 1·d1 + 2·d2 + 5·e3.
    const plane = { center: [1, 1, 1], d1: [1, 0, 0], d2: [1, 1, 0] };
    const { coordinates, distances } = projectOntoPlane(
      [
        [5, 3, 6],
        [1, 1, 1],
      ],
      plane,
    );
    expect(coordinates[0]![0]).toBeCloseTo(2, 12);
    expect(coordinates[0]![1]).toBeCloseTo(2, 12);
    expect(distances[0]).toBeCloseTo(5, 12);
    expect(coordinates[1]).toEqual([0, 0]);
    expect(distances[1]).toBe(0);
  });

  it('splits each path of a landscape request into parameter vectors and places every point, flattened per path', () => {
    const plane = { center: [1, 1, 1], d1: [1, 0, 0], d2: [1, 1, 0] };
    const [first, second] = projectPaths([Float64Array.of(5, 3, 6, 1, 1, 1), Float64Array.of(2, 1, 1)], plane);
    expect(Array.from(first!.coordinates, (value) => Math.round(value * 1e12) / 1e12)).toEqual([2, 2, 0, 0]);
    expect(Array.from(first!.distances, (value) => Math.round(value * 1e12) / 1e12)).toEqual([5, 0]);
    // (2, 1, 1) − center = 1·d1, on the plane.
    expect(Array.from(second!.coordinates)).toEqual([1, 0]);
    expect(Array.from(second!.distances)).toEqual([0]);
  });
});

describe('progressive levels', () => {
  it('a 41 × 41 grid: 6 × 6 first, then the points each halving of the stride adds, each point once', () => {
    const levels = progressiveLevels(41, 41);
    expect(levels.map((level) => level.length)).toEqual([36, 121 - 36, 441 - 121, 1681 - 441]);
    expect(Array.from(levels[0]!.slice(0, 6))).toEqual([0, 8, 16, 24, 32, 40]);
    expect(new Set(levels.flatMap((level) => Array.from(level))).size).toBe(1681);
  });

  it('keeps the last row and column in the coarse level when the stride does not divide the side', () => {
    const [coarse] = progressiveLevels(13, 7);
    // Sides of 13 and 7: stride 2 (6 intervals ≥ 4 across the longer side would need stride 3).
    const columns = new Set(Array.from(coarse!, (index) => index % 13));
    const rows = new Set(Array.from(coarse!, (index) => Math.floor(index / 13)));
    expect(columns.has(12)).toBe(true);
    expect(rows.has(6)).toBe(true);
  });

  it('a grid too small to thin is one level', () => {
    expect(progressiveLevels(3, 3).map((level) => level.length)).toEqual([9]);
  });
});
