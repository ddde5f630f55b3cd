import type { Camera } from 'three';
import type { OrbitLike } from '../export/scene-access';

/** One panel's camera, its orbit controls, and how to ask it for a frame (it renders on demand). */
export interface SyncedView {
  camera: Camera;
  controls: OrbitLike;
  invalidate(): void;
}

/**
 * Locks the panels' cameras together: when one moves (its controls report a change), the others
 * take its position and target. Applying a pose makes the others' controls report a change too;
 * those reports are ignored while applying, so a move never echoes back.
 */
export interface CameraSync {
  /** Adds a view; while locked it takes the pose of the view moved last. Returns its removal. */
  join(view: SyncedView): () => void;
  /** Call on every change of a view's controls. */
  moved(view: SyncedView): void;
  /** Locking again brings every view to the one moved last. */
  setLocked(locked: boolean): void;
}

export function createCameraSync(locked = true): CameraSync {
  const views: SyncedView[] = [];
  let leader: SyncedView | null = null;
  let applying = false;

  const copyPose = (from: SyncedView, to: SyncedView): void => {
    to.camera.position.copy(from.camera.position);
    to.controls.target.copy(from.controls.target);
    to.controls.update();
    to.invalidate();
  };
  const follow = (source: SyncedView, targets: readonly SyncedView[]): void => {
    applying = true;
    try {
      for (const view of targets) if (view !== source) copyPose(source, view);
    } finally {
      applying = false;
    }
  };

  return {
    join(view) {
      views.push(view);
      if (locked && leader) follow(leader, [view]);
      return () => {
        const index = views.indexOf(view);
        if (index >= 0) views.splice(index, 1);
        if (leader === view) leader = null;
      };
    },
    moved(view) {
      if (applying) return;
      leader = view;
      if (locked) follow(view, views);
    },
    setLocked(next) {
      if (next && !locked && leader) follow(leader, views);
      locked = next;
    },
  };
}
