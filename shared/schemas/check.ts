import type { z } from 'zod';

/** Adds an issue at `path` of what a superRefine checks. */
export type Check = (path: (string | number)[], message: string) => void;
export const checker =
  (ctx: z.RefinementCtx): Check =>
  (path, message) =>
    ctx.addIssue({ code: 'custom', path, message });
