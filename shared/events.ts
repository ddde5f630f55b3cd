/** What the engine marks along a path (docs/formats.md, run file "events"). */
export const EVENT_TYPES = [
  'minimum',
  'saddle',
  'maximum',
  'degenerate',
  'plateau',
  'vanishing_gradient',
  'exploding_gradient',
  'diverged',
  'oscillation',
  'converged',
  'symmetry',
  'dead_units',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const CRITICAL_POINT_TYPES = ['minimum', 'maximum', 'saddle', 'degenerate'] as const;
export type CriticalPointType = (typeof CRITICAL_POINT_TYPES)[number];

export interface RunEvent {
  type: EventType;
  step: number;
  /** Last step of an event that lasts (a stall, a plateau); absent for instants. */
  endStep?: number;
  /** Functions: where it happened, [x, y]. */
  point?: [number, number];
  /** Hessian eigenvalues there, ascending, where they were computed. */
  eigenvalues?: number[];
  /** One sentence a student can understand. */
  message: string;
}

export interface CriticalPoint {
  point: [number, number];
  type: CriticalPointType;
  value: number;
  eigenvalues: [number, number];
}
