import type { RootState } from '@react-three/fiber';
import type { Vector3 } from 'three';

/** What a saved camera needs: where it is and what it looks at. */
export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
}

interface OrbitLike {
  target: Vector3;
  update(): void;
}

/**
 * The 3D view's renderer, scene and camera, for what works outside React's tree: saving the
 * camera in a session, rendering a PNG or a video frame at another size. Null while no 3D view
 * is shown.
 */
let sceneState: (() => RootState) | null = null;
/** A pose to apply when the 3D view next appears (a session opened while the 2D map was shown). */
let pendingPose: CameraPose | null = null;

export function attachScene(getState: () => RootState): () => void {
  sceneState = getState;
  if (pendingPose) applyPose(pendingPose);
  return () => {
    if (sceneState === getState) sceneState = null;
  };
}

export function currentScene(): RootState | null {
  return sceneState?.() ?? null;
}

export function cameraPose(): CameraPose | undefined {
  const state = currentScene();
  const controls = state?.controls as OrbitLike | null | undefined;
  if (!state || !controls) return pendingPose ?? undefined;
  return { position: state.camera.position.toArray(), target: controls.target.toArray() };
}

export function setCameraPose(pose: CameraPose): void {
  pendingPose = pose;
  applyPose(pose);
}

function applyPose(pose: CameraPose): void {
  const state = currentScene();
  const controls = state?.controls as OrbitLike | null | undefined;
  if (!state || !controls) return;
  state.camera.position.set(...pose.position);
  controls.target.set(...pose.target);
  controls.update();
  state.invalidate();
  pendingPose = null;
}
