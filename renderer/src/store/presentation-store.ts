import { create } from 'zustand';

/** Presentation mode: the side panels hidden and the text larger, for a projector or a recording. */
export const usePresentation = create<{ on: boolean; toggle(): void }>()((set, get) => ({
  on: false,
  toggle: () => set({ on: !get().on }),
}));
