import { BACKGROUND, registerImageView } from '../export/image-views';
import { useImportedLandscapes } from './imported-landscapes';

/**
 * The opened surfaces as they stand side by side, scaled to the width asked for (the height
 * follows their shape). They are on screen whenever one is open, so their canvases are copied.
 */
function composeOpenedSurfaces(width: number): HTMLCanvasElement {
  const layers = Array.from(document.querySelectorAll<HTMLCanvasElement>('.imported-landscapes canvas')).filter((layer) => layer.width > 0 && layer.height > 0);
  if (layers.length === 0) throw new Error('no surface file is open');
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

registerImageView({
  id: 'opened',
  label: 'Opened surfaces',
  kinds: ['function', 'network'],
  order: -1,
  takesHeight: false,
  available: () => useImportedLandscapes.getState().surfaces.length > 0,
  render: (width) => composeOpenedSurfaces(width),
});
