import { z } from 'zod';
import {
  countParameters,
  formatLimit,
  MAX_CSV_BYTES,
  MAX_DATASET_ROWS,
  MAX_HIDDEN_LAYERS,
  MAX_LAYER_WIDTH,
  MAX_PARAMETERS,
} from '../limits';

/** The network half of the experiment spec (docs/formats.md, "Networks"). Parsing fills in every default. */

/** Replaces zod's "expected string, received undefined" for a missing field. */
const missing = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? message : undefined),
});

const seedSchema = z
  .number(missing('is required: a whole number that makes the run reproducible'))
  .int('must be a whole number')
  .min(0, 'must be at least 0')
  .max(2 ** 32 - 1, 'must be below 2^32');

/** Datasets made in code from a seed: 2-D two-class sets and a 1-D regression. */
export const GENERATED_DATASET_NAMES = ['spiral', 'moons', 'circles', 'xor', 'gaussians', 'sine'] as const;
export type GeneratedDatasetName = (typeof GENERATED_DATASET_NAMES)[number];
export const DATASET_NAMES = [...GENERATED_DATASET_NAMES, 'iris'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Standard deviation of the Gaussian noise added to each coordinate (sine: to the target). */
export const DEFAULT_DATASET_NOISE: Record<GeneratedDatasetName, number> = {
  spiral: 0.05,
  moons: 0.1,
  circles: 0.05,
  xor: 0.05,
  gaussians: 0.5,
  sine: 0.1,
};

const generatedDatasetSchema = z
  .object({
    name: z.enum(GENERATED_DATASET_NAMES),
    samples: z
      .number()
      .int('must be a whole number')
      .min(4, 'must be at least 4')
      .max(MAX_DATASET_ROWS, `must be at most ${formatLimit(MAX_DATASET_ROWS)}`)
      .default(200),
    noise: z.number().min(0, 'must be at least 0').max(10, 'must be at most 10').optional(),
    seed: seedSchema.default(0),
  })
  .strict()
  .transform((dataset) => ({ ...dataset, noise: dataset.noise ?? DEFAULT_DATASET_NOISE[dataset.name] }));

/** Shipped in the repo; `seed` drives the train/test split only. */
const irisDatasetSchema = z
  .object({
    name: z.literal('iris'),
    samples: z.never({ error: 'does not apply to iris, which has its 150 samples' }).optional(),
    noise: z.never({ error: 'does not apply to iris, which is real data' }).optional(),
    seed: seedSchema.default(0),
  })
  .strict()
  .transform(({ name, seed }) => ({ name, seed }));

const namedDatasetSchema = z.discriminatedUnion('name', [generatedDatasetSchema, irisDatasetSchema], {
  error: `must be one of ${DATASET_NAMES.join(', ')}, or give { "csv", "target" }`,
});

const targetSchema = z
  .string(missing('is required: the name of the column to predict'))
  .min(1, 'is empty')
  .max(1000, 'must be at most 1000 characters');

/**
 * Whether a string's UTF-8 takes at most `limit` bytes. No UTF-16 unit takes more than 3, so a
 * short enough string fits without a count; every message carrying a CSV is checked here, in the
 * host and again in its worker, and counting a 5 MB CSV took 12-15 ms each time.
 */
function fitsUtf8Bytes(text: string, limit: number): boolean {
  return text.length * 3 <= limit || utf8Bytes(text) <= limit;
}

/** UTF-8 bytes of a string, counted without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A user CSV as its content (header row, numeric columns; `target` names the column to predict):
 * what the app sends and what the CLI hands the engine once it has read a spec's file. `file`
 * is the name the user chose, for messages only: never opened.
 */
const csvTextDatasetSchema = z
  .object({
    csvText: z
      .string(missing('is required: the CSV file’s content'))
      .refine((text) => fitsUtf8Bytes(text, MAX_CSV_BYTES), `must be at most ${formatLimit(MAX_CSV_BYTES)} bytes`),
    file: z
      .string()
      .min(1, 'is empty')
      .max(255, 'must be at most 255 characters')
      .regex(/^[^/\\]+$/, 'must be a file name without a folder')
      .default('dataset.csv'),
    target: targetSchema,
    seed: seedSchema.default(0),
  })
  .strict();

/** Spec files only: a CSV by its path, relative to the spec file's folder; the CLI reads it (electron/cli.ts). */
const csvPathDatasetSchema = z
  .object({
    csv: z
      .string(missing('is required: the path of the CSV file'))
      .min(1, 'is empty')
      .max(4096, 'must be at most 4096 characters'),
    target: targetSchema,
    seed: seedSchema.default(0),
  })
  .strict();

const isObjectWith = (value: unknown, key: string): boolean =>
  value !== null && typeof value === 'object' && key in value;

/** Parses a dataset by the schema its keys pick, so errors speak of that kind only; a path only where `csvPath` is given. */
function parseDataset(
  value: unknown,
  ctx: z.RefinementCtx,
  csvPath: typeof csvPathDatasetSchema | null,
): SpecDatasetSpec {
  let schema: z.ZodType<SpecDatasetSpec> = namedDatasetSchema;
  if (isObjectWith(value, 'csvText')) schema = csvTextDatasetSchema;
  else if (isObjectWith(value, 'csv')) {
    if (!csvPath) {
      // Only the CLI reads files, from its own command line: a message or session names none.
      ctx.addIssue({
        code: 'custom',
        path: ['csv'],
        message: 'a file path is not accepted here: send the CSV file’s content as "csvText"',
      });
      return z.NEVER;
    }
    schema = csvPath;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
  return z.NEVER;
}

/** A named dataset or a CSV's content: what clients, sessions and the engine carry. */
export const datasetSchema = z.unknown().transform((value, ctx) => parseDataset(value, ctx, null) as DatasetSpec);
/** What a spec file may give: also a CSV file's path. */
export const specDatasetSchema = z.unknown().transform((value, ctx) => parseDataset(value, ctx, csvPathDatasetSchema));

export type GeneratedDatasetSpec = z.output<typeof generatedDatasetSchema>;
export type IrisDatasetSpec = z.output<typeof irisDatasetSchema>;
type NamedDatasetSpec = GeneratedDatasetSpec | IrisDatasetSpec;
export type CsvTextDatasetSpec = z.output<typeof csvTextDatasetSchema>;
export type CsvPathDatasetSpec = z.output<typeof csvPathDatasetSchema>;
export type DatasetSpec = NamedDatasetSpec | CsvTextDatasetSpec;
export type SpecDatasetSpec = DatasetSpec | CsvPathDatasetSpec;

export const ACTIVATIONS = ['relu', 'leaky_relu', 'tanh', 'sigmoid', 'gelu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
export const LOSSES = ['bce', 'cross_entropy', 'mse'] as const;
export type LossName = (typeof LOSSES)[number];

/** Inputs of a named dataset; a CSV's are known once it is read (checked then, electron/engine/network/network-problem.ts). */
const NAMED_INPUTS: Record<DatasetName, number> = {
  spiral: 2,
  moons: 2,
  circles: 2,
  xor: 2,
  gaussians: 2,
  sine: 1,
  iris: 4,
};

/** One line naming the limit when a network of these layer widths is too large, else null. */
export function parametersProblem(sizes: readonly number[]): string | null {
  const parameters = countParameters(sizes);
  return parameters > MAX_PARAMETERS
    ? `the network has ${formatLimit(parameters)} parameters; the limit is ${formatLimit(MAX_PARAMETERS)}`
    : null;
}

const mlpFields = {
  hidden: z
    .array(
      z
        .number()
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(MAX_LAYER_WIDTH, `must be at most ${formatLimit(MAX_LAYER_WIDTH)}`),
      missing('is required: the sizes of the hidden layers, e.g. [16, 16]'),
    )
    .max(MAX_HIDDEN_LAYERS, `may have at most ${MAX_HIDDEN_LAYERS} hidden layers`),
  activation: z.enum(ACTIVATIONS, missing(`is required: one of ${ACTIVATIONS.join(', ')}`)),
  loss: z.enum(LOSSES, missing(`is required: one of ${LOSSES.join(', ')}`)),
  testFraction: z.number().min(0, 'must be at least 0').max(0.9, 'must be at most 0.9').default(0),
};

/**
 * Layer widths of the network from inputs to outputs as far as the spec tells: exact for a named
 * dataset; for a CSV, whose inputs and classes are not known until it is read, the least it can
 * have (one input, one output).
 */
export function specLayerSizes(mlp: { dataset: SpecDatasetSpec; hidden: number[]; loss: LossName }): number[] {
  const name = 'name' in mlp.dataset ? mlp.dataset.name : undefined;
  const inputs = name ? NAMED_INPUTS[name] : 1;
  const outputs = mlp.loss === 'cross_entropy' && name ? (name === 'iris' ? 3 : 2) : 1;
  return [inputs, ...mlp.hidden, outputs];
}

function checkMlp(mlp: { dataset: SpecDatasetSpec; hidden: number[]; loss: LossName }, ctx: z.RefinementCtx): void {
  const name = 'name' in mlp.dataset ? mlp.dataset.name : undefined;
  if (name === 'sine' && mlp.loss !== 'mse') {
    ctx.addIssue({ code: 'custom', path: ['loss'], message: 'sine is a regression dataset: use mse' });
  }
  if (name === 'iris' && mlp.loss === 'bce') {
    ctx.addIssue({
      code: 'custom',
      path: ['loss'],
      message: 'iris has 3 classes and bce takes two: use cross_entropy',
    });
  }
  const tooLarge = parametersProblem(specLayerSizes(mlp));
  if (tooLarge) ctx.addIssue({ code: 'custom', path: ['hidden'], message: tooLarge });
}

export const mlpProblemSchema = z
  .object({ dataset: datasetSchema, ...mlpFields })
  .strict()
  .superRefine(checkMlp);
export type MlpProblem = z.output<typeof mlpProblemSchema>;
/**
 * A network problem's CSV content apart from the rest, for the caches that key on a problem:
 * they compare or hash the content as it is, since its JSON would copy megabytes per request.
 */
export function separateCsvText(mlp: MlpProblem): { csvText?: string; rest: object } {
  if (!('csvText' in mlp.dataset)) return { rest: mlp };
  const { csvText, ...dataset } = mlp.dataset;
  return { csvText, rest: { ...mlp, dataset } };
}

/** A spec file's network, whose CSV may be a path. */
export const specMlpProblemSchema = z
  .object({ dataset: specDatasetSchema, ...mlpFields })
  .strict()
  .superRefine(checkMlp);
export type SpecMlpProblem = z.output<typeof specMlpProblemSchema>;

/** Initialization schemes; fan_in/fan_out of an [in, out] kernel as in Keras and PyTorch. */
export const INIT_SCHEMES = [
  'zeros',
  'constant',
  'normal',
  'uniform',
  'glorot_normal',
  'glorot_uniform',
  'he_normal',
  'he_uniform',
  'lecun_normal',
  'orthogonal',
] as const;
export type InitScheme = (typeof INIT_SCHEMES)[number];

/** Which scheme each optional field belongs to, and its default where it has one. */
const SCHEME_FIELDS = {
  std: { scheme: 'normal', default: 0.01 },
  limit: { scheme: 'uniform', default: undefined },
  value: { scheme: 'constant', default: undefined },
  gain: { scheme: 'orthogonal', default: 1 },
} as const;

/** The options a scheme fills in when they are left out, e.g. { std: 0.01 } for normal. */
export function initSchemeDefaults(scheme: InitScheme): Partial<Record<keyof typeof SCHEME_FIELDS, number>> {
  return Object.fromEntries(
    Object.entries(SCHEME_FIELDS).flatMap(([field, option]) =>
      option.scheme === scheme && option.default !== undefined ? [[field, option.default]] : [],
    ),
  );
}

export const initSpecSchema = z
  .object({
    scheme: z.enum(INIT_SCHEMES),
    seed: seedSchema,
    std: z.number().positive('must be above 0').finite().optional(),
    limit: z.number().positive('must be above 0').finite().optional(),
    value: z.number().finite().optional(),
    gain: z.number().positive('must be above 0').finite().optional(),
    bias: z.number().finite().default(0),
  })
  .strict()
  .superRefine((init, ctx) => {
    for (const [field, { scheme, default: fallback }] of Object.entries(SCHEME_FIELDS)) {
      const given = init[field as keyof typeof SCHEME_FIELDS] !== undefined;
      if (given && init.scheme !== scheme) {
        ctx.addIssue({ code: 'custom', path: [field], message: `applies only to the ${scheme} scheme` });
      }
      if (!given && init.scheme === scheme && fallback === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `is required for the ${scheme} scheme` });
      }
    }
  })
  .transform((init) => {
    const filled = { ...init };
    for (const [field, fallback] of Object.entries(initSchemeDefaults(init.scheme)))
      filled[field as 'std' | 'gain'] ??= fallback;
    return filled;
  });
export type InitSpec = z.output<typeof initSpecSchema>;
