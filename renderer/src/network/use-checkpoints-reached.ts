import { useEffect, useState } from 'react';
import { currentStep } from '../playback/playback-clock';
import { onPlaybackFrame } from '../store/playback-store';
import { runStepAt } from '../playback/run-step';
import { useViewClock } from '../scene/view-source';
import type { RunEntry } from '../store/app-model';

/** How many of each run's checkpoints lie at or before `step` (their steps ascend). */
export function checkpointsReached(runs: readonly RunEntry[], step: number): number[] {
  return runs.map(({ checkpoints, series }) => {
    const steps = checkpoints?.steps;
    return steps ? reachedBy(steps, runStepAt(series, step)) : 0;
  });
}

/** How many of `steps` (ascending) lie at or before `step`. */
export function reachedBy(steps: Float64Array, step: number): number {
  let count = 0;
  while (count < steps.length && steps[count]! <= step) count++;
  return count;
}

/**
 * Per run, the checkpoints the view's clock has reached, so a slice draws each path as far as the
 * timeline. React sees a change only when a count changes: checkpoints are sparser than steps.
 * While not `active` (no 2D map shown: the 3D view follows the clock in its own frame loop) it
 * does not follow the clock at all.
 */
export function useCheckpointsReached(runs: readonly RunEntry[], active = true): number[] {
  const clock = useViewClock();
  const [reached, setReached] = useState(() => checkpointsReached(runs, currentStep(clock)));
  useEffect(
    () =>
      active
        ? onPlaybackFrame(() => {
            const now = checkpointsReached(runs, currentStep(clock));
            setReached((shown) =>
              now.length === shown.length && now.every((count, k) => count === shown[k]) ? shown : now,
            );
          })
        : undefined,
    [runs, clock, active],
  );
  return reached;
}
