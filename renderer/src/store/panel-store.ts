import { create } from 'zustand';
import { ALL_RUNS, PANEL_COUNTS } from '../../../shared/session-file';
import type { RunEntry } from './app-model';

// Session files hold these settings, so their schema names the choices.
export { ALL_RUNS, PANEL_COUNTS };
export type PanelCount = (typeof PANEL_COUNTS)[number];

/** What a panel shows: one run (its id) or every shown run. */
export type PanelChoice = string | typeof ALL_RUNS;

export interface PanelSettings {
  count: PanelCount;
  lockCameras: boolean;
  lockTimeline: boolean;
  /** By panel index; a panel without a choice shows its default (see panelRunId). */
  choices: Partial<Record<number, PanelChoice>>;
}

export const DEFAULT_PANELS: PanelSettings = { count: 4, lockCameras: true, lockTimeline: true, choices: {} };

interface PanelState extends PanelSettings {
  setCount(count: PanelCount): void;
  setLockCameras(locked: boolean): void;
  setLockTimeline(locked: boolean): void;
  choose(panel: number, choice: PanelChoice): void;
}

/** The panels layout's settings; the panels themselves are in PanelGrid. */
export const usePanelStore = create<PanelState>()((set, get) => ({
  ...DEFAULT_PANELS,
  setCount: (count) => set({ count }),
  setLockCameras: (lockCameras) => set({ lockCameras }),
  setLockTimeline: (lockTimeline) => set({ lockTimeline }),
  choose: (panel, choice) => set({ choices: { ...get().choices, [panel]: choice } }),
}));

/**
 * The run a panel draws, or null for all of them. Panel k shows the k-th shown run unless chosen
 * otherwise; a chosen run that is gone or hidden falls back to that default, and a panel beyond
 * the runs shows them all.
 */
export function panelRunId(
  choice: PanelChoice | undefined,
  shownRuns: readonly RunEntry[],
  panel: number,
): string | null {
  if (choice === ALL_RUNS) return null;
  if (choice !== undefined && shownRuns.some((run) => run.id === choice)) return choice;
  return shownRuns[panel]?.id ?? null;
}
