import { createContext, useContext } from 'react';
import type { Bounds } from '../../../shared/functions/objective';
import { useAppStore } from '../store/app-store';
import type { SurfaceData } from '../store/app-model';
import type { HoverTarget } from '../store/hover-store';
import type { HeightScale } from './height-scale';

/**
 * What the 3D scene draws its surface from: a grid (x[i], y[j], z row-major, NaN where not
 * computed yet) over `bounds`, whatever produced it — a function's formula, a network's slice
 * through parameter space, a file.
 */
export interface SceneSurface extends SurfaceData {
  bounds: Bounds;
  /** The axes' names on the floor: x, y for a function; α, β for a plane of parameter space. */
  axisNames: [string, string];
  /** The surface's own height and colour scale (a slice's colour bar); absent: the view's linear/log setting. */
  scale?: HeightScale;
  /** Said of each critical point, e.g. "on this slice": they are the grid's, not the whole problem's. */
  criticalPointNote?: string;
  /** Clicking the surface picks this point (a function's next start); absent: clicks do nothing. */
  pick?(point: [number, number]): void;
  /** Where the pointer is over the surface goes here; absent: to the shared hover read-out (hover-store.ts). */
  hover?(target: HoverTarget | null): void;
}

const SceneSurfaceContext = createContext<SceneSurface | null>(null);

/** Gives a 3D scene (and the hooks under it) its surface; without one it shows the function problem's. */
export const SceneSurfaceProvider = SceneSurfaceContext.Provider;

let functionCache: { surface: SurfaceData; bounds: Bounds; scene: SceneSurface } | null = null;

/** The function problem's surface as a scene surface, one object per (surface, bounds) so it compares by identity. */
export function functionSceneSurface(surface: SurfaceData | null, bounds: Bounds): SceneSurface | null {
  if (!surface) return null;
  if (functionCache?.surface !== surface || functionCache.bounds !== bounds) {
    const pick = ([x, y]: [number, number]): void =>
      useAppStore.getState().updateDraft({ start: [Number(x.toFixed(3)), Number(y.toFixed(3))] });
    functionCache = { surface, bounds, scene: { ...surface, bounds, axisNames: ['x', 'y'], pick } };
  }
  return functionCache.scene;
}

/** The surface of the scene this is inside of, or the function problem's. */
export function useSceneSurface(): SceneSurface | null {
  const provided = useContext(SceneSurfaceContext);
  const surface = useAppStore((state) => (provided ? null : state.surface));
  const bounds = useAppStore((state) => state.bounds);
  return provided ?? functionSceneSurface(surface, bounds);
}
