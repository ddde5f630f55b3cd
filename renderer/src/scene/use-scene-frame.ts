import { useMemo } from 'react';
import { useAppStore } from '../store/app-store';
import { createHeightScale, suggestScale, type HeightScale } from './height-scale';
import { createSceneFrame, type SceneFrame } from './scene-frame';

/** The current surface's height scale and world mapping, or null before the surface arrives. */
export function useSceneFrame(): { frame: SceneFrame; scale: HeightScale } | null {
  const surface = useAppStore((state) => state.surface);
  const bounds = useAppStore((state) => state.bounds);
  const scaleSetting = useAppStore((state) => state.view.scale);
  return useMemo(() => {
    if (!surface) return null;
    const mode = scaleSetting === 'auto' ? suggestScale(surface.z) : scaleSetting;
    const scale = createHeightScale(mode, surface.zMin, surface.zMax);
    return { frame: createSceneFrame(bounds, scale), scale };
  }, [surface, bounds, scaleSetting]);
}
