import { z } from 'zod';
import { CRITICAL_POINT_TYPES, EVENT_TYPES } from '../events';

/**
 * What the engine marks along a path, and a function's critical points (docs/formats.md, run
 * file "events" and "criticalPoints"): one shape in protocol messages, run files and session
 * files alike. Their few numbers are plain lists in every format.
 */

const point = z.tuple([z.number(), z.number()]);

export const runEventSchema = z.object({
  type: z.enum(EVENT_TYPES),
  step: z.number().int().min(0),
  /** Last step of an event that lasts (a stall, a plateau); absent for instants. */
  endStep: z.number().int().min(0).optional(),
  /** Functions: where it happened, [x, y]. */
  point: point.optional(),
  /** Hessian eigenvalues there, ascending, where they were computed. */
  eigenvalues: z.array(z.number()).optional(),
  /** One sentence a student can understand. */
  message: z.string(),
});

export const criticalPointSchema = z.object({
  point,
  type: z.enum(CRITICAL_POINT_TYPES),
  value: z.number(),
  eigenvalues: z.tuple([z.number(), z.number()]),
});
