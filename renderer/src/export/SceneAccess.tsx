import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { attachScene } from './scene-access';

/** Registers the 3D view with scene-access; placed last in the canvas, so the camera fit has run. */
export function SceneAccess() {
  const getState = useThree((state) => state.get);
  const controls = useThree((state) => state.controls);
  useEffect(() => (controls ? attachScene(getState) : undefined), [getState, controls]);
  return null;
}
