/** Okabe–Ito: run colours that stay distinct for colour-blind viewers. */
export const RUN_COLORS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#BBBBBB',
] as const;

/**
 * Critical points are told apart by shape (cone up, cone down, ring, cube), so they need no
 * colour of their own: white reads on every colour map and never collides with a run's colour.
 */
export const CRITICAL_POINT_COLOR = '#f4f4f4';
