import { z } from 'zod';
import { plainArrays } from './schemas/number-arrays';
import { criticalPointSchema, runEventSchema } from './schemas/run-event';
import { RUN_FILE_STATUSES } from './run-status';

/** Run file, version 1 (docs/formats.md): what `gradscape run` writes and the app can open. */

const point = z.tuple([z.number(), z.number()]);

export const runRecordSchema = z
  .object({
    name: z.string(),
    status: z.enum(RUN_FILE_STATUSES),
    trajectory: z.array(point).optional(),
    loss: plainArrays.numbers,
    gradNorm: plainArrays.numbers,
    lr: plainArrays.numbers.optional(),
    events: z.array(runEventSchema),
  })
  .passthrough();

/** JSON writes a value that is not finite (NaN, ±inf) as null; a grid keeps its place. */
const maybeNumber = z.number().nullable();
const grid = z.array(z.array(maybeNumber));

/**
 * `landscape`: networks' slice (docs/formats.md), or a surface imported from loss-landscape's
 * .h5 files: `extra` holds its other quantities in the same layout as `loss` (a grid z[j][i], or
 * a 1-D list for a 1-D file), and a 1-D file gives `curve` { t, loss } without `alphas`.
 */
const landscapeSchema = z
  .object({
    alphas: z.array(z.number()).optional(),
    betas: z.array(z.number()).optional(),
    loss: grid.optional(),
    extra: z.record(z.string(), z.union([grid, z.array(maybeNumber)])).optional(),
    curve: z
      .object({ t: z.array(z.number()), loss: z.array(maybeNumber) })
      .passthrough()
      .optional(),
  })
  .passthrough();

/** Where an imported run file's numbers come from (`gradscape import`). */
export const runFileSourceSchema = z
  .object({
    format: z.literal('loss-landscape'),
    file: z.string(),
    quantity: z.string(),
    dirFile: z.string().optional(),
    trajectory: z.string().optional(),
  })
  .strict();

export const runFileSchema = z
  .object({
    format: z.literal('gradscape.run'),
    version: z.literal(1),
    spec: z.record(z.string(), z.unknown()),
    engine: z.record(z.string(), z.unknown()).optional(),
    runs: z.array(runRecordSchema),
    criticalPoints: z.array(criticalPointSchema).optional(),
    surface: z.object({ x: plainArrays.numbers, y: plainArrays.numbers, z: z.array(plainArrays.numbers) }).optional(),
    landscape: landscapeSchema.optional(),
    source: runFileSourceSchema.optional(),
  })
  .passthrough();
export type RunFile = z.output<typeof runFileSchema>;
export type RunRecord = z.output<typeof runRecordSchema>;
