import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import { labelGrowth } from './label-growth';

export const CAMERA_TARGET: [number, number, number] = [0, 0.8, 0];
/** Distances at which the surface and its axes fill the view: by height, and by width × aspect. */
const DISTANCE_FOR_HEIGHT = 18;
const DISTANCE_FOR_WIDTH = 22;
/** How much farther the camera stands per unit of axis-label growth, so grown labels stay inside a short canvas. */
const DISTANCE_PER_LABEL_GROWTH = 1.2;

/**
 * Keeps the whole surface in view when the canvas changes shape (side by side it is narrow; a
 * panel is short, and its axis labels grow, see label-growth.ts):
 * the camera keeps its direction and moves to the distance the aspect needs.
 */
export function CameraFit() {
  const camera = useThree((state) => state.camera);
  const aspect = useThree((state) => state.size.width / Math.max(state.size.height, 1));
  const growth = useThree((state) => labelGrowth(state.size.height, 1));
  const controls = useThree((state) => state.controls) as { update(): void } | null;
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => {
    const target = new Vector3(...CAMERA_TARGET);
    const direction = camera.position.clone().sub(target).normalize();
    const distance = Math.max(
      DISTANCE_FOR_HEIGHT + DISTANCE_PER_LABEL_GROWTH * (growth - 1),
      DISTANCE_FOR_WIDTH / aspect,
    );
    camera.position.copy(target).addScaledVector(direction, distance);
    controls?.update();
    invalidate();
  }, [camera, aspect, growth, controls, invalidate]);
  return null;
}
