import { z } from 'zod';

/**
 * Learning-rate schedules, each one of torch.optim.lr_scheduler's, stepped once per optimizer
 * step. A linear warm-up (torch LinearLR from `startFactor` × lr up to lr over `warmupSteps`)
 * may precede step, exponential and cosine; the pair then behaves like torch's SequentialLR with
 * a milestone at `warmupSteps`, so the decay starts from lr at the end of the warm-up.
 */

const steps = () => z.number().int('must be a whole number');
const warmup = {
  warmupSteps: steps().min(0, 'must be at least 0').default(0),
  // torch 1.13 divides by zero at startFactor 0 (2.x rejects it), so 0 is excluded.
  startFactor: z
    .number()
    .gt(0, 'must be greater than 0')
    .max(1, 'must be at most 1')
    .default(1 / 3),
};

const constant = z.object({ name: z.literal('constant') }).strict();

/** torch LinearLR(start_factor, end_factor 1, total_iters warmupSteps): a warm-up, then constant. */
const linearWarmup = z
  .object({ name: z.literal('warmup'), ...warmup, warmupSteps: steps().min(1, 'must be at least 1').default(5) })
  .strict();

/** A decay that a linear warm-up may precede (torch SequentialLR, as above). */
const afterWarmup = <Name extends string, Shape extends z.ZodRawShape>(name: Name, shape: Shape) =>
  z.object({ name: z.literal(name), ...shape, ...warmup }).strict();

/** torch StepLR: lr × gamma^⌊t / stepSize⌋. */
const step = afterWarmup('step', {
  stepSize: steps().min(1, 'must be at least 1'),
  gamma: z.number().gt(0, 'must be greater than 0').default(0.1),
});

/** torch ExponentialLR: lr × gamma^t. */
const exponential = afterWarmup('exponential', { gamma: z.number().gt(0, 'must be greater than 0') });

/** torch CosineAnnealingLR: from lr down to etaMin over tMax steps (and back up after, as torch). */
const cosine = afterWarmup('cosine', {
  tMax: steps().min(1, 'must be at least 1'),
  etaMin: z.number().min(0, 'must be at least 0').default(0),
});

export const SCHEDULE_NAMES = ['constant', 'warmup', 'step', 'exponential', 'cosine'] as const;

export const scheduleSpecSchema = z.discriminatedUnion('name', [constant, linearWarmup, step, exponential, cosine], {
  error: (issue) => (issue.code === 'invalid_union' ? `must be one of ${SCHEDULE_NAMES.join(', ')}` : undefined),
});

export type ScheduleSpecInput = z.input<typeof scheduleSpecSchema>;
export type ScheduleSpec = z.output<typeof scheduleSpecSchema>;
