import { z } from 'zod';
import type { ArrayCodec } from './number-arrays';
import { checkedObject, checker } from './check';

/** Networks: the rows a run trains (and tests) on (docs/formats.md), in a `data` message or a session file's run. */
export function networkDataSchema<
  Numbers extends z.ZodType<ArrayLike<number>>,
  Head extends z.ZodRawShape = Record<never, never>,
>(codec: ArrayCodec<Numbers>, head = {} as Head) {
  return checkedObject(
    head,
    {
      /** What trains it: the WASM SIMD kernel, or tfjs on wasm (cpu where WASM could not start). */
      backend: z.enum(['kernel', 'wasm', 'cpu']),
      features: z.number().int().min(1),
      /** Row-major [rows, features]. */
      x: codec.finite,
      y: codec.finite,
      test: z.object({ x: codec.finite, y: codec.finite }).strict().optional(),
    },
    checkNetworkData,
  );
}

interface Rows {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}
interface NetworkDataArrays extends Rows {
  features: number;
  test?: Rows;
}

function checkNetworkData({ features, x, y, test }: NetworkDataArrays, ctx: z.RefinementCtx): void {
  const check = checker(ctx);
  if (x.length !== y.length * features)
    check(['x'], `must hold ${features} values (features) per row of y (${y.length * features})`);
  if (test && test.x.length !== test.y.length * features)
    check(['test', 'x'], `must hold ${features} values (features) per row of test.y`);
}
