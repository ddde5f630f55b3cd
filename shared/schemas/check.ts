import { z } from 'zod';

/** Adds an issue at `path` of what a superRefine checks. */
export type Check = (path: (string | number)[], message: string) => void;
export const checker =
  (ctx: z.RefinementCtx): Check =>
  (path, message) =>
    ctx.addIssue({ code: 'custom', path, message });

/**
 * A wire shape as a strict object: `fields` after `head` (a message's type and ids; none in a
 * session file), then `check` on the whole. The head leaves the object's type generic, so `check`
 * is given the fields it reads as `Checked`.
 */
export function checkedObject<Head extends z.ZodRawShape, Fields extends z.ZodRawShape, Checked>(
  head: Head,
  fields: Fields,
  check: (value: Checked, ctx: z.RefinementCtx) => void,
) {
  return z
    .object({ ...head, ...fields })
    .strict()
    .superRefine((value, ctx) => check(value as Checked, ctx));
}
