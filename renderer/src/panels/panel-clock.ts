import { tickClock, type PlaybackClock } from '../playback/playback-clock';
import { lastStepOf } from '../playback/run-step';
import type { RunEntry } from '../store/app-model';

/**
 * One animation frame of a panel's own clock (its timeline unlocked): it plays, follows or stays
 * like the global one, but its timeline ends at the newest step of its run, or of all runs.
 */
export function tickPanelClock(
  clock: PlaybackClock,
  seconds: number,
  runs: readonly RunEntry[],
  runId: string | null,
): void {
  tickClock(clock, seconds, lastStepOf(runs, runId));
}
