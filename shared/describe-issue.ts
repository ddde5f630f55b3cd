import type { z } from 'zod';

/** A zod error's first problem as one line naming the field, e.g. `runs[0].optimizer.lr: …`. */
export function describeIssue(error: z.ZodError, what = 'input'): string {
  const issue = error.issues[0];
  if (!issue) return `invalid ${what}`;
  const path = issue.path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
    .join('');
  return oneLine(path ? `${path}: ${issue.message}` : issue.message);
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Messages quote the input (keys, expressions, JSON text), which may hold line breaks: written as escapes, they stay one line. */
export function oneLine(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
