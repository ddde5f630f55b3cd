import { describe, expect, it } from 'vitest';
import type { CriticalPoint, CriticalPointType } from '../../../shared/events';
import { CATALOG_NAMES, catalogEntry, catalogFunction, type CatalogName } from '../../../shared/functions/catalog';
import { compileExpression } from '../../../shared/functions/expression';
import { findCriticalPoints } from '../../../electron/engine/functions/critical-points';

function pointsOf(name: CatalogName): CriticalPoint[] {
  return findCriticalPoints(catalogFunction(name), catalogEntry(name).bounds);
}

function countByType(points: CriticalPoint[]): Partial<Record<CriticalPointType, number>> {
  const counts: Partial<Record<CriticalPointType, number>> = {};
  for (const { type } of points) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Each expected point is found once, with the expected type (coordinates to `digits`). */
function expectPoints(points: CriticalPoint[], expected: [number, number, CriticalPointType][], digits = 5): void {
  for (const [x, y, type] of expected) {
    const near = points.filter((p) => Math.hypot(p.point[0] - x, p.point[1] - y) < 10 ** -digits);
    expect(near, `(${x}, ${y})`).toHaveLength(1);
    expect(near[0]!.type, `(${x}, ${y})`).toBe(type);
  }
}

describe('findCriticalPoints', () => {
  it('himmelblau: 4 minima at value 0, 1 maximum, 4 saddles (literature)', () => {
    const points = pointsOf('himmelblau');
    expect(countByType(points)).toEqual({ minimum: 4, maximum: 1, saddle: 4 });
    expectPoints(points, [
      [3, 2, 'minimum'],
      [-2.805118, 3.131312, 'minimum'],
      [-3.77931, -3.283186, 'minimum'],
      [3.584428, -1.848126, 'minimum'],
      [-0.270845, -0.923039, 'maximum'],
      [0.086677, 2.884254, 'saddle'],
      [-3.073026, -0.081353, 'saddle'],
      [3.385154, 0.073852, 'saddle'],
      [-0.127961, -1.953715, 'saddle'],
    ]);
    for (const p of points.filter((p) => p.type === 'minimum')) expect(p.value).toBeLessThan(1e-20);
    expect(points.find((p) => p.type === 'maximum')!.value).toBeCloseTo(181.616522, 5);
  });

  it('six-hump camel: 15 critical points in [-3, 3]×[-2, 2] — 6 minima, 2 maxima, 7 saddles', () => {
    const points = pointsOf('six_hump_camel');
    expect(countByType(points)).toEqual({ minimum: 6, maximum: 2, saddle: 7 });
    expectPoints(
      points,
      [
        [0.0898, -0.7127, 'minimum'],
        [-0.0898, 0.7127, 'minimum'],
        [-1.7036, 0.7961, 'minimum'],
        [1.7036, -0.7961, 'minimum'],
        [1.6071, 0.5687, 'minimum'],
        [-1.6071, -0.5687, 'minimum'],
        [1.2302, 0.1623, 'maximum'],
        [-1.2302, -0.1623, 'maximum'],
        [0, 0, 'saddle'],
      ],
      3,
    );
    // Lowest first: the two global minima.
    expect(points[0]!.value).toBeCloseTo(-1.0316284534898774, 12);
    expect(points[1]!.value).toBeCloseTo(-1.0316284534898774, 12);
  });

  it('saddle: one saddle at the origin', () => {
    const [point, ...rest] = pointsOf('saddle');
    expect(rest).toHaveLength(0);
    expect(point!.type).toBe('saddle');
    expect(Math.hypot(...point!.point)).toBeLessThan(1e-12);
    expect(point!.eigenvalues[0]).toBeCloseTo(-2, 12);
    expect(point!.eigenvalues[1]).toBeCloseTo(2, 12);
  });

  it('monkey saddle: the origin is degenerate, not a saddle', () => {
    const points = pointsOf('monkey_saddle');
    expect(points).toHaveLength(1);
    expect(points[0]!.type).toBe('degenerate');
    expect(Math.hypot(...points[0]!.point)).toBeLessThan(1e-9);
  });

  it('quadratic: a minimum at the origin with eigenvalues [1, 10]', () => {
    const points = pointsOf('quadratic');
    expect(points).toHaveLength(1);
    expect(points[0]!.type).toBe('minimum');
    expect(points[0]!.eigenvalues[0]).toBeCloseTo(1, 12);
    expect(points[0]!.eigenvalues[1]).toBeCloseTo(10, 12);
    expect(points[0]!.value).toBeCloseTo(0, 20);
  });

  it('double well: minima at (±1, 0), a saddle at the origin', () => {
    const points = pointsOf('double_well');
    expect(countByType(points)).toEqual({ minimum: 2, saddle: 1 });
    expectPoints(
      points,
      [
        [1, 0, 'minimum'],
        [-1, 0, 'minimum'],
        [0, 0, 'saddle'],
      ],
      9,
    );
    const saddle = points.find((p) => p.type === 'saddle')!;
    expect(saddle.eigenvalues[0]).toBeCloseTo(-4, 10);
    expect(saddle.eigenvalues[1]).toBeCloseTo(2, 10);
  });

  it('booth and matyas: one minimum each, in closed form', () => {
    const booth = pointsOf('booth');
    expect(booth).toHaveLength(1);
    expectPoints(booth, [[1, 3, 'minimum']], 9);
    expect(booth[0]!.eigenvalues[0]).toBeCloseTo(2, 10);
    expect(booth[0]!.eigenvalues[1]).toBeCloseTo(18, 10);
    const matyas = pointsOf('matyas');
    expect(matyas).toHaveLength(1);
    expectPoints(matyas, [[0, 0, 'minimum']], 9);
    expect(matyas[0]!.eigenvalues[0]).toBeCloseTo(0.04, 10);
    expect(matyas[0]!.eigenvalues[1]).toBeCloseTo(1, 10);
  });

  it('rastrigin: all 21 × 21 points of its grid (minima − saddles + maxima = 1, as on a disc)', () => {
    const points = pointsOf('rastrigin');
    expect(countByType(points)).toEqual({ minimum: 121, saddle: 220, maximum: 100 });
  });

  it('ackley: every smooth critical point; the kink at the origin has no Hessian and is left out', () => {
    const points = pointsOf('ackley');
    expect(countByType(points)).toEqual({ minimum: 120, saddle: 220, maximum: 100 });
    expect(points.some((p) => Math.hypot(...p.point) < 1e-6)).toBe(false);
  });

  it.each(CATALOG_NAMES)('%s: points are stationary, inside the bounds, classified and ordered, fast', (name) => {
    const objective = catalogFunction(name);
    const { bounds } = catalogEntry(name);
    const started = performance.now();
    const points = findCriticalPoints(objective, bounds);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(points.length).toBeGreaterThan(0);
    const g = new Float64Array(2);
    for (const { point, value, eigenvalues } of points) {
      expect(point[0]).toBeGreaterThanOrEqual(bounds[0][0]);
      expect(point[0]).toBeLessThanOrEqual(bounds[0][1]);
      expect(point[1]).toBeGreaterThanOrEqual(bounds[1][0]);
      expect(point[1]).toBeLessThanOrEqual(bounds[1][1]);
      objective.gradient(point[0], point[1], g);
      expect(Math.hypot(g[0]!, g[1]!)).toBeLessThan(1e-6);
      expect(value).toBe(objective.value(point[0], point[1]));
      expect(eigenvalues[0]).toBeLessThanOrEqual(eigenvalues[1]);
    }
    for (let i = 1; i < points.length; i++) expect(points[i]!.value).toBeGreaterThanOrEqual(points[i - 1]!.value);
    expect(findCriticalPoints(objective, bounds)).toEqual(points);
  });

  it('the global minima the catalog lists are among the points found (ackley aside)', () => {
    for (const name of CATALOG_NAMES) {
      const minimum = catalogEntry(name).globalMinimum;
      if (!minimum || name === 'ackley') continue;
      const points = pointsOf(name);
      for (const [x, y] of minimum.points) {
        const found = points.find((p) => Math.hypot(p.point[0] - x, p.point[1] - y) < 1e-6);
        expect(found?.type, `${name} (${x}, ${y})`).toBe('minimum');
      }
    }
  });

  it('returns nothing for a constant, only points inside a smaller box, and finds user expressions', () => {
    expect(
      findCriticalPoints(compileExpression('3'), [
        [-1, 1],
        [-1, 1],
      ]),
    ).toEqual([]);
    const inner = findCriticalPoints(catalogFunction('double_well'), [
      [0.5, 2],
      [-1, 1],
    ]);
    expect(inner.map((p) => p.type)).toEqual(['minimum']);
    const user = findCriticalPoints(compileExpression('x^3 - 3x + y^2'), [
      [-2, 2],
      [-2, 2],
    ]);
    expect(user.map((p) => [p.type, p.point[0]])).toEqual([
      ['minimum', expect.closeTo(1, 9)],
      ['saddle', expect.closeTo(-1, 9)],
    ]);
  });
});
