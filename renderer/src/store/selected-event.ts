import { create } from 'zustand';

/** The event last chosen in the events panel (its run and its index in the run's events), whose glyph the views enlarge. */
export interface SelectedEvent {
  runId: string;
  index: number;
}

export const useSelectedEvent = create<{ selected: SelectedEvent | null }>()(() => ({ selected: null }));

export const selectEvent = (selected: SelectedEvent | null): void => useSelectedEvent.setState({ selected });
