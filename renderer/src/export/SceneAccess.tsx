import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { ScenePath } from '../scene/scene-path';
import { useSceneFrame } from '../scene/use-scene-frame';
import { useViewSource } from '../scene/view-source';
import { attachScene } from './scene-access';

/**
 * Registers the 3D view, its mapping and the paths it draws with scene-access; placed last in
 * the canvas, so the camera fit has run.
 */
export function SceneAccess({ paths }: { paths: readonly { path: ScenePath }[] }) {
  const getState = useThree((state) => state.get);
  const controls = useThree((state) => state.controls);
  const source = useViewSource();
  const mapping = useSceneFrame();
  // Read when a video starts: the latest, without registering again as they change.
  const content = useRef({ mapping, paths });
  content.current = { mapping, paths };
  useEffect(
    () =>
      controls
        ? attachScene(getState, source, () => ({
            mapping: content.current.mapping,
            paths: content.current.paths.map(({ path }) => path),
          }))
        : undefined,
    [getState, controls, source],
  );
  return null;
}
