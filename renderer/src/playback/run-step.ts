import type { RunEvent } from '../../../shared/events';
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
