import { CanvasTexture, SRGBColorSpace } from 'three';
import { drawGlyph } from '../plot/draw-glyph';

const SIZE = 64;
const textures = new Map<string, CanvasTexture>();

/**
 * A glyph (SVG path data in a 24-unit box) as a white shape with a dark outline: a sprite
 * material's colour tints the white, so one texture per shape serves every run. There are a
 * dozen shapes at most, so they are kept for the page's life.
 */
export function glyphTexture(path: string): CanvasTexture {
  let texture = textures.get(path);
  if (!texture) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = SIZE;
    drawGlyph(canvas.getContext('2d')!, path, SIZE / 2, SIZE / 2, SIZE - 8, '#ffffff');
    texture = new CanvasTexture(canvas);
    texture.colorSpace = SRGBColorSpace;
    textures.set(path, texture);
  }
  return texture;
}

/** Text drawn on a canvas for a sprite; the caller disposes of the texture. */
export function textTexture(text: string, color: string): { texture: CanvasTexture; aspect: number } {
  const fontSize = 40;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d')!;
  const font = `500 ${fontSize}px system-ui, sans-serif`;
  context.font = font;
  canvas.width = Math.ceil(context.measureText(text).width) + 8;
  canvas.height = Math.ceil(fontSize * 1.3);
  context.font = font;
  context.fillStyle = color;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(text, canvas.width / 2, canvas.height / 2);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return { texture, aspect: canvas.width / canvas.height };
}
