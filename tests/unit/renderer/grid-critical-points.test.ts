import { describe, expect, it } from 'vitest';
import { gridCriticalPoints } from '../../../renderer/src/network/grid-critical-points';
import { gridValueAt } from '../../../renderer/src/scene/grid-value';

/** f sampled on an n × m grid over [x0, x1] × [y0, y1], row-major as slices are. */
function sample(
  f: (x: number, y: number) => number,
  [x0, x1]: [number, number],
  [y0, y1]: [number, number],
  n: number,
  m = n,
) {
  const x = Float64Array.from({ length: n }, (_, i) => x0 + ((x1 - x0) * i) / (n - 1));
  const y = Float64Array.from({ length: m }, (_, j) => y0 + ((y1 - y0) * j) / (m - 1));
  const z = new Float64Array(n * m);
  for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) z[j * n + i] = f(x[i]!, y[j]!);
  return { x, y, z };
}

const rounded = (points: ReturnType<typeof gridCriticalPoints>) =>
  points
    .map(({ type, point: [x, y] }) => ({ type, x: Math.round(x * 1e6) / 1e6 + 0, y: Math.round(y * 1e6) / 1e6 + 0 }))
    .sort((a, b) => a.x - b.x || a.y - b.y);

describe('critical points of a grid', () => {
  it('finds the one minimum of a bowl at its grid point on a non-square grid (a transposed reading would miss it)', () => {
    // Minimum at (0.5, −0.5): grid point i = 6 of 9 columns, j = 1 of 5 rows.
    const grid = sample((x, y) => (x - 0.5) ** 2 + 2 * (y + 0.5) ** 2, [-1, 1], [-1, 1], 9, 5);
    expect(rounded(gridCriticalPoints(grid))).toEqual([{ type: 'minimum', x: 0.5, y: -0.5 }]);
  });

  it('skips points beside a value that is not finite', () => {
    const bowl = sample((x, y) => x * x + y * y, [-1, 1], [-1, 1], 7);
    bowl.z[2 * 7 + 2] = Number.NaN;
    expect(gridCriticalPoints(bowl)).toEqual([]);
  });

  it('finds the double well (x² − 1)² + y²: minima at (±1, 0), a saddle at the origin, with its Hessian’s eigenvalues', () => {
    const grid = sample((x, y) => (x * x - 1) ** 2 + y * y, [-2, 2], [-1.5, 1.5], 41, 31);
    const points = gridCriticalPoints(grid);
    expect(rounded(points)).toEqual([
      { type: 'minimum', x: -1, y: 0 },
      { type: 'saddle', x: 0, y: 0 },
      { type: 'minimum', x: 1, y: 0 },
    ]);
    // Closed form: at (±1, 0) the Hessian is diag(8, 2); at the origin diag(−4, 2). Central differences on h = 0.1 are within h² · f''''/12 = 0.02.
    const minimum = points.find((p) => p.type === 'minimum')!;
    expect(minimum.eigenvalues[0]).toBeCloseTo(2, 6);
    expect(minimum.eigenvalues[1]).toBeCloseTo(8, 1);
    const saddle = points.find((p) => p.type === 'saddle')!;
    expect(saddle.eigenvalues[0]).toBeCloseTo(-4, 1);
    expect(saddle.eigenvalues[1]).toBeCloseTo(2, 6);
    expect(saddle.value).toBeCloseTo(1, 12);
  });

  it('finds the one maximum of −(x² + y²) and the one saddle of x² − y², and nothing on a tilted plane', () => {
    expect(rounded(gridCriticalPoints(sample((x, y) => -(x * x + y * y), [-1, 1], [-1, 1], 21)))).toEqual([
      { type: 'maximum', x: 0, y: 0 },
    ]);
    expect(rounded(gridCriticalPoints(sample((x, y) => x * x - y * y, [-1, 1], [-1, 1], 21)))).toEqual([
      { type: 'saddle', x: 0, y: 0 },
    ]);
    expect(gridCriticalPoints(sample((x, y) => 2 * x - y, [-1, 1], [-1, 1], 21))).toEqual([]);
  });

  it('finds nothing in rounding noise on a flat slice, and still the bowl under it', () => {
    // A deterministic ±1e-7 jitter on 0.6931, as float32 sums leave on a flat network loss.
    const jitter = (x: number, y: number): number => 1e-7 * Math.sin(1e4 * x + 7e3 * y);
    expect(gridCriticalPoints(sample((x, y) => 0.6931 + jitter(x, y), [-1, 1], [-1, 1], 41))).toEqual([]);
    expect(
      rounded(
        gridCriticalPoints(sample((x, y) => 0.6931 + 1e-2 * (x * x + y * y) + jitter(x, y), [-1, 1], [-1, 1], 41)),
      ),
    ).toEqual([{ type: 'minimum', x: 0, y: 0 }]);
  });

  it('skips points next to ones not computed yet, and the edges', () => {
    const grid = sample((x, y) => x * x + y * y, [-1, 1], [-1, 1], 5);
    expect(rounded(gridCriticalPoints(grid))).toEqual([{ type: 'minimum', x: 0, y: 0 }]);
    grid.z[2 * 5 + 3] = NaN;
    expect(gridCriticalPoints(grid)).toEqual([]);
  });
});

describe('a grid’s value between its points', () => {
  it('is exact for a bilinear function, and NaN outside the grid', () => {
    const f = (x: number, y: number): number => 1 + 2 * x - 3 * y + 0.5 * x * y;
    const grid = sample(f, [-1, 2], [0, 1], 4, 3);
    for (const [x, y] of [
      [0.3, 0.7],
      [-1, 0],
      [2, 1],
      [1.99, 0.01],
    ] as const)
      expect(gridValueAt(grid, x, y)).toBeCloseTo(f(x, y), 12);
    expect(gridValueAt(grid, 2.01, 0.5)).toBeNaN();
    expect(gridValueAt(grid, 0, -0.1)).toBeNaN();
  });
});
