import type { Bounds } from '../../../shared/functions/objective';
import { useAppStore, type SurfaceData, type ViewSettings } from '../store/app-store';
import { createHeightScale, suggestScale, type HeightScale } from './height-scale';
import { createSceneFrame, type SceneFrame } from './scene-frame';

export interface SceneMapping {
  frame: SceneFrame;
  scale: HeightScale;
}

let cached: { surface: SurfaceData; bounds: Bounds; setting: string; mapping: SceneMapping } | null = null;

/**
 * The current surface's height scale and world mapping, or null before the surface arrives.
 * Every view shares one mapping per (surface, bounds, scale), so it is computed once and
 * mappings can be compared by identity.
 */
export function useSceneFrame(): SceneMapping | null {
  const surface = useAppStore((state) => state.surface);
  const bounds = useAppStore((state) => state.bounds);
  const setting = useAppStore((state) => state.view.scale);
  return sceneMapping(surface, bounds, setting);
}

/** The same mapping outside React (a video export). */
export function currentSceneMapping(): SceneMapping | null {
  const { surface, bounds, view } = useAppStore.getState();
  return sceneMapping(surface, bounds, view.scale);
}

function sceneMapping(surface: SurfaceData | null, bounds: Bounds, setting: ViewSettings['scale']): SceneMapping | null {
  if (!surface) return null;
  if (!cached || cached.surface !== surface || cached.bounds !== bounds || cached.setting !== setting) {
    const mode = setting === 'auto' ? suggestScale(surface.z) : setting;
    const scale = createHeightScale(mode, surface.zMin, surface.zMax);
    cached = { surface, bounds, setting, mapping: { frame: createSceneFrame(bounds, scale), scale } };
  }
  return cached.mapping;
}
