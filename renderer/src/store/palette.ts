/** Okabe–Ito: run colours that stay distinct for colour-blind viewers. */
export const RUN_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#FFFFFF'] as const;

export const CRITICAL_POINT_COLORS = {
  minimum: '#009E73',
  saddle: '#E69F00',
  maximum: '#D55E00',
  degenerate: '#CC79A7',
} as const;
