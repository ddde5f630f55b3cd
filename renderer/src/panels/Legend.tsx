
const SHAPES = { minimum: '▲', maximum: '▼', saddle: '◯', degenerate: '■' } as const;

/** What the critical-point glyphs mean: shapes, so colour-blind viewers read them too. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {(Object.keys(SHAPES) as (keyof typeof SHAPES)[]).map((type) => (
        <li key={type}>
          <span className="legend-glyph" aria-hidden="true">
            {SHAPES[type]}
          </span>{' '}
          {type}
        </li>
      ))}
    </ul>
  );
}
