import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useViewSource } from '../scene/view-source';
import { attachScene } from './scene-access';

/** Registers the 3D view and what it draws with scene-access; placed last in the canvas, so the camera fit has run. */
export function SceneAccess() {
  const getState = useThree((state) => state.get);
  const controls = useThree((state) => state.controls);
  const source = useViewSource();
  useEffect(() => (controls ? attachScene(getState, source) : undefined), [getState, controls, source]);
  return null;
}
