import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import {
  MIN_CLOSE_DISTANCE,
  easeInOut,
  flyToPose,
  orbitPose,
  planFlyTo,
  runPointsByFrame,
  stepAtFrame,
  type Vec3,
} from '../../../renderer/src/export/camera-path';
import type { CameraPose } from '../../../renderer/src/export/scene-access';
import type { SceneFrame } from '../../../renderer/src/scene/scene-frame';

const START: CameraPose = { position: [9, 9, 11], target: [0, 0.8, 0] };
const distance = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const finite = (pose: CameraPose): boolean => [...pose.position, ...pose.target].every(Number.isFinite);
/** Elevation of the camera above its target, radians. */
const elevation = ({ position: p, target: t }: CameraPose): number =>
  Math.atan2(p[1] - t[1], Math.hypot(p[0] - t[0], p[2] - t[2]));
const bearing = ({ position: p, target: t }: CameraPose): number => Math.atan2(p[0] - t[0], p[2] - t[2]);

/** One run's point per frame moving from (−4, 1, 3) to (2, 0.2, −1) at constant speed. */
const straightRun = (frames: number): Vec3[][] =>
  Array.from({ length: frames }, (_, k) => {
    const t = k / (frames - 1);
    return [[-4 + 6 * t, 1 - 0.8 * t, 3 - 4 * t]];
  });

describe('easing', () => {
  it('runs from 0 to 1 through 1/2, monotonically, starting and stopping at zero speed', () => {
    expect([easeInOut(0), easeInOut(0.5), easeInOut(1)]).toEqual([0, 0.5, 1]);
    expect([easeInOut(-1), easeInOut(2)]).toEqual([0, 1]);
    const h = 1e-4;
    expect(easeInOut(h) / h).toBeLessThan(1e-6);
    expect((1 - easeInOut(1 - h)) / h).toBeLessThan(1e-6);
    for (let t = 0; t < 1; t += 0.01) expect(easeInOut(t + 0.01)).toBeGreaterThan(easeInOut(t));
  });
});

describe('steps of a video', () => {
  it('plays from step 0 on the first frame to the last step on the last, never backwards', () => {
    expect([stepAtFrame(0, 31, 60), stepAtFrame(15, 31, 60), stepAtFrame(30, 31, 60)]).toEqual([0, 30, 60]);
    expect(stepAtFrame(0, 1, 60)).toBe(60);
    for (let k = 1; k < 100; k++) expect(stepAtFrame(k, 100, 37)).toBeGreaterThanOrEqual(stepAtFrame(k - 1, 100, 37));
  });
});

describe('orbit', () => {
  it('turns the start pose about the vertical through the target, as three.js rotates it', () => {
    const frames = 90;
    for (const frame of [0, 10, 45, 89]) {
      const expected = new Vector3(...START.position)
        .sub(new Vector3(...START.target))
        .applyAxisAngle(new Vector3(0, 1, 0), (2 * Math.PI * frame) / frames)
        .add(new Vector3(...START.target));
      const pose = orbitPose(START, frame, frames);
      expect(distance(pose.position, expected.toArray())).toBeLessThan(1e-12);
      expect(pose.target).toEqual(START.target);
    }
    expect(orbitPose(START, 0, frames).position).toEqual(START.position);
  });
});

describe('fly-to', () => {
  it('starts exactly at the current view and ends close up on the runs, looking from the same side', () => {
    const frames = 150;
    const plan = planFlyTo(START, straightRun(frames), 30);
    expect(flyToPose(plan, 0)).toEqual(START);
    const end = flyToPose(plan, frames - 1);
    expect(distance(end.target, plan.focus[frames - 1]!)).toBeLessThan(1e-12);
    expect(distance(end.position, end.target)).toBeCloseTo(plan.closeDistance, 10);
    expect(plan.closeDistance).toBeGreaterThanOrEqual(MIN_CLOSE_DISTANCE);
    expect(plan.closeDistance).toBeLessThan(distance(START.position, START.target));
    expect(bearing(end)).toBeCloseTo(bearing(START), 10);
    // The focus is on the run: its last point, pulled back by the half-second average.
    expect(distance(end.target, [2, 0.2, -1])).toBeLessThan(0.5);
    expect(plan.glideFrames).toBe(50);
  });

  it('moves smoothly: no frame jumps, speed changes gradually, the glide starts and ends gently', () => {
    const frames = 300;
    const plan = planFlyTo(START, straightRun(frames), 30);
    const positions = Array.from({ length: frames }, (_, k) => flyToPose(plan, k).position);
    const targets = Array.from({ length: frames }, (_, k) => flyToPose(plan, k).target);
    for (const track of [positions, targets]) {
      const speeds = track.slice(1).map((p, k) => distance(p, track[k]!));
      const glide = speeds.slice(0, plan.glideFrames);
      // Smootherstep peaks at 1.875 times its mean speed.
      expect(Math.max(...glide)).toBeLessThan(2.2 * (glide.reduce((a, b) => a + b) / glide.length));
      const accelerations = speeds.slice(1).map((s, k) => Math.abs(s - speeds[k]!));
      expect(Math.max(...accelerations)).toBeLessThan(0.1 * Math.max(...speeds));
    }
    expect(distance(positions[1]!, positions[0]!)).toBeLessThan(1e-3);
  });

  it('averages a zigzagging optimizer away instead of shaking the camera', () => {
    const frames = 120;
    const zigzag: Vec3[][] = Array.from({ length: frames }, (_, k) => [[k % 2 === 0 ? 1 : -1, 0.5, 0]]);
    const plan = planFlyTo(START, zigzag, 30);
    for (let k = plan.glideFrames; k < frames - 1; k++) {
      expect(distance(flyToPose(plan, k + 1).target, flyToPose(plan, k).target)).toBeLessThan(0.1);
    }
  });

  it('frames every run: runs far apart keep the camera further back, never further than it started', () => {
    const frames = 60;
    const apart: Vec3[][] = Array.from({ length: frames }, () => [
      [-5, 0.5, -5],
      [5, 0.5, 5],
    ]);
    const plan = planFlyTo(START, apart, 30);
    expect(plan.closeDistance).toBe(distance(START.position, START.target));
    const near: Vec3[][] = Array.from({ length: frames }, () => [
      [1, 0.5, 1],
      [1.5, 0.5, 1],
    ]);
    expect(planFlyTo(START, near, 30).closeDistance).toBe(MIN_CLOSE_DISTANCE);
  });

  it('rises to look down on the runs when it starts near the horizon', () => {
    const low: CameraPose = { position: [0, 1, 15], target: [0, 0.8, 0] };
    const plan = planFlyTo(low, straightRun(90), 30);
    expect(elevation(flyToPose(plan, 0))).toBeLessThan(0.1);
    expect(elevation(flyToPose(plan, 89))).toBeCloseTo(Math.PI / 6, 10);
  });

  it('gives finite poses in degenerate cases: no runs, one frame, a camera on its target or straight below it', () => {
    const poses: CameraPose[] = [
      START,
      { position: [0, 0.8, 0], target: [0, 0.8, 0] },
      { position: [0, -5, 0], target: [0, 0.8, 0] },
    ];
    for (const start of poses) {
      for (const points of [[], [[]], straightRun(2), Array.from({ length: 40 }, () => [])]) {
        const plan = planFlyTo(start, points, 30);
        for (let k = 0; k < Math.max(points.length, 1); k++) expect(finite(flyToPose(plan, k))).toBe(true);
        expect(Number.isFinite(plan.closeDistance)).toBe(true);
      }
    }
  });
});

describe("runs' points per frame", () => {
  const identity: SceneFrame = {
    worldX: (x) => x,
    worldZ: (y) => -y,
    worldY: (loss) => loss,
    problemPoint: (x, z) => [x, -z],
  };
  /** A path of a point per step, as a function run's. */
  const series = (points: number[], loss: number[]) => ({
    points: Float64Array.from(points),
    values: Float64Array.from(loss),
    count: () => loss.length,
    indexAt: (step: number) => Math.min(step, loss.length - 1),
  });

  it("takes each run's point at the frame's step, its last point once it has ended, and keeps points over the surface", () => {
    const long = series([0, 0, 1, 1, 2, 2], [3, 2, 1]);
    const short = series([-1, 0, 1e9, -2], [5, 4]);
    const empty = series([], []);
    const points = runPointsByFrame([long, short, empty], identity, 3, 2);
    expect(points).toEqual([
      [
        [0, 3, -0],
        [-1, 5, -0],
      ],
      [
        [1, 2, -1],
        [5, 4, 2],
      ],
      [
        [2, 1, -2],
        [5, 4, 2],
      ],
    ]);
  });

  it('leaves out points with no finite height, and paths not reached yet', () => {
    const broken = series([0, 0, 1, 1], [1, NaN]);
    // Checkpoints at steps 1 and 3: none is reached at step 0.
    const checkpoints = {
      points: Float64Array.from([4, 4, 5, 5]),
      values: Float64Array.from([2, 1]),
      count: () => 2,
      indexAt: (step: number) => (step >= 3 ? 1 : step >= 1 ? 0 : -1),
    };
    expect(runPointsByFrame([broken, checkpoints], identity, 2, 1)).toEqual([[[0, 1, -0]], [[4, 2, -4]]]);
  });
});
