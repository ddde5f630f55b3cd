import { describe, expect, it } from 'vitest';
import { landscapeHoverOf, useLandscapeHoverStore } from '../../../renderer/src/store/landscape-hover-store';

describe('the 3D landscapes’ hover', () => {
  it('belongs to the view the pointer is over, and only that view’s leaving clears it', () => {
    const target = { point: [0.5, -1] as [number, number], clientX: 10, clientY: 20 };
    landscapeHoverOf('a')(target);
    expect(useLandscapeHoverStore.getState().hover).toEqual({ view: 'a', target });
    // Another panel's surface reporting its leaving, after the pointer has moved on to a's.
    landscapeHoverOf('b')(null);
    expect(useLandscapeHoverStore.getState().hover).toEqual({ view: 'a', target });
    landscapeHoverOf('a')(null);
    expect(useLandscapeHoverStore.getState().hover).toBeNull();
  });
});
