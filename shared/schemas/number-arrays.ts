import { z } from 'zod';
import { formatLimit, MAX_PARAMETERS } from '../limits';
import { unpackNumbers } from '../packed-numbers';

/**
 * How a wire shape carries its number arrays (docs/formats.md): each shape in shared/schemas/
 * is written once against a codec, and each format chooses its own. `numbers` reads any array,
 * `finite` one that must hold only finite numbers.
 */
export interface ArrayCodec<Numbers extends z.ZodType = z.ZodType> {
  numbers: Numbers;
  finite: Numbers;
}

const float64Array = z.custom<Float64Array>((value) => value instanceof Float64Array, 'must be a Float64Array');

/**
 * Protocol messages: Float64Arrays, transferred without copying. The engine computes them, so a
 * message's arrays are not scanned again for finiteness on the way.
 */
export const messageArrays: ArrayCodec<typeof float64Array> = { numbers: float64Array, finite: float64Array };

/**
 * Session files: packed text (shared/packed-numbers.ts), or a plain list in which null stands
 * for a value that is not finite (JSON has no NaN or ±Infinity; JSON.stringify writes null).
 */
const sessionNumbers = z.unknown().transform((value, ctx): Float64Array => {
  let values: Float64Array;
  if (typeof value === 'string') {
    try {
      values = unpackNumbers(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  } else if (Array.isArray(value) && value.every((item) => typeof item === 'number' || item === null)) {
    values = Float64Array.from(value, (item: number | null) => item ?? Number.NaN);
  } else {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a list of numbers (null where not finite) or packed numbers ("f64:…")',
    });
    return z.NEVER;
  }
  // The longest a session holds is a checkpoint: one network's parameters.
  if (values.length > MAX_PARAMETERS) {
    ctx.addIssue({
      code: 'custom',
      message: `holds ${formatLimit(values.length)} numbers; the limit is ${formatLimit(MAX_PARAMETERS)}`,
    });
    return z.NEVER;
  }
  return values;
});
export const sessionArrays: ArrayCodec<typeof sessionNumbers> = {
  numbers: sessionNumbers,
  finite: sessionNumbers.refine((values) => values.every(Number.isFinite), 'must hold only finite numbers'),
};

/** Run files: plain JSON number lists. */
const plainNumbers = z.array(z.number());
export const plainArrays: ArrayCodec<typeof plainNumbers> = { numbers: plainNumbers, finite: plainNumbers };
