import type { CSSProperties } from 'react';
import { sampleColormap, type ColormapName } from '../../../shared/colormaps/colormap';
import { formatValue } from '../../../shared/format-number';
import { ticksThatFit, type ColorScale } from './color-scale';

/** Gradient stops along the bar: enough that the colour map's own bends show. */
const STOPS = 24;
const STRIP_WIDTH = 12;
/** Strip, tick marks, the labels' gap, and the vertical caption, around the labels' own width. */
const FIXED_ROOM = STRIP_WIDTH + 4 + 6 + 20;
/** A label character's width at the bar's 11 px, generously. */
const CHAR_WIDTH = 7;

/** The colour map from bottom (0) to top (1), as a CSS gradient. */
function gradient(colormap: ColormapName): string {
  const rgb = new Float32Array(3);
  const stops = Array.from({ length: STOPS + 1 }, (_, k) => {
    sampleColormap(colormap, k / STOPS, rgb);
    return `rgb(${Math.round(rgb[0]! * 255)} ${Math.round(rgb[1]! * 255)} ${Math.round(rgb[2]! * 255)}) ${((100 * k) / STOPS).toFixed(1)}%`;
  });
  return `linear-gradient(to top, ${stops.join(', ')})`;
}

/** The width a bar of this scale takes beside its picture, in CSS pixels. */
export function colorBarWidth(scale: ColorScale): number {
  return FIXED_ROOM + CHAR_WIDTH * Math.max(...scale.ticks.map((tick) => scale.label(tick).length));
}

/**
 * A vertical colour bar: the colour map with round values of `name` beside it, as many as its
 * height leaves legible, and the scale (linear or log) in its caption. Placed by `style`
 * (top, left and height, beside the picture it reads).
 */
export function ColorBar({
  scale,
  colormap,
  name,
  style,
}: {
  scale: ColorScale;
  colormap: ColormapName;
  name: string;
  style: CSSProperties & { height: number };
}) {
  const ticks = ticksThatFit(scale, style.height);
  const labels = ticks.map((tick) => scale.label(tick));
  const [min, max] = scale.values;
  const description = `${name} colour scale, ${scale.mode}: ${labels.join(', ')}; values ${formatValue(min)} to ${formatValue(max)}`;
  return (
    <div className="color-bar" role="img" aria-label={description} title={description} style={style}>
      <div className="color-bar-strip" style={{ width: STRIP_WIDTH, background: gradient(colormap) }}>
        {ticks.map((tick, k) => (
          <span key={tick} className="color-bar-tick" style={{ bottom: `${100 * scale.toHeight(tick)}%` }}>
            {labels[k]}
          </span>
        ))}
      </div>
      <span className="color-bar-caption">
        {name} · {scale.mode}
      </span>
    </div>
  );
}
