import { useAppStore } from '../store/app-store';
import type { ViewSettings } from '../store/app-model';
import { createHeightScale, suggestScale, type HeightScale } from './height-scale';
import { createSceneFrame, type SceneFrame } from './scene-frame';
import { functionSceneSurface, useSceneSurface, type SceneSurface } from './scene-surface';

export interface SceneMapping {
  frame: SceneFrame;
  scale: HeightScale;
}

const cache = new WeakMap<SceneSurface, { setting: ViewSettings['scale']; mapping: SceneMapping }>();

/**
 * The scene surface's height scale and world mapping, or null before the surface arrives.
 * Every view of a surface shares one mapping per (surface, scale setting), so it is computed once
 * and mappings can be compared by identity.
 */
export function useSceneFrame(): SceneMapping | null {
  const surface = useSceneSurface();
  const setting = useAppStore((state) => state.view.scale);
  return sceneMapping(surface, setting);
}

/** The function problem's mapping outside React (an image of its 2D map). */
export function currentSceneMapping(): SceneMapping | null {
  const { surface, bounds, view } = useAppStore.getState();
  return sceneMapping(functionSceneSurface(surface, bounds), view.scale);
}

export function sceneMapping(surface: SceneSurface | null, setting: ViewSettings['scale']): SceneMapping | null {
  if (!surface) return null;
  let cached = cache.get(surface);
  if (!cached || cached.setting !== setting) {
    const scale =
      surface.scale ??
      createHeightScale(setting === 'auto' ? suggestScale(surface.z) : setting, surface.zMin, surface.zMax);
    cached = { setting, mapping: { frame: createSceneFrame(surface.bounds, scale), scale } };
    cache.set(surface, cached);
  }
  return cached.mapping;
}
