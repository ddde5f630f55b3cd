import { SURFACE_SIZE, type SceneFrame } from '../scene/scene-frame';
import type { ScenePath } from '../scene/scene-path';
import type { CameraPose } from './scene-access';

/**
 * Camera paths of a recorded video. Each is a pure function of the frame index, so a video is
 * the same however slowly the machine renders it.
 */
export type Vec3 = [number, number, number];

const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
const lerp = (a: Vec3, b: Vec3, t: number): Vec3 => add(a, scale(sub(b, a), t));
const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);

/** Smootherstep: zero speed and zero acceleration at both ends, so the camera neither jerks off nor bumps in. */
export function easeInOut(t: number): number {
  const u = Math.min(1, Math.max(0, t));
  return u * u * u * (u * (6 * u - 15) + 10);
}

/** The timeline step shown at a frame: the video plays the runs from step 0 to the last step, evenly. */
export function stepAtFrame(frame: number, frames: number, lastStep: number): number {
  return frames <= 1 ? lastStep : Math.round((frame / (frames - 1)) * lastStep);
}

/** One full turn about the vertical axis through the target; the last frame stops short of the first, so the video loops. */
export function orbitPose(start: CameraPose, frame: number, frames: number): CameraPose {
  const angle = (2 * Math.PI * frame) / frames;
  const [dx, dy, dz] = sub(start.position, start.target);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return { position: add(start.target, [dx * cos + dz * sin, dy, dz * cos - dx * sin]), target: start.target };
}

/** The close-up is never shallower than this (radians above the horizon), so a hill in front cannot hide the runs. */
const MIN_CLOSE_ELEVATION = Math.PI / 6;
/** The closest the camera comes, in world units (the surface is 10 wide): about a third of the surface fills the view. */
export const MIN_CLOSE_DISTANCE = 4;
/** The close-up keeps every run's point within this share of the view's half-height (42° field of view). */
const SPREAD_MARGIN = 2.4;
/** Where the camera looks from when it starts on its target: straight above. */
const ABOVE: Vec3 = [0, 1, 0];

export interface FlyToPlan {
  start: CameraPose;
  /** Per frame: the centre of the runs' current points, smoothed over nearby frames (world units). */
  focus: Vec3[];
  /** Frames the glide from the start pose to the close-up takes; the camera then follows the focus. */
  glideFrames: number;
  /** The close-up's distance from the focus. */
  closeDistance: number;
}

/**
 * Plans a fly-to from the runs' current point at every frame (`points[frame][run]`): the camera
 * glides over the first third of the video to a close-up of the runs, then follows them. The
 * focus is their centroid averaged over half a second either side, so a zigzagging optimizer
 * does not shake the camera and the camera comes to rest as the runs arrive. The distance is
 * fixed for the follow, wide enough to keep every run in the picture.
 */
export function planFlyTo(start: CameraPose, points: Vec3[][], fps: number): FlyToPlan {
  const frames = points.length;
  const centroids = points.map((here) =>
    here.length === 0 ? start.target : scale(here.reduce(add, [0, 0, 0]), 1 / here.length),
  );
  const half = Math.max(0, Math.round(fps / 2));
  // Frames past either end count as the end's centroid, so the camera settles as the runs arrive.
  const focus = centroids.map((_, frame) => {
    let sum: Vec3 = [0, 0, 0];
    for (let k = frame - half; k <= frame + half; k++) sum = add(sum, centroids[Math.min(frames - 1, Math.max(0, k))]!);
    return scale(sum, 1 / (2 * half + 1));
  });
  const glideFrames = Math.max(1, Math.round(frames / 3));
  let spread = 0;
  for (let frame = Math.max(0, Math.min(glideFrames, frames - 1)); frame < frames; frame++) {
    for (const point of points[frame]!) spread = Math.max(spread, length(sub(point, focus[frame]!)));
  }
  const startDistance = length(sub(start.position, start.target));
  const wanted = Math.max(MIN_CLOSE_DISTANCE, SPREAD_MARGIN * spread);
  return { start, focus, glideFrames, closeDistance: startDistance > 0 ? Math.min(startDistance, wanted) : wanted };
}

/** Where the camera is at a frame of a fly-to: eased from the start pose towards the close-up of the frame's focus. */
export function flyToPose(plan: FlyToPlan, frame: number): CameraPose {
  const { start, focus, glideFrames, closeDistance } = plan;
  const t = easeInOut(frame / glideFrames);
  const here = focus[Math.min(Math.max(frame, 0), focus.length - 1)] ?? start.target;
  const target = lerp(start.target, here, t);
  const offset = sub(start.position, start.target);
  const startDistance = length(offset);
  const from = startDistance > 0 ? scale(offset, 1 / startDistance) : ABOVE;
  const direction = lerp(from, raisedTo(from, MIN_CLOSE_ELEVATION), t);
  const distance = startDistance + (closeDistance - startDistance) * t;
  return { position: add(target, scale(direction, distance / length(direction))), target };
}

/** A unit direction lifted to at least `elevation` above the horizontal plane, keeping its compass bearing. */
function raisedTo(direction: Vec3, elevation: number): Vec3 {
  const horizontal = Math.hypot(direction[0], direction[2]);
  if (Math.atan2(direction[1], horizontal) >= elevation) return direction;
  // Straight below: rise on the side facing the default camera (+z), never through zero.
  if (horizontal === 0) return [0, Math.sin(elevation), Math.cos(elevation)];
  const k = Math.cos(elevation) / horizontal;
  return [direction[0] * k, Math.sin(elevation), direction[2] * k];
}

/**
 * Each frame's current point of every path, in world units, kept over the surface (a diverging
 * run leaves it within a few steps and must not drag the camera away).
 */
export function runPointsByFrame(
  paths: readonly Pick<ScenePath, 'points' | 'values' | 'count' | 'indexAt'>[],
  frame: SceneFrame,
  frames: number,
  lastStep: number,
): Vec3[][] {
  const edge = SURFACE_SIZE / 2;
  const keep = (value: number): number => Math.min(edge, Math.max(-edge, value));
  return Array.from({ length: frames }, (_, index) => {
    const step = stepAtFrame(index, frames, lastStep);
    const here: Vec3[] = [];
    for (const path of paths) {
      const k = Math.min(path.indexAt(step), path.count() - 1);
      if (k < 0 || path.points.length < 2 * (k + 1)) continue;
      const point: Vec3 = [
        keep(frame.worldX(path.points[2 * k]!)),
        frame.worldY(path.values[k]!),
        keep(frame.worldZ(path.points[2 * k + 1]!)),
      ];
      if (point.every(Number.isFinite)) here.push(point);
    }
    return here;
  });
}
