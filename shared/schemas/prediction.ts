import { z } from 'zod';
import type { ArrayCodec } from './number-arrays';
import { checkedObject, checker } from './check';

/**
 * Networks with 1 or 2 inputs: what the model predicts over the data's box at one step (drawn as
 * a boundary or a curve), in a `prediction` message or a session file's run.
 */
export function predictionSchema<
  Numbers extends z.ZodType<ArrayLike<number>>,
  Head extends z.ZodRawShape = Record<never, never>,
>(codec: ArrayCodec<Numbers>, head = {} as Head) {
  return checkedObject(
    head,
    {
      step: z.number().int().min(0),
      x: codec.finite,
      y: codec.finite.optional(),
      /** Values per lattice point: 1 (probability of class 1, or the regression value) or one per class. */
      outputs: z.number().int().min(1),
      /** Row-major, y outer: values[(j * x.length + i) * outputs + o]; not finite where the network diverged. */
      values: codec.numbers,
    },
    checkPrediction,
  );
}

interface PredictionArrays {
  x: ArrayLike<number>;
  y?: ArrayLike<number>;
  outputs: number;
  values: ArrayLike<number>;
}

function checkPrediction({ x, y, outputs, values }: PredictionArrays, ctx: z.RefinementCtx): void {
  const expected = x.length * (y?.length ?? 1) * outputs;
  if (values.length !== expected) checker(ctx)(['values'], `must hold outputs per lattice point (${expected})`);
}
