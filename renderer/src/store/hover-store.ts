import { create } from 'zustand';

export interface HoverTarget {
  /** The point of the surface under the pointer, in problem coordinates. */
  point: [number, number];
  /** The pointer, in viewport pixels, for placing the read-out beside it. */
  clientX: number;
  clientY: number;
}

/** What the pointer is over in either view, or null. */
export const useHoverStore = create<{ target: HoverTarget | null }>()(() => ({ target: null }));

export const setHoverTarget = (target: HoverTarget | null): void => useHoverStore.setState({ target });
