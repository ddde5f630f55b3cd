import { create } from 'zustand';

/** The point of the surface under the pointer, in problem coordinates, from either view. */
export const useHoverStore = create<{ point: [number, number] | null }>()(() => ({ point: null }));

export const setHoverPoint = (point: [number, number] | null): void => useHoverStore.setState({ point });
