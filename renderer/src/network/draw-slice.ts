import type { PlaneMessage } from '../../../shared/protocol';
import { buildHeatImage, drawAxes } from '../map/draw-map-base';
import type { MapFrame } from '../map/map-frame';
import { createHeightScale } from '../scene/height-scale';
import type { SliceState } from '../store/app-store';

/** The slice as an image (log scale, viridis); points not computed yet stay transparent. */
export function sliceImage(plane: PlaneMessage, slice: SliceState): HTMLCanvasElement {
  let low = Infinity;
  let high = -Infinity;
  for (const value of slice.values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return buildHeatImage({ x: plane.alphas, y: plane.betas, z: slice.values }, createHeightScale('log', low, high), 'viridis');
}

/** The heat map, the run's checkpoints on the plane joined in order, and the axes α, β. */
export function drawSlice(context: CanvasRenderingContext2D, frame: MapFrame, plane: PlaneMessage, slice: SliceState, image: HTMLCanvasElement, color: string): void {
  const [a0, a1] = [plane.alphas[0]!, plane.alphas.at(-1)!];
  const [b0, b1] = [plane.betas[0]!, plane.betas.at(-1)!];
  context.save();
  context.beginPath();
  context.rect(frame.left, frame.top, frame.width, frame.height);
  context.clip();
  context.imageSmoothingEnabled = true;
  context.drawImage(image, frame.left, frame.top, frame.width, frame.height);
  const points = slice.coordinates;
  if (points) {
    context.beginPath();
    for (let k = 0; k < points.length; k += 2) {
      const method = k === 0 ? 'moveTo' : 'lineTo';
      context[method](frame.px(points[k]!), frame.py(points[k + 1]!));
    }
    context.strokeStyle = color;
    context.lineWidth = 2;
    context.stroke();
    for (let k = 0; k < points.length; k += 2) {
      context.beginPath();
      context.arc(frame.px(points[k]!), frame.py(points[k + 1]!), k === points.length - 2 ? 5 : 2.5, 0, 2 * Math.PI);
      context.fillStyle = color;
      context.fill();
    }
  }
  context.restore();
  drawAxes(context, frame, [a0, a1], [b0, b1], ['α', 'β']);
}

/** The checkpoint nearest a point of the plane, or null when there is none. */
export function nearestCheckpoint(coordinates: Float64Array, alpha: number, beta: number): number | null {
  let best: number | null = null;
  let distance = Infinity;
  for (let k = 0; k < coordinates.length / 2; k++) {
    const d = Math.hypot(coordinates[2 * k]! - alpha, coordinates[2 * k + 1]! - beta);
    if (d < distance) [best, distance] = [k, d];
  }
  return best;
}
