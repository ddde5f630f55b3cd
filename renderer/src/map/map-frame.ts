import type { Bounds } from '../../../shared/functions/objective';

/** Room around the plot for tick labels and axis names, in CSS pixels. */
export const MAP_MARGIN = { left: 52, right: 14, top: 14, bottom: 40 } as const;

/**
 * Maps problem coordinates to the 2D map's CSS pixels (y up) and back. Both axes share one
 * scale, so circles stay round; the plot is centred in the room left by the margins.
 */
export interface MapFrame {
  left: number;
  top: number;
  width: number;
  height: number;
  px(x: number): number;
  py(y: number): number;
  problemPoint(px: number, py: number): [number, number];
  contains(px: number, py: number): boolean;
}

export function createMapFrame(bounds: Bounds, cssWidth: number, cssHeight: number): MapFrame {
  const [[x0, x1], [y0, y1]] = bounds;
  const room = {
    width: Math.max(cssWidth - MAP_MARGIN.left - MAP_MARGIN.right, 1),
    height: Math.max(cssHeight - MAP_MARGIN.top - MAP_MARGIN.bottom, 1),
  };
  const scale = Math.min(room.width / (x1 - x0), room.height / (y1 - y0));
  const width = scale * (x1 - x0);
  const height = scale * (y1 - y0);
  const left = MAP_MARGIN.left + (room.width - width) / 2;
  const top = MAP_MARGIN.top + (room.height - height) / 2;
  return {
    left,
    top,
    width,
    height,
    px: (x) => left + (x - x0) * scale,
    py: (y) => top + (y1 - y) * scale,
    problemPoint: (px, py) => [x0 + (px - left) / scale, y1 - (py - top) / scale],
    contains: (px, py) => px >= left && px <= left + width && py >= top && py <= top + height,
  };
}
