import { GLYPH_BOX } from './event-glyphs';

export const GLYPH_OUTLINE = '#0d1117';
const paths = new Map<string, Path2D>();

/**
 * Draws a glyph (SVG path data, see event-glyphs.ts) centred on (x, y), `size` pixels across:
 * filled, with a dark outline so it reads on every colour of every map.
 */
export function drawGlyph(
  context: CanvasRenderingContext2D,
  path: string,
  x: number,
  y: number,
  size: number,
  fill: string,
): void {
  let shape = paths.get(path);
  if (!shape) {
    shape = new Path2D(path);
    paths.set(path, shape);
  }
  const scale = size / GLYPH_BOX;
  context.save();
  context.translate(x - size / 2, y - size / 2);
  context.scale(scale, scale);
  context.lineJoin = 'round';
  context.lineWidth = 3;
  context.strokeStyle = GLYPH_OUTLINE;
  context.stroke(shape);
  context.fillStyle = fill;
  context.fill(shape, 'evenodd');
  context.restore();
}
