import { CRITICAL_POINT_COLORS } from '../store/palette';

const SHAPES = { minimum: '▲', maximum: '▼', saddle: '◯', degenerate: '■' } as const;

/** What the critical-point glyphs mean. */
export function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      {(Object.keys(SHAPES) as (keyof typeof SHAPES)[]).map((type) => (
        <li key={type}>
          <span style={{ color: CRITICAL_POINT_COLORS[type] }} aria-hidden="true">
            {SHAPES[type]}
          </span>{' '}
          {type}
        </li>
      ))}
    </ul>
  );
}
