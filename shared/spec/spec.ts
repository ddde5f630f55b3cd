import { z } from 'zod';
import { CATALOG_NAMES, catalogEntry } from '../functions/catalog';
import { compileExpression } from '../functions/expression';
import type { Bounds } from '../functions/objective';
import { optimizerSpecSchema } from './optimizer-spec';
import { scheduleSpecSchema } from './schedule-spec';
import {
  countParameters,
  formatLimit,
  landscapeWorkProblem,
  MAX_DATASET_ROWS,
  MAX_RUN_STEPS,
  MAX_RUNS,
  MAX_TOTAL_STEPS,
} from '../limits';
import {
  initSpecSchema,
  mlpProblemSchema,
  specLayerSizes,
  specMlpProblemSchema,
  type MlpProblem,
  type SpecMlpProblem,
} from './network-spec';

/** Experiment spec, version 1 (docs/formats.md). Parsing fills in every default. */

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const interval = z.tuple([finite, finite]).refine(([lo, hi]) => lo < hi, 'the lower end must be below the upper end');
export const boundsSchema = z.tuple([interval, interval]);

export const DEFAULT_EXPRESSION_BOUNDS: Bounds = [
  [-5, 5],
  [-5, 5],
];

const functionProblemSchema = z.object({ function: z.enum(CATALOG_NAMES) }).strict();
const expressionProblemSchema = z
  .object({ expression: z.string().min(1, 'is empty') })
  .strict()
  .superRefine((problem, ctx) => {
    try {
      compileExpression(problem.expression);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['expression'], message: (error as Error).message });
    }
  });
const networkProblemSchema = z.object({ mlp: mlpProblemSchema }).strict();
const specNetworkProblemSchema = z.object({ mlp: specMlpProblemSchema }).strict();

/** Picks the problem's schema by its one key, so errors speak of that kind only. */
function problemSchemaOf<P>(network: z.ZodType<P>) {
  return z.unknown().transform((value, ctx): FunctionProblem | P => {
    const kinds = { function: functionProblemSchema, expression: expressionProblemSchema, mlp: network };
    const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
    // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
    const kind = keys.find((key): key is keyof typeof kinds => Object.hasOwn(kinds, key));
    if (!kind) {
      ctx.addIssue({ code: 'custom', message: 'must have one of "function", "expression" or "mlp"' });
      return z.NEVER;
    }
    const parsed = kinds[kind].safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
      return z.NEVER;
    }
    return parsed.data as FunctionProblem | P;
  });
}
/** A problem as clients, sessions and the engine carry it: a CSV as its content, never a path. */
export const problemSchema = problemSchemaOf(networkProblemSchema);
/** A spec file's problem, whose CSV may be a path the CLI reads. */
export const specProblemSchema = problemSchemaOf(specNetworkProblemSchema);
export type FunctionProblem = z.output<typeof functionProblemSchema> | z.output<typeof expressionProblemSchema>;
export type NetworkProblem = { mlp: MlpProblem };
export type Problem = FunctionProblem | NetworkProblem;
export type SpecProblem = FunctionProblem | { mlp: SpecMlpProblem };

/** A run's seed, as its spec gives it and as requests that must reproduce the run echo it. */
export const runSeedSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

export const runSpecSchema = z
  .object({
    name: z.string().min(1).max(80),
    start: z.tuple([finite, finite]).optional(),
    init: initSpecSchema.optional(),
    optimizer: optimizerSpecSchema,
    steps: z
      .number()
      .int()
      .min(1)
      .max(MAX_RUN_STEPS, `must be at most ${formatLimit(MAX_RUN_STEPS)}`)
      .default(300),
    /** Above the training rows it is the full batch (docs/formats.md). */
    batchSize: z
      .number()
      .int()
      .min(1)
      .max(MAX_DATASET_ROWS, `must be at most ${formatLimit(MAX_DATASET_ROWS)}, the most rows a dataset holds`)
      .optional(),
    seed: runSeedSchema.default(0),
    schedule: scheduleSpecSchema.optional(),
    clipNorm: z.number().positive().optional(),
    gradientNoise: z.number().min(0).optional(),
    l1: z.number().min(0).optional(),
    l2: z.number().min(0).optional(),
    dropout: z.number().min(0).lt(1).optional(),
  })
  .strict();
export type RunSpec = z.output<typeof runSpecSchema>;

/** A parameter vector of a run: its initial or final point, or a checkpoint's step. */
export const paramRefSchema = z
  .object({
    run: z.string().min(1),
    at: z.union([z.enum(['initial', 'final']), z.number().int().min(0)]).default('final'),
  })
  .strict();
export type ParamRef = z.output<typeof paramRefSchema>;

export const landscapeSpecSchema = z
  .object({
    directions: z.enum(['random', 'pca', 'interpolation', 'hessian']).default('pca'),
    resolution: z.number().int().min(3).max(401).default(41),
    span: z.number().positive().default(1),
    seed: z.number().int().min(0).default(1),
    /** The run whose final point centres the slice and whose trajectory `pca` reads; default the first. */
    run: z.string().min(1).optional(),
    /** `random`: biases' directions zeroed (Li et al.'s default) or normalised with their unit's incoming weights. */
    biases: z.enum(['zero', 'filter']).default('zero'),
    /** `interpolation`: the plane through these two or three points; default the run's initial and final points. */
    through: z.array(paramRefSchema).min(2).max(3).optional(),
    /** The 1-D linear interpolation's ends; default the run's initial and final points. */
    curve: z.object({ from: paramRefSchema, to: paramRefSchema }).strict().optional(),
    /** `pca`: of the run's own checkpoints (default), or of every run's, so several runs share one plane. */
    pcaOf: z.enum(['run', 'all']).optional(),
  })
  .strict();
export type LandscapeSpec = z.output<typeof landscapeSpecSchema>;

/** What a landscape asks that its own schema cannot check: runs it names must exist, fields must suit its directions. */
export function landscapeIssues(
  landscape: LandscapeSpec,
  runNames: ReadonlySet<string>,
): { path: (string | number)[]; message: string }[] {
  const referenced: [string, (string | number)[]][] = [];
  if (landscape.run) referenced.push([landscape.run, ['run']]);
  landscape.through?.forEach((ref, i) => referenced.push([ref.run, ['through', i, 'run']]));
  for (const end of ['from', 'to'] as const) {
    if (landscape.curve) referenced.push([landscape.curve[end].run, ['curve', end, 'run']]);
  }
  const issues = referenced
    .filter(([name]) => !runNames.has(name))
    .map(([name, path]) => ({ path, message: `names no run: "${name}"` }));
  if (landscape.pcaOf && landscape.directions !== 'pca')
    issues.push({ path: ['pcaOf'], message: 'applies only to directions "pca"' });
  return issues;
}

export const surfaceSpecSchema = z.object({ resolution: z.number().int().min(3).max(1024).default(101) }).strict();

const FUNCTION_ONLY = ['start', 'gradientNoise'] as const;
const NETWORK_ONLY = ['init', 'batchSize', 'l1', 'l2', 'dropout'] as const;

export const experimentSpecSchema = z
  .object({
    version: z.literal(1, { message: 'must be 1 (the only spec version)' }),
    problem: specProblemSchema,
    bounds: boundsSchema.optional(),
    runs: z.array(runSpecSchema).min(1, 'needs at least one run').max(MAX_RUNS, `may hold at most ${MAX_RUNS} runs`),
    surface: surfaceSpecSchema.optional(),
    landscape: landscapeSpecSchema.optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const isNetwork = 'mlp' in spec.problem;
    const names = new Set<string>();
    spec.runs.forEach((run, index) => {
      if (names.has(run.name)) {
        ctx.addIssue({ code: 'custom', path: ['runs', index, 'name'], message: `"${run.name}" is used twice` });
      }
      names.add(run.name);
      const foreign = isNetwork ? FUNCTION_ONLY : NETWORK_ONLY;
      for (const key of foreign) {
        if (run[key] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['runs', index, key],
            message: `applies only to ${isNetwork ? 'function' : 'network'} problems`,
          });
        }
      }
      if (!isNetwork && !run.start) {
        ctx.addIssue({ code: 'custom', path: ['runs', index, 'start'], message: 'is required for a function: [x, y]' });
      }
      if (isNetwork && !run.init) {
        ctx.addIssue({
          code: 'custom',
          path: ['runs', index, 'init'],
          message: 'is required for a network: { "scheme", "seed" }',
        });
      }
    });
    const totalSteps = spec.runs.reduce((sum, run) => sum + run.steps, 0);
    if (totalSteps > MAX_TOTAL_STEPS) {
      ctx.addIssue({
        code: 'custom',
        path: ['runs'],
        message: `ask for ${formatLimit(totalSteps)} steps together; the limit is ${formatLimit(MAX_TOTAL_STEPS)}`,
      });
    }
    if ('mlp' in spec.problem) {
      const resolution = (spec.landscape ?? landscapeSpecSchema.parse({})).resolution;
      const tooCostly = namedLandscapeProblem(spec.problem.mlp, resolution * resolution);
      if (tooCostly) ctx.addIssue({ code: 'custom', path: ['landscape', 'resolution'], message: tooCostly });
    }
    if (isNetwork && spec.bounds) {
      ctx.addIssue({ code: 'custom', path: ['bounds'], message: 'applies only to function problems' });
    }
    if (spec.landscape) {
      for (const { path, message } of landscapeIssues(spec.landscape, names))
        ctx.addIssue({ code: 'custom', path: ['landscape', ...path], message });
    }
  })
  .transform((spec) => {
    if ('mlp' in spec.problem) {
      return { ...spec, landscape: spec.landscape ?? landscapeSpecSchema.parse({}) };
    }
    const bounds: Bounds =
      spec.bounds ??
      ('function' in spec.problem ? catalogEntry(spec.problem.function).bounds : DEFAULT_EXPRESSION_BOUNDS);
    return { ...spec, bounds, surface: spec.surface ?? surfaceSpecSchema.parse({}) };
  });
export type ExperimentSpec = z.output<typeof experimentSpecSchema>;
/** A spec with its CSV file read: what the engine runs (electron/user-files.ts reads it). */
export type LoadedExperimentSpec = Omit<ExperimentSpec, 'problem'> & { problem: Problem };

/** Generated datasets' rows and iris's; a CSV's are known once it is read. */
const namedRows = (mlp: SpecMlpProblem): number | undefined =>
  'samples' in mlp.dataset ? mlp.dataset.samples : 'name' in mlp.dataset ? 150 : undefined;

/**
 * The landscape limit's one line for a named dataset's network (docs/formats.md, "Limits"), or
 * null; a CSV's rows are known once it is parsed, and checked then. `parameters`: when known (a
 * request's vectors), else counted from the layers.
 */
export function namedLandscapeProblem(mlp: SpecMlpProblem, points: number, parameters?: number): string | null {
  const rows = namedRows(mlp);
  if (rows === undefined) return null;
  return landscapeWorkProblem(points, rows, parameters ?? countParameters(specLayerSizes(mlp)));
}
