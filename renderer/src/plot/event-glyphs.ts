import type { CriticalPointType, EventType } from '../../../shared/events';

/**
 * One shape per kind of mark, as SVG path data in a 24 × 24 box centred on (12, 12), filled
 * with the even-odd rule. The legend draws them as SVG, the 2D map as Path2D and the 3D view as
 * sprite textures, so every view shows the same shapes; shapes (not colours) tell the kinds
 * apart, for colour-blind viewers.
 */
export const GLYPH_BOX = 24;

function star(points: number, outer: number, inner: number): string {
  const corners: string[] = [];
  for (let k = 0; k < 2 * points; k++) {
    const angle = (Math.PI * k) / points - Math.PI / 2;
    const radius = k % 2 === 0 ? outer : inner;
    corners.push(`${(12 + radius * Math.cos(angle)).toFixed(2)} ${(12 + radius * Math.sin(angle)).toFixed(2)}`);
  }
  return `M${corners.join('L')}Z`;
}

const ring = (outer: number, inner: number): string =>
  `M${12 - outer} 12a${outer} ${outer} 0 1 0 ${2 * outer} 0a${outer} ${outer} 0 1 0 ${-2 * outer} 0Z` +
  `M${12 - inner} 12a${inner} ${inner} 0 1 1 ${2 * inner} 0a${inner} ${inner} 0 1 1 ${-2 * inner} 0Z`;

export const EVENT_GLYPHS: Record<EventType, string> = {
  minimum: 'M12 3L22 20H2Z',
  maximum: 'M2 4H22L12 21Z',
  saddle: ring(9, 4.5),
  degenerate: 'M4 4H20V20H4Z',
  plateau: 'M1 8.5H23V15.5H1Z',
  vanishing_gradient: 'M12 1L23 12L12 23L1 12ZM12 7L7 12L12 17L17 12Z',
  exploding_gradient: star(8, 11.5, 4.5),
  diverged: 'M5 2L12 9L19 2L22 5L15 12L22 19L19 22L12 15L5 22L2 19L9 12L2 5Z',
  oscillation: 'M1 13L7 4L12 11.5L17 4L23 13V20L17 11L12 18.5L7 11L1 20Z',
  converged: 'M2 13L5.5 9.5L10 14L18.5 4L22 7.5L10 21Z',
  symmetry: 'M2 3L12 12L2 21ZM22 3L12 12L22 21Z',
  dead_units: 'M3 3H21V21H3ZM8 8V16H16V8Z',
};

/** Critical points of the surface share the shapes of the path events of the same name. */
export const CRITICAL_POINT_GLYPHS: Record<CriticalPointType, string> = {
  minimum: EVENT_GLYPHS.minimum,
  maximum: EVENT_GLYPHS.maximum,
  saddle: EVENT_GLYPHS.saddle,
  degenerate: EVENT_GLYPHS.degenerate,
};

/** Labels for people, in the legend and the events list. */
export const EVENT_LABELS: Record<EventType, string> = {
  minimum: 'minimum',
  maximum: 'maximum',
  saddle: 'saddle point',
  degenerate: 'degenerate point',
  plateau: 'plateau',
  vanishing_gradient: 'vanishing gradient',
  exploding_gradient: 'exploding gradient',
  diverged: 'diverged',
  oscillation: 'oscillation',
  converged: 'converged',
  symmetry: 'symmetric units',
  dead_units: 'dead units',
};
