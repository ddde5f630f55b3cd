import { create, type StateCreator } from 'zustand';
import type { Bridge } from '../../../shared/protocol';
import { hostMessageRouter } from './host-messages';
import { createLandscapeSlice, type LandscapeSlice } from './landscape-slice';
import { createProblemSlice, type ProblemSlice } from './problem-slice';
import { createRunsSlice, type RunsSlice } from './runs-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

/*
 * The app's state, in slices (zustand's slices pattern): the problem and its surface, the runs,
 * the landscapes computed from them, the view, and the connection to the host, whose messages
 * host-messages.ts routes to the slices. docs/architecture.md, "Renderer state".
 */

interface ConnectionSlice {
  bridge: Bridge | null;
  /** Listens to the host and asks for the surface; returns the disconnection. */
  connect(bridge: Bridge): () => void;
}

export type AppState = ConnectionSlice & ProblemSlice & RunsSlice & LandscapeSlice & ViewSlice;

const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set, get) => ({
  bridge: null,
  connect(bridge) {
    set({ bridge });
    const unsubscribe = bridge.subscribe(hostMessageRouter({ get, set }));
    get().requestSurface();
    return () => {
      unsubscribe();
      set({ bridge: null });
    };
  },
});

export const useAppStore = create<AppState>()((...store) => ({
  ...createConnectionSlice(...store),
  ...createProblemSlice(...store),
  ...createRunsSlice(...store),
  ...createLandscapeSlice(...store),
  ...createViewSlice(...store),
}));

useAppStore.subscribe((state, previous) => {
  if (state.runs !== previous.runs) useAppStore.setState({ shownRuns: state.runs.filter((run) => !run.hidden) });
});
