import { BACKGROUND, registerImageView } from '../export/image-views';

/** The charts' canvases, stacked as they are laid out, scaled to the width asked for. */
function composeCharts(width: number): HTMLCanvasElement {
  const layers = Array.from(document.querySelectorAll<HTMLCanvasElement>('.charts canvas')).filter((layer) => layer.width > 0 && layer.height > 0);
  if (layers.length === 0) throw new Error('there are no charts yet: they appear once a run has started');
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

// Drawn for the screen and scaled to the width asked for: their height follows their shape.
registerImageView({ id: 'charts', label: 'Charts', kinds: ['function', 'network'], order: 10, takesHeight: false, render: composeCharts });
