import type { CheckpointsCompleteMessage, FramesMessage, SlicePlaneMessage } from '../../../shared/protocol';
import type { Checkpoints } from '../../../shared/schemas/checkpoints';
import type { RunEntry } from '../store/app-model';
import { projectPaths } from '../../../shared/plane-projection';

/** A training run's checkpoints so far, as frames messages bring them: steps ascending, parameter vectors one after another. */
export type LiveCheckpoints = NonNullable<FramesMessage['checkpoints']>;

/** `previous` with `incoming` appended (fresh arrays, so React sees the change); a step already held is not taken twice. */
export function appendCheckpoints(previous: LiveCheckpoints | undefined, incoming: LiveCheckpoints): LiveCheckpoints {
  if (!previous) return incoming;
  const last = previous.steps.at(-1) ?? -1;
  const size = previous.params.length / previous.steps.length;
  const skip = incoming.steps.findIndex((step) => step > last);
  if (skip < 0) return previous;
  const steps = new Float64Array(previous.steps.length + incoming.steps.length - skip);
  steps.set(previous.steps);
  steps.set(incoming.steps.subarray(skip), previous.steps.length);
  const params = new Float64Array(steps.length * size);
  params.set(previous.params);
  params.set(incoming.params.subarray(skip * size), previous.params.length);
  return { steps, params };
}

/** A completed run's checkpoints: all came in its frames, and the completion adds their curvature. */
export function completedCheckpoints(live: LiveCheckpoints, { curvature }: CheckpointsCompleteMessage): Checkpoints {
  return { steps: live.steps, params: live.params, ...(curvature ? { curvature } : {}) };
}

/**
 * A training run's checkpoints placed on a slice's plane (the plane message carries its center
 * and directions): each checkpoint's (α, β), interleaved, and its distance from the plane. Null
 * when the run's parameters are not the plane's (another architecture).
 */
export function projectLiveCheckpoints(
  checkpoints: LiveCheckpoints,
  plane: SlicePlaneMessage,
): { coordinates: Float64Array; distances: Float64Array } | null {
  if (checkpoints.params.length !== checkpoints.steps.length * plane.center.length) return null;
  return projectPaths([checkpoints.params], plane)[0]!;
}

const projected = new WeakMap<
  LiveCheckpoints,
  { plane: SlicePlaneMessage; placed: { coordinates: Float64Array; distances: Float64Array } | null }
>();

/**
 * The shown runs still training (no completion's checkpoints yet) placed on the plane, as far as
 * their checkpoints have come. A new checkpoint is a new LiveCheckpoints, whose whole path is
 * placed again: at most the engine's 101 checkpoints a run, so quadratic but bounded.
 */
export function livePaths(
  runs: readonly RunEntry[],
  plane: SlicePlaneMessage | undefined,
): { run: RunEntry; coordinates: Float64Array; distances: Float64Array }[] {
  if (!plane) return [];
  return runs.flatMap((run) => {
    const checkpoints = run.liveCheckpoints;
    if (run.checkpoints || !checkpoints) return [];
    let cached = projected.get(checkpoints);
    if (cached?.plane !== plane) {
      cached = { plane, placed: projectLiveCheckpoints(checkpoints, plane) };
      projected.set(checkpoints, cached);
    }
    return cached.placed ? [{ run, ...cached.placed }] : [];
  });
}
