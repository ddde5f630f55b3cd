import { GLYPH_BOX } from '../plot/event-glyphs';
import { GLYPH_OUTLINE } from '../plot/draw-glyph';

/** A glyph (see event-glyphs.ts) as inline SVG, drawn as the views draw it. */
export function Glyph({ path, color, size = 14 }: { path: string; color: string; size?: number }) {
  return (
    <svg
      className="glyph"
      width={size}
      height={size}
      viewBox={`-2 -2 ${GLYPH_BOX + 4} ${GLYPH_BOX + 4}`}
      aria-hidden="true"
    >
      <path
        d={path}
        fill={color}
        fillRule="evenodd"
        stroke={GLYPH_OUTLINE}
        strokeWidth={1.5}
        strokeLinejoin="round"
        paintOrder="stroke"
      />
    </svg>
  );
}
