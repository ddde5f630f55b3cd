import { sampleColormap, type ColormapName } from '../../../shared/colormaps/colormap';
import { ticksThatFit, type ColorScale } from './color-scale';

const STRIP_WIDTH = 12;
const STOPS = 24;

/** The colour bar ColorBar shows beside a picture, drawn on a canvas (for images): strip, ticks, labels and caption. */
export function drawColorBar(
  context: CanvasRenderingContext2D,
  scale: ColorScale,
  colormap: ColormapName,
  name: string,
  box: { left: number; top: number; width: number; height: number },
): void {
  const { left, top, width, height } = box;
  const gradient = context.createLinearGradient(0, top + height, 0, top);
  const rgb = new Float32Array(3);
  for (let k = 0; k <= STOPS; k++) {
    sampleColormap(colormap, k / STOPS, rgb);
    gradient.addColorStop(
      k / STOPS,
      `rgb(${Math.round(rgb[0]! * 255)} ${Math.round(rgb[1]! * 255)} ${Math.round(rgb[2]! * 255)})`,
    );
  }
  context.save();
  context.fillStyle = gradient;
  context.fillRect(left, top, STRIP_WIDTH, height);
  context.fillStyle = '#c9d1d9';
  context.strokeStyle = '#c9d1d9';
  context.font = '11px system-ui, sans-serif';
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  for (const tick of ticksThatFit(scale, height)) {
    const y = top + height * (1 - scale.toHeight(tick));
    context.beginPath();
    context.moveTo(left + STRIP_WIDTH, y);
    context.lineTo(left + STRIP_WIDTH + 4, y);
    context.stroke();
    context.fillText(scale.label(tick), left + STRIP_WIDTH + 6, y);
  }
  context.translate(left + width - 6, top + height / 2);
  context.rotate(Math.PI / 2);
  context.textAlign = 'center';
  context.fillText(`${name} · ${scale.mode}`, 0, 0);
  context.restore();
}
