import type { Bounds, Objective2D } from '../../../shared/functions/objective';

export interface SurfaceGrid {
  x: Float64Array;
  y: Float64Array;
  /** Row-major: z[j * x.length + i] = f(x[i], y[j]). */
  z: Float64Array;
}

export function linspace(from: number, to: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const step = (to - from) / (count - 1);
  for (let i = 0; i < count; i++) out[i] = from + i * step;
  out[count - 1] = to;
  return out;
}

export function computeSurface(objective: Objective2D, bounds: Bounds, resolution: number): SurfaceGrid {
  const x = linspace(bounds[0][0], bounds[0][1], resolution);
  const y = linspace(bounds[1][0], bounds[1][1], resolution);
  const z = new Float64Array(resolution * resolution);
  for (let j = 0; j < resolution; j++) {
    const yj = y[j]!;
    for (let i = 0; i < resolution; i++) z[j * resolution + i] = objective.value(x[i]!, yj);
  }
  return { x, y, z };
}
