import { z } from 'zod';
import { CRITICAL_POINT_TYPES, type CriticalPointType } from '../events';
import { MAX_SESSION_CHECKPOINTS } from '../limits';
import { checkedObject, checker } from './check';
import { sessionArrays, type ArrayCodec } from './number-arrays';

/**
 * Networks: a run's checkpoints (docs/formats.md) in one layout — `steps`, increasing whole
 * numbers (the first the initial point, the last the final step), and `params`, one parameter
 * vector per step, one after another. A session file lists the vectors one by one: reading it
 * joins them (sessionCheckpointsSchema) and writing splits them (splitCheckpoints), so only
 * the file sees its layout.
 */

export interface Checkpoints<Numbers = Float64Array> {
  params: Numbers;
  steps: Numbers;
  curvature?: CheckpointCurvature<Numbers>;
}

/**
 * The Hessian's extreme eigenvalues at some of the checkpoints (the last among them), as Lanczos
 * estimates them: `eigenvalues` holds [smallest, largest] per step, and `kinds` what they make of
 * the point (a minimum, a saddle, or degenerate: flat along some direction).
 */
export interface CheckpointCurvature<Numbers = Float64Array> {
  steps: Numbers;
  eigenvalues: Numbers;
  kinds: CriticalPointType[];
}

export function checkpointCurvatureSchema<Numbers extends z.ZodType<ArrayLike<number>>>(codec: ArrayCodec<Numbers>) {
  return z
    .object({ steps: codec.finite, eigenvalues: codec.finite, kinds: z.array(z.enum(CRITICAL_POINT_TYPES)) })
    .strict()
    .refine((c) => {
      // The codec leaves the arrays' type generic here; these are the lengths checked.
      const { steps, eigenvalues, kinds } = c as CheckpointCurvature<ArrayLike<number>>;
      return eigenvalues.length === 2 * steps.length && kinds.length === steps.length;
    }, 'must hold two eigenvalues and a kind per step');
}

/** What is wrong with a run's checkpoint steps, if anything: they are increasing whole numbers, at least one. */
export function checkpointStepsProblem(steps: ArrayLike<number>): string | null {
  if (!steps.length) return 'needs at least one checkpoint';
  const increasing = Array.prototype.every.call(
    steps,
    (step: number, i: number) => Number.isInteger(step) && step >= 0 && (i === 0 || step > steps[i - 1]!),
  );
  return increasing ? null : 'must be increasing whole numbers';
}

/** Parameter vectors of one length one after another, as `params` holds them. */
export function joinVectors(vectors: readonly ArrayLike<number>[]): Float64Array {
  const size = vectors[0]?.length ?? 0;
  const joined = new Float64Array(vectors.length * size);
  vectors.forEach((vector, k) => joined.set(vector, k * size));
  return joined;
}

/** Checkpoints as a session file lists them: one vector per step (views of `params`). */
export function splitCheckpoints({ params, steps, curvature }: Checkpoints): {
  steps: Float64Array;
  params: Float64Array[];
  curvature?: CheckpointCurvature;
} {
  const size = params.length / steps.length;
  return {
    steps,
    params: Array.from(steps, (_, k) => params.subarray(k * size, (k + 1) * size)),
    ...(curvature ? { curvature } : {}),
  };
}

/** The checkpoints as protocol messages (and the engine) carry them. */
export function checkpointsSchema<
  Numbers extends z.ZodType<ArrayLike<number>>,
  Head extends z.ZodRawShape = Record<never, never>,
>(codec: ArrayCodec<Numbers>, head = {} as Head) {
  return checkedObject(
    head,
    { params: codec.finite, steps: codec.finite, curvature: checkpointCurvatureSchema(codec).optional() },
    checkJoined,
  );
}

function checkJoined({ params, steps }: Checkpoints<ArrayLike<number>>, ctx: z.RefinementCtx): void {
  const check = checker(ctx);
  const stepsProblem = checkpointStepsProblem(steps);
  if (stepsProblem) check(['steps'], stepsProblem);
  else if (params.length === 0 || params.length % steps.length !== 0) {
    check(['params'], `must hold one parameter vector per step (${steps.length}), all of one length`);
  }
}

/** A session file's checkpoints: the same, with `params` a list of vectors, each checked where it stands. */
export const sessionCheckpointsSchema = z
  .object({
    steps: sessionArrays.finite,
    params: z
      .array(sessionArrays.finite)
      .max(MAX_SESSION_CHECKPOINTS, `may hold at most ${MAX_SESSION_CHECKPOINTS} checkpoints`),
    curvature: checkpointCurvatureSchema(sessionArrays).optional(),
  })
  .strict()
  .superRefine(({ steps, params }, ctx) => {
    const check = checker(ctx);
    const stepsProblem = checkpointStepsProblem(steps);
    if (stepsProblem) check(['steps'], stepsProblem);
    if (params.length !== steps.length)
      check(['params'], `must hold one parameter vector per checkpoint step (${steps.length})`);
    const size = params[0]?.length;
    if (size === 0) check(['params', 0], 'is empty: it must hold the network’s parameters');
    params.forEach((vector, k) => {
      if (vector.length !== size)
        check(
          ['params', k],
          `holds ${vector.length} values, the first checkpoint ${size}: each is the network’s parameter vector`,
        );
    });
  })
  .transform(({ steps, params, curvature }) => ({
    steps,
    params: joinVectors(params),
    ...(curvature ? { curvature } : {}),
  }));
