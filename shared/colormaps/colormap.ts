import { COLORMAP_TABLES } from './tables';

export type ColormapName = keyof typeof COLORMAP_TABLES;
export const COLORMAP_NAMES = Object.keys(COLORMAP_TABLES) as ColormapName[];

const decoded = new Map<ColormapName, Float32Array>();

/** The map's samples as RGB floats in [0, 1], three per sample. */
function samples(name: ColormapName): Float32Array {
  let table = decoded.get(name);
  if (!table) {
    const hex = COLORMAP_TABLES[name];
    table = new Float32Array(hex.length / 2);
    for (let i = 0; i < table.length; i++) table[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16) / 255;
    decoded.set(name, table);
  }
  return table;
}

const srgbToLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/**
 * Writes the colour of t in [0, 1] (clamped; NaN reads as 0) into out[offset..offset+2], in sRGB
 * for canvases and CSS, or linear for WebGL lighting (three.js works in linear space).
 */
export function sampleColormap(
  name: ColormapName,
  t: number,
  out: Float32Array,
  offset = 0,
  space: 'srgb' | 'linear' = 'srgb',
): void {
  const table = samples(name);
  const last = table.length / 3 - 1;
  const position = (t > 0 ? (t < 1 ? t : 1) : 0) * last;
  const i = Math.min(Math.floor(position), last - 1);
  const f = position - i;
  for (let c = 0; c < 3; c++) {
    const value = table[3 * i + c]! * (1 - f) + table[3 * (i + 1) + c]! * f;
    out[offset + c] = space === 'linear' ? srgbToLinear(value) : value;
  }
}
