import type { z } from 'zod';

/** A zod error's first problem as one line naming the field, e.g. `runs[0].optimizer.lr: …`. */
export function describeIssue(error: z.ZodError, what = 'input'): string {
  const issue = error.issues[0];
  if (!issue) return `invalid ${what}`;
  const path = issue.path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
    .join('');
  return path ? `${path}: ${issue.message}` : issue.message;
}
