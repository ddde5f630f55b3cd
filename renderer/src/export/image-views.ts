import type { ProblemKind } from '../store/app-model';

/**
 * The views a PNG can be made of. Each view registers itself from its own module (not from its
 * component), so it can be drawn off screen: a view the user is not looking at still saves.
 */
export interface ImageView {
  /** Also the file name's suffix: `…-dataset.png`. */
  id: string;
  label: string;
  kinds: readonly ProblemKind[];
  /** Where it sits in the export panel's list: lower first. */
  order: number;
  /** False where the picture keeps its own shape and only the width is asked for. */
  takesHeight: boolean;
  /** What its files are named after, where that is not the problem shown (an opened file's name). */
  fileName?: () => string;
  /** False while the view has nothing to show (no surface file open); absent means always. */
  available?: () => boolean;
  /** A canvas with the view drawn at about width × height pixels; throws a message for the user when it cannot. */
  render(width: number, height: number): Promise<HTMLCanvasElement> | HTMLCanvasElement;
}

const views = new Map<string, ImageView>();

/** Adds a view (or replaces the one with its id); returns the function that removes it. */
export function registerImageView(view: ImageView): () => void {
  views.set(view.id, view);
  return () => {
    if (views.get(view.id) === view) views.delete(view.id);
  };
}

/** The views a problem of this kind has, in the panel's order. */
export function imageViewsFor(kind: ProblemKind): ImageView[] {
  return [...views.values()]
    .filter((view) => view.kinds.includes(kind) && (view.available?.() ?? true))
    .sort((a, b) => a.order - b.order);
}

/** A PNG of a view. Async throughout, so every failure (even an unknown view) rejects and reaches the caller's handler. */
export async function viewPng(id: string, width: number, height: number): Promise<Blob> {
  const view = views.get(id);
  if (!view) throw new Error(`there is no view "${id}" to save`);
  return canvasBlob(await view.render(width, height));
}

export function canvasBlob(canvas: HTMLCanvasElement, type = 'image/png'): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), type),
  );
}

/** CSS pixels across an off-screen picture: wider images scale it up, so labels keep their share of it. */
const LOGICAL_WIDTH = 960;

/**
 * A canvas of width × height pixels with the app's background, and a context drawing in a CSS
 * pixel space LOGICAL_WIDTH wide (narrower images draw at one pixel per CSS pixel).
 */
export function offscreenCanvas(
  width: number,
  height: number,
): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D; size: { width: number; height: number } } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width);
  canvas.height = Math.round(height);
  const ratio = Math.max(1, width / LOGICAL_WIDTH);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser gave no 2D canvas to draw the image on');
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { canvas, context, size: { width: width / ratio, height: height / ratio } };
}

export const BACKGROUND = '#0d1117';

/**
 * The canvases that match `selector` as they are laid out on screen, on the app's background,
 * scaled to `width` (the height follows their shape); `empty` is the message when none is shown.
 */
export function composeShownCanvases(selector: string, width: number, empty: string): HTMLCanvasElement {
  const layers = Array.from(document.querySelectorAll<HTMLCanvasElement>(selector)).filter(
    (layer) => layer.width > 0 && layer.height > 0,
  );
  if (layers.length === 0) throw new Error(empty);
  const boxes = layers.map((layer) => layer.getBoundingClientRect());
  const left = Math.min(...boxes.map((box) => box.left));
  const top = Math.min(...boxes.map((box) => box.top));
  const scale = width / (Math.max(...boxes.map((box) => box.right)) - left);
  const output = document.createElement('canvas');
  output.width = Math.round(width);
  output.height = Math.round((Math.max(...boxes.map((box) => box.bottom)) - top) * scale);
  const context = output.getContext('2d');
  if (!context) throw new Error('this browser gave no 2D canvas to draw the image on');
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, output.width, output.height);
  context.imageSmoothingQuality = 'high';
  layers.forEach((layer, k) => {
    const box = boxes[k]!;
    context.drawImage(layer, (box.left - left) * scale, (box.top - top) * scale, box.width * scale, box.height * scale);
  });
  return output;
}
