import { createContext, useContext, useMemo } from 'react';
import type { PlaybackClock } from '../playback/playback-clock';
import { playbackClock } from '../store/playback-store';
import { useAppStore } from '../store/app-store';
import type { RunEntry } from '../store/app-model';

/**
 * What a view draws and which clock it follows. The default is every shown run on the global
 * clock (the overlay); a panel of the panels layout narrows it to one run and may have its own clock.
 */
export interface ViewSource {
  /** The one run this view draws, or null for every shown run. */
  runId: string | null;
  clock: PlaybackClock;
}

export const GLOBAL_VIEW_SOURCE: ViewSource = { runId: null, clock: playbackClock };

const ViewSourceContext = createContext<ViewSource>(GLOBAL_VIEW_SOURCE);

export const ViewSourceProvider = ViewSourceContext.Provider;

export function useViewSource(): ViewSource {
  return useContext(ViewSourceContext);
}

export function useViewClock(): PlaybackClock {
  return useContext(ViewSourceContext).clock;
}

/** The shown runs a view draws: all of them, or its one run (none while that run is hidden). */
export function runsOfView(shownRuns: RunEntry[], runId: string | null): RunEntry[] {
  return runId === null ? shownRuns : shownRuns.filter((run) => run.id === runId);
}

export function useViewRuns(): RunEntry[] {
  const { runId } = useViewSource();
  const shownRuns = useAppStore((state) => state.shownRuns);
  return useMemo(() => runsOfView(shownRuns, runId), [shownRuns, runId]);
}
