import { z } from 'zod';

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
    samples: z.number().int('must be a whole number').min(4, 'must be at least 4').max(100_000, 'must be at most 100000').default(200),
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

/** A user CSV: header row, numeric columns; `target` names the column to predict. */
const csvDatasetSchema = z
  .object({
    csv: z.string(missing('is required: the path of the CSV file')).min(1, 'is empty'),
    target: z.string(missing('is required: the name of the column to predict')).min(1, 'is empty'),
    seed: seedSchema.default(0),
  })
  .strict();

const isObjectWith = (value: unknown, key: string): boolean =>
  value !== null && typeof value === 'object' && key in value;

/** A named dataset or a CSV file, chosen by the "csv" key so errors speak of that kind only. */
export const datasetSpecSchema = z.unknown().transform((value, ctx): DatasetSpec => {
  const schema = isObjectWith(value, 'csv') ? csvDatasetSchema : namedDatasetSchema;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
  return z.NEVER;
});

export type GeneratedDatasetSpec = z.output<typeof generatedDatasetSchema>;
export type IrisDatasetSpec = z.output<typeof irisDatasetSchema>;
export type CsvDatasetSpec = z.output<typeof csvDatasetSchema>;
export type DatasetSpec = GeneratedDatasetSpec | IrisDatasetSpec | CsvDatasetSpec;

export const ACTIVATIONS = ['relu', 'leaky_relu', 'tanh', 'sigmoid', 'gelu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
export const LOSSES = ['bce', 'cross_entropy', 'mse'] as const;
export type LossName = (typeof LOSSES)[number];

export const mlpProblemSchema = z
  .object({
    dataset: datasetSpecSchema,
    hidden: z
      .array(
        z.number().int('must be a whole number').min(1, 'must be at least 1').max(4096, 'must be at most 4096'),
        missing('is required: the sizes of the hidden layers, e.g. [16, 16]'),
      )
      .max(32, 'may have at most 32 hidden layers'),
    activation: z.enum(ACTIVATIONS, missing(`is required: one of ${ACTIVATIONS.join(', ')}`)),
    loss: z.enum(LOSSES, missing(`is required: one of ${LOSSES.join(', ')}`)),
    testFraction: z.number().min(0, 'must be at least 0').max(0.9, 'must be at most 0.9').default(0),
  })
  .strict()
  .superRefine((mlp, ctx) => {
    const name = 'name' in mlp.dataset ? mlp.dataset.name : undefined;
    if (name === 'sine' && mlp.loss !== 'mse') {
      ctx.addIssue({ code: 'custom', path: ['loss'], message: 'sine is a regression dataset: use mse' });
    }
    if (name === 'iris' && mlp.loss === 'bce') {
      ctx.addIssue({ code: 'custom', path: ['loss'], message: 'iris has 3 classes and bce takes two: use cross_entropy' });
    }
  });
export type MlpProblem = z.output<typeof mlpProblemSchema>;

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
    Object.entries(SCHEME_FIELDS).flatMap(([field, option]) => (option.scheme === scheme && option.default !== undefined ? [[field, option.default]] : [])),
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
    for (const [field, fallback] of Object.entries(initSchemeDefaults(init.scheme))) filled[field as 'std' | 'gain'] ??= fallback;
    return filled;
  });
export type InitSpec = z.output<typeof initSpecSchema>;
