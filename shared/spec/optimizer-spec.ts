import { z } from 'zod';

/**
 * Optimizer specs: torch.optim's options and defaults (docs/formats.md "Optimizers"), names in
 * camelCase. Ranges follow torch's own checks, tightened where torch accepts a value that only
 * stalls, divides by zero or never forgets (lr 0, eps 0, a decay rate or momentum of 1 or more).
 */

export const OPTIMIZER_NAMES = [
  'sgd',
  'adagrad',
  'rmsprop',
  'adadelta',
  'adam',
  'adamw',
  'adamax',
  'nadam',
  'radam',
  'lion',
] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

const positive = () => z.number().gt(0, 'must be greater than 0');
const nonNegative = () => z.number().min(0, 'must be at least 0');
/** [0, 1): decay rates of running averages and momentum. */
const decay = () => nonNegative().lt(1, 'must be less than 1');
const betas = (beta1: number, beta2: number) => z.tuple([decay(), decay()]).default([beta1, beta2]);

const sgd = z
  .object({
    name: z.literal('sgd'),
    lr: positive().default(0.01),
    momentum: decay().default(0),
    dampening: nonNegative().max(1, 'must be at most 1').default(0),
    nesterov: z.boolean().default(false),
    weightDecay: nonNegative().default(0),
  })
  .strict()
  .superRefine((spec, ctx) => {
    // torch.optim.SGD raises "Nesterov momentum requires a momentum and zero dampening".
    if (spec.nesterov && (spec.momentum <= 0 || spec.dampening !== 0)) {
      ctx.addIssue({ code: 'custom', path: ['nesterov'], message: 'requires momentum > 0 and dampening 0' });
    }
  });

const adagrad = z
  .object({
    name: z.literal('adagrad'),
    lr: positive().default(0.01),
    lrDecay: nonNegative().default(0),
    weightDecay: nonNegative().default(0),
    initialAccumulatorValue: nonNegative().default(0),
    eps: positive().default(1e-10),
  })
  .strict();

const rmsprop = z
  .object({
    name: z.literal('rmsprop'),
    lr: positive().default(0.01),
    alpha: decay().default(0.99),
    eps: positive().default(1e-8),
    weightDecay: nonNegative().default(0),
    momentum: decay().default(0),
    centered: z.boolean().default(false),
  })
  .strict();

const adadelta = z
  .object({
    name: z.literal('adadelta'),
    lr: positive().default(1.0),
    rho: decay().default(0.9),
    eps: positive().default(1e-6),
    weightDecay: nonNegative().default(0),
  })
  .strict();

/** What Adam and its variants take alike, with torch's defaults but for lr, which differs. */
const adamLike = (lr: number) => ({
  lr: positive().default(lr),
  betas: betas(0.9, 0.999),
  eps: positive().default(1e-8),
});
const adamOptions = { ...adamLike(0.001), amsgrad: z.boolean().default(false) };
const adam = z.object({ name: z.literal('adam'), ...adamOptions, weightDecay: nonNegative().default(0) }).strict();
const adamw = z.object({ name: z.literal('adamw'), ...adamOptions, weightDecay: nonNegative().default(0.01) }).strict();
const adamax = z
  .object({ name: z.literal('adamax'), ...adamLike(0.002), weightDecay: nonNegative().default(0) })
  .strict();
const nadam = z
  .object({
    name: z.literal('nadam'),
    ...adamLike(0.002),
    weightDecay: nonNegative().default(0),
    momentumDecay: nonNegative().default(0.004),
  })
  .strict();
const radam = z
  .object({ name: z.literal('radam'), ...adamLike(0.001), weightDecay: nonNegative().default(0) })
  .strict();

/** Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"); not in torch core. */
const lion = z
  .object({
    name: z.literal('lion'),
    lr: positive().default(1e-4),
    betas: betas(0.9, 0.99),
    weightDecay: nonNegative().default(0),
  })
  .strict();

const OPTIONS = [sgd, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam, lion] as const;

export const optimizerSpecSchema = z.discriminatedUnion('name', OPTIONS, {
  error: (issue) => (issue.code === 'invalid_union' ? `must be one of ${OPTIMIZER_NAMES.join(', ')}` : undefined),
});

/** A spec as written: every option but `name` may be left out. */
export type OptimizerSpecInput = z.input<typeof optimizerSpecSchema>;
/** A parsed spec with every default filled in. */
export type OptimizerSpec = z.output<typeof optimizerSpecSchema>;

const LABELS: Record<OptimizerSpec['name'], string> = {
  sgd: 'SGD',
  adagrad: 'Adagrad',
  rmsprop: 'RMSprop',
  adadelta: 'Adadelta',
  adam: 'Adam',
  adamw: 'AdamW',
  adamax: 'Adamax',
  nadam: 'NAdam',
  radam: 'RAdam',
  lion: 'Lion',
};

/** A short label for legends, e.g. "Adam (lr 0.05)" or "SGD (lr 0.1, momentum 0.9, nesterov)". */
export function describeOptimizer(spec: OptimizerSpec): string {
  const parts = [`lr ${spec.lr}`];
  if ('momentum' in spec && spec.momentum > 0) parts.push(`momentum ${spec.momentum}`);
  if ('nesterov' in spec && spec.nesterov) parts.push('nesterov');
  if ('centered' in spec && spec.centered) parts.push('centered');
  if ('amsgrad' in spec && spec.amsgrad) parts.push('amsgrad');
  return `${LABELS[spec.name]} (${parts.join(', ')})`;
}
