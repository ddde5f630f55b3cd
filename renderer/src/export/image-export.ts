import { currentScene } from './scene-access';

export type ImageSource = '3d' | '2d' | 'charts';

const BACKGROUND = '#0d1117';

function canvasBlob(canvas: HTMLCanvasElement, type = 'image/png'): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), type));
}

/**
 * Renders the 3D view once at width × height pixels into its own canvas, then puts the renderer
 * and camera back; `draw` reads the frame while it is there (a PNG, a video frame).
 */
export async function renderSceneAt<T>(width: number, height: number, draw: (canvas: HTMLCanvasElement) => Promise<T> | T): Promise<T> {
  const state = currentScene();
  if (!state) throw new Error('the 3D view is not shown');
  const { gl, scene, camera, size, viewport } = state;
  const perspective = 'aspect' in camera ? camera : null;
  const aspect = perspective?.aspect;
  gl.setPixelRatio(1);
  gl.setSize(width, height, false);
  if (perspective) {
    perspective.aspect = width / height;
    perspective.updateProjectionMatrix();
  }
  try {
    gl.render(scene, camera);
    return await draw(gl.domElement);
  } finally {
    gl.setPixelRatio(viewport.dpr);
    gl.setSize(size.width, size.height, false);
    if (perspective && aspect !== undefined) {
      perspective.aspect = aspect;
      perspective.updateProjectionMatrix();
    }
    state.invalidate();
  }
}

/** The visible canvases of a 2D view, stacked in document order, scaled to the width asked for. */
function composeCanvases(selector: string, width: number): HTMLCanvasElement {
  const layers = Array.from(document.querySelectorAll<HTMLCanvasElement>(selector)).filter((layer) => layer.width > 0 && layer.height > 0);
  if (layers.length === 0) throw new Error('that view is not shown');
  const boxes = layers.map((layer) => layer.getBoundingClientRect());
  const left = Math.min(...boxes.map((box) => box.left));
  const top = Math.min(...boxes.map((box) => box.top));
  const cssWidth = Math.max(...boxes.map((box) => box.right)) - left;
  const cssHeight = Math.max(...boxes.map((box) => box.bottom)) - top;
  const scale = width / cssWidth;
  const output = document.createElement('canvas');
  output.width = Math.round(width);
  output.height = Math.round(cssHeight * scale);
  const context = output.getContext('2d')!;
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, output.width, output.height);
  context.imageSmoothingQuality = 'high';
  layers.forEach((layer, k) => {
    const box = boxes[k]!;
    context.drawImage(layer, (box.left - left) * scale, (box.top - top) * scale, box.width * scale, box.height * scale);
  });
  return output;
}

/**
 * A PNG of a view. The 3D view is rendered again at that size; the 2D map and the charts are
 * drawn for the screen and scaled to the width asked for (their height follows their shape).
 */
export function viewPng(source: ImageSource, width: number, height: number): Promise<Blob> {
  if (source === '3d') return renderSceneAt(width, height, (canvas) => canvasBlob(canvas));
  // Surfaces opened from .h5 files take the 2D map's place while they are shown.
  return canvasBlob(composeCanvases(source === '2d' ? '.contour-map canvas, .imported-landscapes canvas' : '.charts canvas', width));
}
