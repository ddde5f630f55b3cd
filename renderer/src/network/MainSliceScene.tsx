import { useMemo } from 'react';
import { colorScaleOf } from '../plot/color-scale';
import { SceneCanvas } from '../scene/SceneCanvas';
import { SceneSurfaceProvider } from '../scene/scene-surface';
import { MAIN_SLICE } from '../store/app-model';
import { useAppStore } from '../store/app-store';
import { livePaths } from './live-checkpoints';
import { placedPaths, sliceSceneRuns, sliceSceneSurface } from './slice-scene';

/**
 * The Loss landscape tab's 3D view of the main slice, as the tab draws it (its surface, its
 * scale, every run's path and the runs still training), without the tab's controls: for an image
 * while the tab is not shown. Nothing until the slice has a grid.
 */
export function MainSliceScene({ label }: { label: string }) {
  const slice = useAppStore((state) => state.slices[MAIN_SLICE]);
  const runs = useAppStore((state) => state.runs);
  const shownRuns = useAppStore((state) => state.shownRuns);
  const scale = useMemo(() => (slice?.values ? colorScaleOf(slice.values) : null), [slice]);
  const surface = useMemo(() => (slice && scale ? sliceSceneSurface(slice, scale) : null), [slice, scale]);
  const sceneRuns = useMemo(
    () => sliceSceneRuns([...placedPaths(slice, runs), ...livePaths(shownRuns, slice?.plane)]),
    [slice, runs, shownRuns],
  );
  if (!surface) return null;
  return (
    <SceneSurfaceProvider value={surface}>
      <SceneCanvas label={label} runs={sceneRuns} />
    </SceneSurfaceProvider>
  );
}
