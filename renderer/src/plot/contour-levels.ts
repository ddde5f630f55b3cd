import type { HeightScale } from '../scene/height-scale';
import { contourSegments } from './marching-squares';

export interface ContourLevel {
  /** The level in the height scale, in (0, 1): 3D views draw it at this height. */
  height: number;
  /** Segments in problem coordinates, four numbers each: x0, y0, x1, y1. */
  segments: Float64Array;
}

export interface GridSurface {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Row-major: z[j * x.length + i] = f(x[i], y[j]). */
  z: ArrayLike<number>;
}

/**
 * Iso-lines at `count − 1` levels evenly spaced in the current height scale, so a log scale
 * gives lines evenly spaced in log loss. Contouring the scaled field (not the loss) makes that
 * spacing exact without inverting the scale.
 */
export function contourLevels(surface: GridSurface, scale: HeightScale, count: number): ContourLevel[] {
  const nx = surface.x.length;
  const ny = surface.y.length;
  const heights = new Float64Array(nx * ny);
  for (let k = 0; k < heights.length; k++) heights[k] = scale.toHeight(surface.z[k]!);
  const along = (axis: ArrayLike<number>, t: number): number => {
    const i = Math.min(Math.floor(t), axis.length - 2);
    return axis[i]! + (t - i) * (axis[i + 1]! - axis[i]!);
  };
  const levels: ContourLevel[] = [];
  for (let n = 1; n < count; n++) {
    const height = n / count;
    const segments = contourSegments(heights, nx, ny, height);
    for (let k = 0; k < segments.length; k += 2) {
      segments[k] = along(surface.x, segments[k]!);
      segments[k + 1] = along(surface.y, segments[k + 1]!);
    }
    levels.push({ height, segments });
  }
  return levels;
}
