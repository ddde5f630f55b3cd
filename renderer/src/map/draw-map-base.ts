import type { CriticalPoint } from '../../../shared/events';
import type { Bounds } from '../../../shared/functions/objective';
import { sampleColormap, type ColormapName } from '../../../shared/colormaps/colormap';
import type { ContourLevel } from '../plot/contour-levels';
import { CRITICAL_POINT_GLYPHS } from '../plot/event-glyphs';
import { drawGlyph, GLYPH_OUTLINE } from '../plot/draw-glyph';
import { formatTick } from '../../../shared/format-number';
import { niceTicks } from '../plot/nice-ticks';
import type { HeightScale } from '../scene/height-scale';
import type { SurfaceData } from '../store/app-model';
import { CRITICAL_POINT_COLOR } from '../store/palette';
import type { MapFrame } from './map-frame';
import { strokePath } from '../plot/stroke-path';

const AXIS_COLOR = '#9da7b3';
const FONT = '12px system-ui, sans-serif';

/**
 * A grid of values as an image, one pixel per sample (row 0 on top, so y grows upwards);
 * non-finite samples (not computed yet) are transparent. Used for surfaces and landscape slices.
 */
export function buildHeatImage(
  surface: Pick<SurfaceData, 'x' | 'y' | 'z'>,
  scale: HeightScale,
  colormap: ColormapName,
): HTMLCanvasElement {
  const nx = surface.x.length;
  const ny = surface.y.length;
  const canvas = document.createElement('canvas');
  canvas.width = nx;
  canvas.height = ny;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(nx, ny);
  const rgb = new Float32Array(3);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const z = surface.z[j * nx + i]!;
      const offset = 4 * ((ny - 1 - j) * nx + i);
      sampleColormap(colormap, scale.toHeight(z), rgb);
      image.data[offset] = rgb[0]! * 255;
      image.data[offset + 1] = rgb[1]! * 255;
      image.data[offset + 2] = rgb[2]! * 255;
      image.data[offset + 3] = Number.isFinite(z) ? 255 : 0;
    }
  }
  context.putImageData(image, 0, 0);
  return canvas;
}

export interface MapBase {
  frame: MapFrame;
  bounds: Bounds;
  heat: HTMLCanvasElement;
  levels: ContourLevel[] | null;
  arrows: Float64Array | null;
  criticalPoints: CriticalPoint[];
  start: [number, number];
}

/** Everything of the 2D map that does not move with playback. */
export function drawMapBase(context: CanvasRenderingContext2D, base: MapBase): void {
  const { frame, bounds } = base;
  const [[x0, x1], [y0, y1]] = bounds;
  context.save();
  context.beginPath();
  context.rect(frame.left, frame.top, frame.width, frame.height);
  context.clip();
  // Pixel centres on the samples: the image reaches half a cell past the bounds (clipped).
  const halfX = frame.width / (base.heat.width - 1) / 2;
  const halfY = frame.height / (base.heat.height - 1) / 2;
  context.imageSmoothingEnabled = true;
  context.drawImage(
    base.heat,
    frame.left - halfX,
    frame.top - halfY,
    frame.width + 2 * halfX,
    frame.height + 2 * halfY,
  );
  if (base.levels) drawContours(context, frame, base.levels);
  if (base.arrows) drawArrows(context, frame, base.arrows);
  context.restore();

  drawAxes(context, frame, [x0, x1], [y0, y1]);
  for (const point of base.criticalPoints) {
    drawGlyph(
      context,
      CRITICAL_POINT_GLYPHS[point.type],
      frame.px(point.point[0]),
      frame.py(point.point[1]),
      14,
      CRITICAL_POINT_COLOR,
    );
  }
  drawStart(context, frame.px(base.start[0]), frame.py(base.start[1]));
}

export function drawContours(context: CanvasRenderingContext2D, frame: MapFrame, levels: ContourLevel[]): void {
  context.beginPath();
  for (const { segments } of levels) {
    for (let k = 0; k < segments.length; k += 4) {
      context.moveTo(frame.px(segments[k]!), frame.py(segments[k + 1]!));
      context.lineTo(frame.px(segments[k + 2]!), frame.py(segments[k + 3]!));
    }
  }
  strokePath(context, 'rgba(255, 255, 255, 0.4)', 1);
}

function drawArrows(context: CanvasRenderingContext2D, frame: MapFrame, arrows: Float64Array): void {
  context.beginPath();
  for (let k = 0; k < arrows.length; k += 4) {
    const [bx, by] = [frame.px(arrows[k]!), frame.py(arrows[k + 1]!)];
    const [tx, ty] = [frame.px(arrows[k + 2]!), frame.py(arrows[k + 3]!)];
    const angle = Math.atan2(ty - by, tx - bx);
    const head = 0.35 * Math.hypot(tx - bx, ty - by);
    context.moveTo(bx, by);
    context.lineTo(tx, ty);
    context.lineTo(tx - head * Math.cos(angle - 0.45), ty - head * Math.sin(angle - 0.45));
    context.moveTo(tx, ty);
    context.lineTo(tx - head * Math.cos(angle + 0.45), ty - head * Math.sin(angle + 0.45));
  }
  context.lineCap = 'round';
  strokePath(context, 'rgba(13, 17, 23, 0.7)', 3);
  strokePath(context, '#ffffff', 1.3);
}

export function drawAxes(
  context: CanvasRenderingContext2D,
  frame: MapFrame,
  [x0, x1]: [number, number],
  [y0, y1]: [number, number],
  names: [string, string] = ['x', 'y'],
): void {
  const bottom = frame.top + frame.height;
  context.strokeStyle = AXIS_COLOR;
  context.fillStyle = AXIS_COLOR;
  context.lineWidth = 1;
  context.font = FONT;
  context.strokeRect(frame.left - 0.5, frame.top - 0.5, frame.width + 1, frame.height + 1);
  const xTicks = niceTicks(x0, x1, Math.max(2, Math.floor(frame.width / 70)));
  const yTicks = niceTicks(y0, y1, Math.max(2, Math.floor(frame.height / 50)));
  context.beginPath();
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const x of xTicks) {
    const px = Math.round(frame.px(x)) + 0.5;
    context.moveTo(px, bottom);
    context.lineTo(px, bottom + 5);
    context.fillText(formatTick(x, (xTicks[1] ?? x1) - (xTicks[0] ?? x0)), px, bottom + 7);
  }
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const y of yTicks) {
    const py = Math.round(frame.py(y)) + 0.5;
    context.moveTo(frame.left, py);
    context.lineTo(frame.left - 5, py);
    context.fillText(formatTick(y, (yTicks[1] ?? y1) - (yTicks[0] ?? y0)), frame.left - 8, py);
  }
  context.stroke();
  context.font = `italic 14px system-ui, sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'top';
  context.fillText(names[0], frame.left + frame.width / 2, bottom + 22);
  context.textBaseline = 'middle';
  context.fillText(names[1], frame.left - 42, frame.top + frame.height / 2);
}

/** The next run's start: a white ring with a cross, unlike every glyph. */
function drawStart(context: CanvasRenderingContext2D, x: number, y: number): void {
  context.beginPath();
  context.arc(x, y, 7, 0, 2 * Math.PI);
  context.moveTo(x - 11, y);
  context.lineTo(x + 11, y);
  context.moveTo(x, y - 11);
  context.lineTo(x, y + 11);
  context.lineWidth = 4;
  context.strokeStyle = GLYPH_OUTLINE;
  context.stroke();
  context.lineWidth = 2;
  context.strokeStyle = '#ffffff';
  context.stroke();
}
