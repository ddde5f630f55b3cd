import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { EventDispatcher } from 'three';
import type { OrbitLike } from '../export/scene-access';
import type { CameraSync } from './camera-sync';

type OrbitControlsLike = OrbitLike &
  Pick<EventDispatcher<{ change: object }>, 'addEventListener' | 'removeEventListener'>;

/** Joins this canvas's camera to the panels' camera sync; placed after the orbit controls. */
export function CameraLink({ sync }: { sync: CameraSync }) {
  const camera = useThree((state) => state.camera);
  const controls = useThree((state) => state.controls) as OrbitControlsLike | null;
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => {
    if (!controls) return undefined;
    const view = { camera, controls, invalidate: () => invalidate() };
    const leave = sync.join(view);
    const onChange = (): void => sync.moved(view);
    controls.addEventListener('change', onChange);
    return () => {
      controls.removeEventListener('change', onChange);
      leave();
    };
  }, [sync, camera, controls, invalidate]);
  return null;
}
