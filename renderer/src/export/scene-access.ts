import type { RootState } from '@react-three/fiber';
import type { Vector3 } from 'three';
import type { ScenePath } from '../scene/scene-path';
import type { SceneMapping } from '../scene/use-scene-frame';
import { GLOBAL_VIEW_SOURCE, type ViewSource } from '../scene/view-source';

/** What a saved camera needs: where it is and what it looks at. */
export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
}

export interface OrbitLike {
  target: Vector3;
  update(): void;
}

/**
 * The 3D view's renderer, scene and camera, for what works outside React's tree: saving the
 * camera in a session, rendering a PNG or a video frame at another size. Null while no 3D view
 * is shown. In the panels layout it is the first panel's.
 */
let sceneState: (() => RootState) | null = null;
/** The runs and the clock that view draws. */
let sceneSource: ViewSource = GLOBAL_VIEW_SOURCE;
/** What that view draws: its surface's mapping to world units and its paths. */
export interface SceneContent {
  mapping: SceneMapping | null;
  paths: ScenePath[];
}
let sceneContent: () => SceneContent = () => ({ mapping: null, paths: [] });
/** A pose to apply when the 3D view next appears (a session opened while the 2D map was shown). */
let pendingPose: CameraPose | null = null;

export function attachScene(getState: () => RootState, source: ViewSource, content: () => SceneContent): () => void {
  sceneState = getState;
  sceneSource = source;
  sceneContent = content;
  if (pendingPose) applyPose(pendingPose);
  return () => {
    if (sceneState !== getState) return;
    sceneState = null;
    sceneSource = GLOBAL_VIEW_SOURCE;
  };
}

export function currentSceneSource(): ViewSource {
  return sceneSource;
}

export function currentSceneContent(): SceneContent {
  return sceneContent();
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
