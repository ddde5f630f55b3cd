import type { SlicePlaneMessage } from '../../../shared/protocol';
import { buildHeatImage, drawAxes } from '../map/draw-map-base';
import type { MapFrame } from '../map/map-frame';
import type { ColorScale } from '../plot/color-scale';
import { fillFromCoarser } from './fill-coarse';
import { strokePath } from '../plot/stroke-path';

/** The slice as an image in viridis on its colour bar's scale; points not computed yet show the coarser level's nearest. */
export function sliceImage(plane: SlicePlaneMessage, values: Float64Array, scale: ColorScale): HTMLCanvasElement {
  const z = fillFromCoarser(values, plane.alphas.length, plane.betas.length);
  return buildHeatImage({ x: plane.alphas, y: plane.betas, z }, scale, 'viridis');
}

/** A run's checkpoints on the plane, (α, β) interleaved, in its colour. */
export interface SlicePath {
  color: string;
  coordinates: Float64Array;
}

const RING_COLOR = '#f4f4f4';

/**
 * The heat map; each run's checkpoints joined in order, its final one larger; the points an
 * interpolation plane passes through as white rings, and a small one round the checkpoint
 * `highlight` (hovered); and the axes α, β.
 */
export function drawSlice(
  context: CanvasRenderingContext2D,
  frame: MapFrame,
  plane: Pick<SlicePlaneMessage, 'alphas' | 'betas' | 'through'>,
  image: HTMLCanvasElement,
  paths: readonly SlicePath[],
  highlight?: [number, number],
): void {
  context.save();
  context.beginPath();
  context.rect(frame.left, frame.top, frame.width, frame.height);
  context.clip();
  context.imageSmoothingEnabled = true;
  context.drawImage(image, frame.left, frame.top, frame.width, frame.height);
  for (const { color, coordinates: points } of paths) {
    context.beginPath();
    for (let k = 0; k < points.length; k += 2) {
      const method = k === 0 ? 'moveTo' : 'lineTo';
      context[method](frame.px(points[k]!), frame.py(points[k + 1]!));
    }
    strokePath(context, color, 2);
    context.fillStyle = color;
    for (let k = 0; k < points.length; k += 2) {
      context.beginPath();
      context.arc(frame.px(points[k]!), frame.py(points[k + 1]!), k === points.length - 2 ? 5 : 2.5, 0, 2 * Math.PI);
      context.fill();
    }
  }
  context.strokeStyle = RING_COLOR;
  context.lineWidth = 2;
  const rings: [[number, number], number][] = (plane.through ?? []).map(({ point }) => [point, 8]);
  if (highlight) rings.push([highlight, 6]);
  for (const [[alpha, beta], radius] of rings) {
    context.beginPath();
    context.arc(frame.px(alpha), frame.py(beta), radius, 0, 2 * Math.PI);
    context.stroke();
  }
  context.restore();
  drawAxes(
    context,
    frame,
    [plane.alphas[0]!, plane.alphas.at(-1)!],
    [plane.betas[0]!, plane.betas.at(-1)!],
    ['α', 'β'],
  );
}

/** The checkpoint nearest a point of the plane, over every path, or null when there is none. */
export function nearestCheckpoint(
  paths: readonly Float64Array[],
  alpha: number,
  beta: number,
): { path: number; index: number } | null {
  let best: { path: number; index: number } | null = null;
  let distance = Infinity;
  paths.forEach((coordinates, path) => {
    for (let index = 0; index < coordinates.length / 2; index++) {
      const d = Math.hypot(coordinates[2 * index]! - alpha, coordinates[2 * index + 1]! - beta);
      if (d < distance) [best, distance] = [{ path, index }, d];
    }
  });
  return best;
}
