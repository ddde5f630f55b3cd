import { z } from 'zod';
import { COLORMAP_NAMES, type ColormapName } from './colormaps/colormap';
import { describeIssue } from './describe-issue';
import { RUN_STATUSES } from './protocol';
import { runEventSchema } from './run-file';
import { boundsSchema, problemSchema, runSpecSchema } from './spec/spec';

/**
 * Session file (`.gradscape.json`), version 1: everything needed to redraw a picture without
 * training again — the problem, each run's spec and streamed results, and the view. The surface
 * is not stored: the host computes it again from the problem, exactly.
 */

export const SESSION_FORMAT = 'gradscape.session';
export const SESSION_VERSION = 1;

/** JSON has no NaN or ±Infinity (JSON.stringify writes null); a diverged run's values may hold them. */
const seriesValue = z.union([z.number(), z.null()]).transform((value) => value ?? Number.NaN);
const series = z.array(seriesValue);
const vector3 = z.tuple([z.number(), z.number(), z.number()]);

const sessionRunSchema = z
  .object({
    spec: runSpecSchema,
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #e69f00'),
    status: z.enum(RUN_STATUSES),
    message: z.string().optional(),
    /** x, y interleaved, two per point; index 0 is the start. */
    points: series,
    loss: series,
    gradNorm: series,
    lr: series,
    events: z.array(runEventSchema),
  })
  .strict()
  .superRefine((run, ctx) => {
    const n = run.loss.length;
    if (run.points.length !== 2 * n) ctx.addIssue({ code: 'custom', path: ['points'], message: `must hold two values per loss value (${2 * n})` });
    if (run.gradNorm.length !== n) ctx.addIssue({ code: 'custom', path: ['gradNorm'], message: `must hold one value per loss value (${n})` });
    if (run.lr.length !== n) ctx.addIssue({ code: 'custom', path: ['lr'], message: `must hold one value per loss value (${n})` });
    if (n > run.spec.steps + 1) ctx.addIssue({ code: 'custom', path: ['loss'], message: `holds more than steps + 1 (${run.spec.steps + 1}) values` });
  });

const sessionViewSchema = z
  .object({
    colormap: z.enum(COLORMAP_NAMES as [ColormapName, ...ColormapName[]]),
    scale: z.enum(['linear', 'log', 'auto']),
    layout: z.enum(['3d', '2d', 'split', 'panels']),
    contours: z.boolean(),
    gradientField: z.boolean(),
    /** Steps of path drawn behind the current step; 0 draws the whole path. */
    trail: z.number().int().min(0),
    /** The playback step shown; with follow, the newest step. */
    step: z.number().int().min(0),
    follow: z.boolean(),
    camera: z.object({ position: vector3, target: vector3 }).strict().optional(),
  })
  .strict();

export const sessionFileSchema = z
  .object({
    format: z.literal(SESSION_FORMAT),
    version: z.literal(SESSION_VERSION),
    savedAt: z.string().optional(),
    problem: problemSchema,
    bounds: boundsSchema,
    runs: z.array(sessionRunSchema).max(64),
    view: sessionViewSchema,
  })
  .strict();

export type SessionFileInput = z.input<typeof sessionFileSchema>;
export type SessionFile = z.output<typeof sessionFileSchema>;
export type SessionRun = SessionFile['runs'][number];
export type SessionView = SessionFile['view'];

/** Parses a session file's text; a damaged file throws one line naming the field. */
export function parseSessionText(text: string): SessionFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not a session file: ${(error as Error).message}`, { cause: error });
  }
  const parsed = sessionFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(describeIssue(parsed.error, 'session file'));
  return parsed.data;
}
