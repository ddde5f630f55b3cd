import type { StateCreator } from 'zustand';
import { DEFAULT_VIEW, type Caption, type ViewSettings } from './app-model';
import type { AppState } from './app-store';

/** How the picture is shown, and the words over it: a notice (an error, a refusal) and a scenario's caption. */
export interface ViewSlice {
  view: ViewSettings;
  notice: string | null;
  caption: Caption | null;

  updateView(patch: Partial<ViewSettings>): void;
  dismissNotice(): void;
  dismissCaption(): void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  view: DEFAULT_VIEW,
  notice: null,
  caption: null,

  updateView(patch) {
    set({ view: { ...get().view, ...patch } });
  },
  dismissNotice() {
    set({ notice: null });
  },
  dismissCaption() {
    set({ caption: null });
  },
});
