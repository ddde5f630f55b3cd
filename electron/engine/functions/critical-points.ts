import type { CriticalPoint } from '../../../shared/events';
import { classifyStationaryPoint, hessianEigenvalues } from '../../../shared/functions/hessian-classification';
import type { Bounds, Objective2D } from '../../../shared/functions/objective';

/** Seeds per axis: several per period of rastrigin's and ackley's ripples in their boxes. */
const SEEDS_PER_AXIS = 48;
/** A seed may travel this many grid cells; farther points are left to seeds nearer to them. */
const SEED_RADIUS_CELLS = 4;
/** Converged when a step moves less than this, relative to 1 + |p|. */
const STEP_TOLERANCE = 1e-12;
/** …and the gradient is this small next to the function's typical gradient. */
const GRADIENT_TOLERANCE = 1e-6;
const MAX_ITERATIONS = 200;

export interface LocateOptions {
  /** Give up when the iterate leaves this distance from the start. */
  radius: number;
  /** The largest gradient norm a stationary point may keep (rounding, slow degenerate convergence). */
  gradientTolerance: number;
}

/**
 * The stationary point near (x, y), or null. Levenberg–Marquardt on the gradient: Newton's
 * method on ∇f = 0 (so saddles and maxima are found as well as minima), damped into descent on
 * |∇f|² where the Hessian is singular or the Newton step does not reduce |∇f|. Degenerate
 * points, where Newton converges only linearly, are still reached.
 */
export function locateStationaryPoint(
  objective: Objective2D,
  x0: number,
  y0: number,
  { radius, gradientTolerance }: LocateOptions,
): [number, number] | null {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  let [x, y] = [x0, y0];
  objective.gradient(x, y, g);
  let norm = Math.hypot(g[0]!, g[1]!);
  let damping = 1e-3;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    if (!Number.isFinite(norm)) return null;
    if (norm === 0) return [x, y];
    objective.hessian(x, y, h);
    const [a, b, c] = [h[0]!, h[1]!, h[2]!];
    // Solve (H² + μI) δ = −H g, with μ relative to H's size so it is scale-free.
    const [p, q, r] = [a * a + b * b, b * (a + c), b * b + c * c];
    const [hg0, hg1] = [a * g[0]! + b * g[1]!, b * g[0]! + c * g[1]!];
    let accepted = false;
    while (damping < 1e12) {
      const mu = damping * ((p + r) / 2);
      const det = (p + mu) * (r + mu) - q * q;
      const dx = -((r + mu) * hg0 - q * hg1) / det;
      const dy = -(-q * hg0 + (p + mu) * hg1) / det;
      if (!Number.isFinite(dx) || !Number.isFinite(dy)) return null;
      const [nx, ny] = [x + dx, y + dy];
      objective.gradient(nx, ny, g);
      const nextNorm = Math.hypot(g[0]!, g[1]!);
      if (nextNorm < norm || (nextNorm === norm && Math.hypot(dx, dy) <= STEP_TOLERANCE * (1 + Math.hypot(x, y)))) {
        const step = Math.hypot(dx, dy);
        [x, y, norm] = [nx, ny, nextNorm];
        damping = Math.max(damping / 10, 1e-15);
        accepted = true;
        if (Math.hypot(x - x0, y - y0) > radius) return null;
        if (step <= STEP_TOLERANCE * (1 + Math.hypot(x, y))) return norm <= gradientTolerance ? [x, y] : null;
        break;
      }
      damping *= 10;
    }
    // No step reduces |∇f|: a minimum of |∇f| that is a stationary point only if |∇f| is ~0.
    if (!accepted) return norm <= gradientTolerance ? [x, y] : null;
  }
  return null;
}

/**
 * Every isolated critical point inside `bounds`: Levenberg–Marquardt from a grid of seeds,
 * merged, classified by the Hessian's eigenvalues, sorted by value, then x, then y.
 * Points whose Hessian is not finite (ackley's kink at the origin) are left out: their
 * curvature has no eigenvalues to report.
 */
export function findCriticalPoints(objective: Objective2D, bounds: Bounds): CriticalPoint[] {
  const [[x0, x1], [y0, y1]] = bounds;
  const cellX = (x1 - x0) / (SEEDS_PER_AXIS - 1);
  const cellY = (y1 - y0) / (SEEDS_PER_AXIS - 1);
  const seeds: [number, number][] = [];
  for (let j = 0; j < SEEDS_PER_AXIS; j++) {
    for (let i = 0; i < SEEDS_PER_AXIS; i++) seeds.push([x0 + i * cellX, y0 + j * cellY]);
  }
  const { gradientScale, curvatureScale } = typicalScales(objective, seeds);
  // A constant function: every point is stationary, none is isolated.
  if (gradientScale === 0 && curvatureScale === 0) return [];
  const options: LocateOptions = {
    radius: SEED_RADIUS_CELLS * Math.hypot(cellX, cellY),
    gradientTolerance: GRADIENT_TOLERANCE * gradientScale,
  };
  const mergeDistance = 1e-6 * Math.hypot(x1 - x0, y1 - y0);
  const slackX = 1e-9 * (x1 - x0);
  const slackY = 1e-9 * (y1 - y0);

  const found: [number, number][] = [];
  for (const [sx, sy] of seeds) {
    const point = locateStationaryPoint(objective, sx, sy, options);
    if (!point) continue;
    const [px, py] = point;
    if (px < x0 - slackX || px > x1 + slackX || py < y0 - slackY || py > y1 + slackY) continue;
    if (found.some(([fx, fy]) => Math.hypot(fx - px, fy - py) <= mergeDistance)) continue;
    found.push(point);
  }

  const hessian = new Float64Array(3);
  const points: CriticalPoint[] = [];
  for (const point of found) {
    objective.hessian(point[0], point[1], hessian);
    const eigenvalues = hessianEigenvalues(hessian);
    const value = objective.value(point[0], point[1]);
    if (!eigenvalues.every(Number.isFinite) || !Number.isFinite(value)) continue;
    points.push({ point, type: classifyStationaryPoint(eigenvalues, curvatureScale), value, eigenvalues });
  }
  return points.sort((a, b) => a.value - b.value || a.point[0] - b.point[0] || a.point[1] - b.point[1]);
}

/** Median gradient norm and median Hessian spectral norm over the seeds (finite ones). */
function typicalScales(objective: Objective2D, seeds: [number, number][]) {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  const gradients: number[] = [];
  const curvatures: number[] = [];
  for (const [x, y] of seeds) {
    objective.gradient(x, y, g);
    objective.hessian(x, y, h);
    const norm = Math.hypot(g[0]!, g[1]!);
    const [low, high] = hessianEigenvalues(h);
    const curvature = Math.max(Math.abs(low), Math.abs(high));
    if (Number.isFinite(norm)) gradients.push(norm);
    if (Number.isFinite(curvature)) curvatures.push(curvature);
  }
  return { gradientScale: median(gradients), curvatureScale: median(curvatures) };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
