import type { Bounds, Objective2D } from '../../../shared/functions/objective';

/**
 * A sparse field of descent arrows (−∇f) at the centres of a perSide × perSide grid, four
 * numbers per arrow: base x, y and tip x, y in problem coordinates. Gradients span many orders of
 * magnitude, so length grows with log(1 + |∇f| / median) up to 85% of a cell: steep and gentle
 * regions both stay readable. Direction is measured in cells, so a stretched view keeps arrows
 * inside their cells; points with a zero or non-finite gradient get no arrow.
 */
export function gradientField(objective: Objective2D, bounds: Bounds, perSide: number): Float64Array {
  const [[x0, x1], [y0, y1]] = bounds;
  const cellX = (x1 - x0) / perSide;
  const cellY = (y1 - y0) / perSide;
  const gradient = new Float64Array(2);
  const samples: { x: number; y: number; ux: number; uy: number; norm: number }[] = [];
  for (let j = 0; j < perSide; j++) {
    for (let i = 0; i < perSide; i++) {
      const x = x0 + (i + 0.5) * cellX;
      const y = y0 + (j + 0.5) * cellY;
      objective.gradient(x, y, gradient);
      const norm = Math.hypot(gradient[0]!, gradient[1]!);
      // The descent direction in cell units.
      const cx = -gradient[0]! / cellX;
      const cy = -gradient[1]! / cellY;
      const cellNorm = Math.hypot(cx, cy);
      if (!(norm > 0 && Number.isFinite(norm) && cellNorm > 0 && Number.isFinite(cellNorm))) continue;
      samples.push({ x, y, ux: cx / cellNorm, uy: cy / cellNorm, norm });
    }
  }
  const sorted = samples.map((s) => s.norm).sort((a, b) => a - b);
  const reference = sorted[Math.floor(sorted.length / 2)] ?? 1;
  const largest = Math.log1p((sorted[sorted.length - 1] ?? 1) / reference);
  const out = new Float64Array(4 * samples.length);
  samples.forEach((s, k) => {
    const length = 0.85 * (0.15 + (0.85 * Math.log1p(s.norm / reference)) / largest);
    out.set([s.x, s.y, s.x + s.ux * length * cellX, s.y + s.uy * length * cellY], 4 * k);
  });
  return out;
}
