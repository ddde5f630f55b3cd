import { create } from 'zustand';
import type { HoverTarget } from './hover-store';

/**
 * The pointer over a 3D network landscape, with the view it is over (its useId: panels each have
 * one). Apart from the view's state, so a pointer move re-renders the read-out, not the view.
 */
export const useLandscapeHoverStore = create<{ hover: { view: string; target: HoverTarget } | null }>()(() => ({
  hover: null,
}));

/** View `view`'s surface hover: the pointer over it, or leaving it (which clears only its own). */
export function landscapeHoverOf(view: string): (target: HoverTarget | null) => void {
  return (target) => {
    if (target) useLandscapeHoverStore.setState({ hover: { view, target } });
    else if (useLandscapeHoverStore.getState().hover?.view === view) useLandscapeHoverStore.setState({ hover: null });
  };
}

/** Where the pointer is over view `view`'s surface, or null. */
export const useLandscapeHover = (view: string): HoverTarget | null =>
  useLandscapeHoverStore((state) => (state.hover?.view === view ? state.hover.target : null));
