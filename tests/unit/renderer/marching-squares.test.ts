import { describe, expect, it } from 'vitest';
import { contourLevels } from '../../../renderer/src/plot/contour-levels';
import { contourSegments } from '../../../renderer/src/plot/marching-squares';
import { createHeightScale } from '../../../renderer/src/scene/height-scale';

/** f = x² + y² on an n × n grid over [-2, 2]²; the level r² is the circle of radius r. */
function circleField(n: number) {
  const axis = Float64Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
  const z = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) z[j * n + i] = axis[i]! ** 2 + axis[j]! ** 2;
  return { x: axis, y: axis, z };
}

const toProblem = (grid: number, n: number): number => -2 + (4 * grid) / (n - 1);

describe('marching squares', () => {
  it('traces the circle x² + y² = r²: on the radius, 2πr long, and closed', () => {
    const n = 81;
    const r = 1.05; // off the grid's vertices, so no segment degenerates to a point
    const { z } = circleField(n);
    const segments = contourSegments(z, n, n, r * r);
    expect(segments.length % 4).toBe(0);
    let length = 0;
    const ends = new Map<string, number>();
    for (let k = 0; k < segments.length; k += 4) {
      const [x0, y0, x1, y1] = [0, 1, 2, 3].map((o) => toProblem(segments[k + o]!, n));
      // Linear interpolation of r² along an edge errs by O(h²) in the radius (h = 0.05).
      expect(Math.abs(Math.hypot(x0!, y0!) - r)).toBeLessThan(2e-3);
      length += Math.hypot(x1! - x0!, y1! - y0!);
      // Neighbouring cells compute a shared edge's crossing by the same formula: exact keys.
      for (const end of [`${segments[k]},${segments[k + 1]}`, `${segments[k + 2]},${segments[k + 3]}`]) {
        ends.set(end, (ends.get(end) ?? 0) + 1);
      }
    }
    expect(length).toBeCloseTo(2 * Math.PI * r, 2);
    // A closed curve: every end point is shared by exactly two segments.
    expect([...ends.values()].every((count) => count === 2)).toBe(true);
  });

  it('draws nothing for a level outside the field, and skips cells with a non-finite corner', () => {
    const n = 21;
    const { z } = circleField(n);
    expect(contourSegments(z, n, n, 100)).toHaveLength(0);
    expect(contourSegments(z, n, n, -1)).toHaveLength(0);
    const holed = Float64Array.from(z);
    holed[10 * n + 10] = NaN; // the centre, inside r = 0.5
    const full = contourSegments(z, n, n, 0.01);
    expect(full.length).toBeGreaterThan(0);
    expect(contourSegments(holed, n, n, 0.01)).toHaveLength(0);
  });

  it('resolves a saddle cell by the mean of its corners, so lines never cross', () => {
    // Corners a = 1, b = 0, c = 1, d = 0 (mean 0.5): above the level 0.4, a and c join.
    const saddle = [1, 0, 0, 1];
    const joined = contourSegments(saddle, 2, 2, 0.4);
    expect(joined).toHaveLength(8);
    // Two segments, each cutting off one low corner (b at (1, 0), d at (0, 1)).
    const corners = [
      [joined[0]! + joined[2]!, joined[1]! + joined[3]!],
      [joined[4]! + joined[6]!, joined[5]! + joined[7]!],
    ].map(([sx, sy]) => [Math.round(sx! / 2), Math.round(sy! / 2)]);
    expect(corners).toEqual(
      expect.arrayContaining([
        [1, 0],
        [0, 1],
      ]),
    );
    // Below the mean (level 0.6) the high corners are cut off instead.
    const split = contourSegments(saddle, 2, 2, 0.6);
    const high = [
      [split[0]! + split[2]!, split[1]! + split[3]!],
      [split[4]! + split[6]!, split[5]! + split[7]!],
    ].map(([sx, sy]) => [Math.round(sx! / 2), Math.round(sy! / 2)]);
    expect(high).toEqual(
      expect.arrayContaining([
        [0, 0],
        [1, 1],
      ]),
    );
  });
});

describe('contour levels', () => {
  it('are evenly spaced in the linear scale: the circles of radius √(8k/16)', () => {
    const surface = circleField(101);
    const levels = contourLevels(surface, createHeightScale('linear', 0, 8), 16);
    expect(levels).toHaveLength(15);
    for (const [index, level] of levels.entries()) {
      const radius = Math.sqrt((8 * (index + 1)) / 16);
      expect(level.height).toBeCloseTo((index + 1) / 16, 12);
      const s = level.segments;
      expect(Math.abs(Math.hypot(s[0]!, s[1]!) - radius)).toBeLessThan(5e-3);
    }
  });

  it('are evenly spaced in log loss on a log scale', () => {
    const surface = circleField(101);
    const scale = createHeightScale('log', 0, 8);
    const levels = contourLevels(surface, scale, 8);
    for (const level of levels) {
      const [x, y] = [level.segments[0]!, level.segments[1]!];
      expect(scale.toHeight(x * x + y * y)).toBeCloseTo(level.height, 2);
    }
    // Log spacing packs the lines towards the minimum: the first is far smaller than 8/8.
    const first = levels[0]!.segments;
    expect(Math.hypot(first[0]!, first[1]!) ** 2).toBeLessThan(0.1);
  });
});
