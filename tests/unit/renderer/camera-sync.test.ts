import { PerspectiveCamera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { describe, expect, it } from 'vitest';
import { createCameraSync, type CameraSync, type SyncedView } from '../../../renderer/src/panels/camera-sync';

interface Panel extends SyncedView {
  controls: OrbitControls;
  /** Frames each panel was asked for, and 'change' reports its controls made. */
  invalidated: number;
  changes: number;
}

/** A panel as the app wires it (CameraLink): damped orbit controls whose changes go to the sync. */
function panel(sync: CameraSync): Panel {
  const camera = new PerspectiveCamera(42, 1.6);
  camera.position.set(9, 9, 11);
  const controls = new OrbitControls(camera);
  controls.enableDamping = true;
  controls.update();
  const view: Panel = {
    camera,
    controls,
    invalidated: 0,
    changes: 0,
    invalidate: () => void view.invalidated++,
  };
  controls.addEventListener('change', () => {
    view.changes++;
    sync.moved(view);
  });
  sync.join(view);
  return view;
}

/** The frames a damped orbit glides on for after a drag, each one reported as a change. */
function glide(view: Panel): number {
  let frames = 0;
  while (view.controls.update()) if (++frames > 10_000) throw new Error('the controls never settled');
  return frames;
}

const pose = (view: SyncedView) => [...view.camera.position.toArray(), ...view.controls.target.toArray()];

/**
 * The same camera, up to the damped glide's last step: it moves the leader by less than the
 * controls' change threshold (1e-3 world units), so it is neither reported nor drawn.
 */
function expectSamePose(follower: SyncedView, leader: SyncedView): void {
  pose(follower).forEach((value, k) => expect(value).toBeCloseTo(pose(leader)[k]!, 2));
}

describe('camera sync of the panels', () => {
  it('locked, orbiting, zooming or panning one panel gives the others its camera, frame by frame', () => {
    const sync = createCameraSync();
    const [a, b, c] = [panel(sync), panel(sync), panel(sync)];
    a.controls.rotateLeft(0.6);
    a.controls.update();
    expect(pose(a)).not.toEqual([9, 9, 11, 0, 0, 0]);
    expect(pose(b)).toEqual(pose(a));
    expect(pose(c)).toEqual(pose(a));
    const distance = a.camera.position.distanceTo(a.controls.target);
    a.controls.dollyOut(1.5);
    a.controls.target.set(1, 0, -2);
    glide(a);
    expect(a.camera.position.distanceTo(a.controls.target)).not.toBeCloseTo(distance, 1);
    expect(a.controls.target.toArray()).toEqual([1, 0, -2]);
    expectSamePose(b, a);
    expectSamePose(c, a);
    // The followers look where the leader looks, not only stand where it stands.
    expect(b.camera.quaternion.angleTo(a.camera.quaternion)).toBeLessThan(1e-3);
  });

  it('never echoes: a follower reports the applied pose once and moves no one back; all stop when the leader stops', () => {
    const sync = createCameraSync();
    const [a, b] = [panel(sync), panel(sync)];
    a.controls.rotateUp(0.3);
    expect(glide(a)).toBeGreaterThan(1);
    // Each change of the leader (one per frame of its glide) gave the follower one pose and one frame.
    expect(a.changes).toBeGreaterThan(1);
    expect(b.invalidated).toBe(a.changes);
    expect(b.changes).toBe(a.changes);
    expect(a.invalidated).toBe(0);
    // The follower's own frame loop (its controls' update) finds nothing of its own to move, so
    // it asks for no more frames and sends nothing back: render on demand stays idle.
    const [changes, moved] = [a.changes, pose(a)];
    expect(b.controls.update()).toBe(false);
    expect([a.changes, pose(a)]).toEqual([changes, moved]);
  });

  it('unlocked, each panel moves alone; locking again brings them all to the one moved last', () => {
    const sync = createCameraSync(false);
    const [a, b, c] = [panel(sync), panel(sync), panel(sync)];
    a.controls.rotateLeft(0.5);
    glide(a);
    b.controls.rotateLeft(-0.8);
    glide(b);
    expect(pose(a)).not.toEqual(pose(b));
    expect(pose(c)).toEqual([9, 9, 11, 0, 0, 0].map((value, k) => (k < 3 ? expect.closeTo(value, 9) : value)));
    sync.setLocked(true);
    expectSamePose(a, b);
    expectSamePose(c, b);
  });

  it('a panel added while locked takes the shared camera; a removed one no longer follows', () => {
    const sync = createCameraSync();
    const a = panel(sync);
    a.controls.rotateLeft(0.4);
    glide(a);
    const late = panel(sync);
    expectSamePose(late, a);

    const gone = new PerspectiveCamera();
    const goneView: SyncedView = { camera: gone, controls: new OrbitControls(gone), invalidate: () => {} };
    const leave = sync.join(goneView);
    leave();
    const left = pose(goneView);
    a.controls.rotateLeft(0.4);
    glide(a);
    expectSamePose(late, a);
    expect(pose(goneView)).toEqual(left);
  });
});
