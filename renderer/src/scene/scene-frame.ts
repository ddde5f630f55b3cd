import type { Bounds } from '../../../shared/functions/objective';
import type { HeightScale } from './height-scale';

/** The surface spans SIZE × SIZE world units, centred on the origin, and rises HEIGHT at most. */
export const SURFACE_SIZE = 10;
export const SURFACE_HEIGHT = 4;

/**
 * Maps problem coordinates (x, y, loss) to world coordinates: x → X (right), y → −Z (away from
 * the default camera), loss → Y (up) through the height scale; and back, for picking.
 */
export interface SceneFrame {
  worldX(x: number): number;
  worldZ(y: number): number;
  worldY(loss: number): number;
  problemPoint(worldX: number, worldZ: number): [number, number];
}

export function createSceneFrame(bounds: Bounds, scale: HeightScale): SceneFrame {
  const [[x0, x1], [y0, y1]] = bounds;
  const sx = SURFACE_SIZE / (x1 - x0);
  const sy = SURFACE_SIZE / (y1 - y0);
  return {
    worldX: (x) => (x - x0) * sx - SURFACE_SIZE / 2,
    worldZ: (y) => SURFACE_SIZE / 2 - (y - y0) * sy,
    worldY: (loss) => Math.min(scale.toHeight(loss), 1.25) * SURFACE_HEIGHT,
    problemPoint: (wx, wz) => [x0 + (wx + SURFACE_SIZE / 2) / sx, y0 + (SURFACE_SIZE / 2 - wz) / sy],
  };
}
