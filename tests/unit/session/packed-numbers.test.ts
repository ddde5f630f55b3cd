import { describe, expect, it } from 'vitest';
import { packNumbers, unpackNumbers } from '../../../shared/packed-numbers';

/** Node's own base64 of the little-endian bytes: the reference the hand-written encoder must match. */
const nodeBase64 = (values: Float32Array | Float64Array): string =>
  Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');

describe('packed numbers', () => {
  it('packs float32-exact values as f32 and the rest as f64, in base64 Node agrees with', () => {
    const float32 = Float32Array.from([0.1, -2.5, 3e-30, 1e30]);
    expect(packNumbers(Float64Array.from(float32))).toBe(`f32:${nodeBase64(float32)}`);
    const float64 = Float64Array.from([0.1, -2.5, 1e300]);
    expect(packNumbers(float64)).toBe(`f64:${nodeBase64(float64)}`);
    expect(packNumbers([])).toBe('f32:');
    // Every padding case: 0, 1 and 2 bytes left over after whole 3-byte groups.
    for (let length = 1; length <= 6; length++) {
      const values = Float64Array.from({ length }, (_, i) => Math.PI * (i + 1));
      expect(packNumbers(values)).toBe(`f64:${nodeBase64(values)}`);
    }
  });

  it('gives back every value exactly, NaN, infinities and -0 included', () => {
    const values = [
      0,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.MIN_VALUE,
      -Number.MAX_VALUE,
      1 / 3,
      Math.fround(1 / 3),
    ];
    for (const subset of [values, values.slice(2, 5), [Math.fround(0.7), Number.NaN]]) {
      const unpacked = Array.from(unpackNumbers(packNumbers(subset)));
      unpacked.forEach((value, i) => expect(Object.is(value, subset[i])).toBe(true));
      expect(unpacked).toHaveLength(subset.length);
    }
  });

  it('refuses text that is not packed numbers, saying why', () => {
    expect(() => unpackNumbers('[1, 2]')).toThrow(/must be packed numbers: "f64:" or "f32:"/);
    expect(() => unpackNumbers('f16:AAAA')).toThrow(/must be packed numbers/);
    expect(() => unpackNumbers('f64:AAA')).toThrow(/base64 of a wrong length/);
    expect(() => unpackNumbers('f64:AAAA')).toThrow(/holds 3 bytes, not a whole number of 8-byte values/);
    expect(() => unpackNumbers('f32:AA$A')).toThrow(/must be packed numbers/);
  });
});
