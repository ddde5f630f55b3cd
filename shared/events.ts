import type { z } from 'zod';
import type { criticalPointSchema, runEventSchema } from './schemas/run-event';

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

/** Shapes in shared/schemas/run-event.ts. */
export type RunEvent = z.output<typeof runEventSchema>;
export type CriticalPoint = z.output<typeof criticalPointSchema>;
