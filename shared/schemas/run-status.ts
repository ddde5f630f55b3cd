import { z } from 'zod';

/** A run's states, as `status` messages and session files carry them (docs/formats.md). */
export const RUN_STATUSES = ['queued', 'running', 'paused', 'completed', 'diverged', 'cancelled', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const FINAL_STATUSES: ReadonlySet<RunStatus> = new Set(['completed', 'diverged', 'cancelled', 'failed']);
export const runStatusSchema = z.enum(RUN_STATUSES);
