import type { RunEvent } from '../../../shared/events';
import type { RunEntry } from '../store/app-model';
import type { RunSeries } from '../store/run-series';

/** The point of a run the views show at a timeline step: that step, or the run's last point. */
export function runStepAt(series: Pick<RunSeries, 'count'>, step: number): number {
  return Math.min(step, series.count - 1);
}

/**
 * Whether the path has reached an event by `runStep`. Divergence is reported one step past the
 * last finite point, so an event is clamped to the run's last point.
 */
export function eventReached(event: RunEvent, series: RunSeries, runStep: number): boolean {
  return Math.min(event.step, series.count - 1) <= runStep;
}

/** The end of a timeline over these runs (or the one run `runId`): the newest step reached. */
export function lastStepOf(runs: readonly RunEntry[], runId: string | null = null): number {
  let last = 0;
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!;
    if (runId === null || run.id === runId) last = Math.max(last, run.series.count - 1);
  }
  return last;
}
