import type { DataMessage, PredictionMessage } from '../../../shared/protocol';
import type { Bounds } from '../../../shared/functions/objective';
import { drawAxes } from '../map/draw-map-base';
import type { MapFrame } from '../map/map-frame';
import { contourSegments } from '../plot/marching-squares';
import { strokePath } from '../plot/stroke-path';

/** Okabe–Ito classes: distinct for colour-blind viewers, as the run colours are. */
export const CLASS_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'] as const;
const RGB = CLASS_COLORS.map(
  (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number],
);
const BACKGROUND: [number, number, number] = [13, 17, 23];

/** The data's box with a margin, from the prediction lattice when there is one. */
export function datasetBounds(data: DataMessage, prediction?: PredictionMessage): Bounds {
  if (prediction?.y)
    return [
      [prediction.x[0]!, prediction.x.at(-1)!],
      [prediction.y[0]!, prediction.y.at(-1)!],
    ];
  const column = (feature: number, values: Float64Array, stride: number): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = feature; r < values.length; r += stride) {
      lo = Math.min(lo, values[r]!);
      hi = Math.max(hi, values[r]!);
    }
    const pad = (hi - lo || 1) * 0.1;
    return [lo - pad, hi + pad];
  };
  // More than two inputs (iris): the first two, as a scatter without a boundary.
  return data.features >= 2
    ? [column(0, data.x, data.features), column(1, data.x, data.features)]
    : [prediction ? [prediction.x[0]!, prediction.x.at(-1)!] : column(0, data.x, 1), column(0, data.y, 1)];
}

/**
 * What the classifier says over the box, as an image: each cell takes the colour of its most
 * likely class, mixed into the background by how sure the model is (white-free, so points stay
 * visible). One pixel per lattice point; the canvas scales it.
 */
export function predictionImage(prediction: PredictionMessage): HTMLCanvasElement {
  const nx = prediction.x.length;
  const ny = prediction.y!.length;
  const canvas = document.createElement('canvas');
  canvas.width = nx;
  canvas.height = ny;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(nx, ny);
  const { outputs, values } = prediction;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      let best = 0;
      let sure: number;
      if (outputs === 1) {
        const p = values[k]!;
        best = p >= 0.5 ? 1 : 0;
        sure = Math.abs(p - 0.5) * 2;
      } else {
        for (let o = 0; o < outputs; o++) if (values[k * outputs + o]! > values[k * outputs + best]!) best = o;
        sure = (values[k * outputs + best]! * outputs - 1) / (outputs - 1);
      }
      const color = RGB[best % RGB.length]!;
      const mix = 0.25 + 0.5 * sure;
      const pixel = 4 * ((ny - 1 - j) * nx + i);
      for (let c = 0; c < 3; c++) image.data[pixel + c] = BACKGROUND[c]! + (color[c]! - BACKGROUND[c]!) * mix;
      image.data[pixel + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
  return canvas;
}

/** The decision boundary (p = 0.5) of a two-class model, over its lattice. */
function drawBoundary(context: CanvasRenderingContext2D, frame: MapFrame, prediction: PredictionMessage): void {
  const { x, y } = prediction;
  if (!y || prediction.outputs !== 1) return;
  const segments = contourSegments(prediction.values, x.length, y.length, 0.5);
  const dx = (x.at(-1)! - x[0]!) / (x.length - 1);
  const dy = (y.at(-1)! - y[0]!) / (y.length - 1);
  context.beginPath();
  for (let k = 0; k < segments.length; k += 4) {
    context.moveTo(frame.px(x[0]! + segments[k]! * dx), frame.py(y[0]! + segments[k + 1]! * dy));
    context.lineTo(frame.px(x[0]! + segments[k + 2]! * dx), frame.py(y[0]! + segments[k + 3]! * dy));
  }
  strokePath(context, '#ffffff', 2);
}

function drawPoints(
  context: CanvasRenderingContext2D,
  frame: MapFrame,
  x: Float64Array,
  y: Float64Array,
  features: number,
  hollow: boolean,
): void {
  const rows = y.length;
  for (let r = 0; r < rows; r++) {
    const px = frame.px(x[r * features]!);
    const py = frame.py(features >= 2 ? x[r * features + 1]! : y[r]!);
    const color = features >= 2 ? CLASS_COLORS[y[r]! % CLASS_COLORS.length]! : '#56B4E9';
    context.beginPath();
    context.arc(px, py, 3.2, 0, 2 * Math.PI);
    if (hollow) {
      strokePath(context, color, 1.5);
    } else {
      context.fillStyle = color;
      context.fill();
      strokePath(context, '#0d1117', 0.8);
    }
  }
}

/** A regression's fitted curve over its inputs. */
function drawCurve(context: CanvasRenderingContext2D, frame: MapFrame, prediction: PredictionMessage): void {
  context.beginPath();
  prediction.x.forEach((x, i) => {
    const method = i === 0 ? 'moveTo' : 'lineTo';
    context[method](frame.px(x), frame.py(prediction.values[i]!));
  });
  strokePath(context, '#E69F00', 2.5);
}

/** The dataset (training points filled, test points hollow) and what the model makes of it. */
export function drawDataset(
  context: CanvasRenderingContext2D,
  frame: MapFrame,
  bounds: Bounds,
  data: DataMessage,
  prediction: PredictionMessage | undefined,
  image: HTMLCanvasElement | null,
): void {
  context.save();
  context.beginPath();
  context.rect(frame.left, frame.top, frame.width, frame.height);
  context.clip();
  context.fillStyle = '#161b22';
  context.fillRect(frame.left, frame.top, frame.width, frame.height);
  if (image) {
    context.imageSmoothingEnabled = true;
    context.drawImage(image, frame.left, frame.top, frame.width, frame.height);
  }
  if (prediction) {
    if (data.features === 2) drawBoundary(context, frame, prediction);
    else drawCurve(context, frame, prediction);
  }
  drawPoints(context, frame, data.x, data.y, data.features, false);
  if (data.test) drawPoints(context, frame, data.test.x, data.test.y, data.features, true);
  context.restore();
  drawAxes(context, frame, bounds[0], bounds[1]);
}
