/**
 * Below this drawing height (CSS pixels on screen, pixels in an exported frame) world-sized
 * labels grow so they stay as tall on screen as at this height: a panel of the 4-panel layout
 * is about 250 px tall, where they would be a few pixels high. The single 3D view is taller.
 */
export const LABEL_REFERENCE_HEIGHT = 600;

/** How much to enlarge a world-sized label drawn into a buffer this many device pixels tall at this pixel ratio. */
export function labelGrowth(bufferHeight: number, pixelRatio: number): number {
  return bufferHeight > 0 ? Math.max(1, (LABEL_REFERENCE_HEIGHT * pixelRatio) / bufferHeight) : 1;
}
