import { describe, expect, it } from 'vitest';
import { KernelMemory, type KernelBuild } from '../../../electron/engine/kernel/mlp-kernel';

/** The kernel's four-lane transcendentals (assembly/math.ts) on `inputs`, through its test export, in one build. */
function kernelMath(build: KernelBuild, fn: number, inputs: number[]): Float32Array {
  const memory = new KernelMemory(build);
  const count = Math.ceil(inputs.length / 4) * 4;
  const at = memory.allocate(count);
  memory.floats(at, inputs.length).set(inputs);
  memory.kernel.mapMath(at, count, fn);
  return memory.floats(at, inputs.length).slice();
}

const bits = new Int32Array(1);
const asFloat = new Float32Array(bits.buffer);
/** A float32's position on the number line of float32s (monotonic, +0 and -0 both 0). */
function ordinal(x: number): number {
  asFloat[0] = x;
  return bits[0]! < 0 ? -(bits[0]! & 0x7fffffff) : bits[0]!;
}
/** Float32 steps between `got` and the float64 value rounded to float32. */
function ulps(got: number, exact: number): number {
  const rounded = Math.fround(exact);
  if (Number.isNaN(rounded) || Number.isNaN(got)) return Number.isNaN(rounded) === Number.isNaN(got) ? 0 : Infinity;
  if (!Number.isFinite(rounded) || !Number.isFinite(got)) return got === rounded ? 0 : Infinity;
  return Math.abs(ordinal(got) - ordinal(rounded));
}

/** `count` float32s spread evenly over [from, to], then the extremes and specials given. */
function sweep(from: number, to: number, count: number, extra: number[]): number[] {
  const values = Array.from({ length: count }, (_, i) => Math.fround(from + ((to - from) * i) / (count - 1)));
  return [...values, ...extra.map(Math.fround)];
}

/** float32s spread over many binades, logarithmically, from the smallest denormal to the largest float. */
function binades(count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.fround(2 ** (-149 + (277 * i) / (count - 1))));
}

const MAX_FLOAT = 3.4028234663852886e38;
const DENORMAL = 2 ** -149;
const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

// Measured worst cases over these sweeps: exp 1 ulp, log 1, log1p 2, sigmoid 2, tanh 1; the rough tanh 5 (in both builds).
describe.each(['fused', 'plain'] as const)(
  'the %s kernel’s float32 transcendentals agree with float64 to float32 rounding',
  (build) => {
    const cases = [
      {
        name: 'exp',
        fn: 0,
        exact: Math.exp,
        inputs: sweep(-104, 89, 20001, [
          0,
          -0,
          88.72283,
          88.7229,
          -87.33654,
          -103.27893,
          -103.972,
          -104,
          1e-30,
          -1e-30,
          MAX_FLOAT,
          -MAX_FLOAT,
          Infinity,
          -Infinity,
          NaN,
        ]),
        limit: 1,
      },
      {
        name: 'log',
        fn: 1,
        exact: Math.log,
        inputs: [
          ...binades(20001),
          ...sweep(0.5, 2, 2001, [0, -0, 1, DENORMAL, 1.1754942e-38, MAX_FLOAT, Infinity, -1, -Infinity, NaN]),
        ],
        limit: 1,
      },
      {
        name: 'log1p',
        fn: 2,
        exact: Math.log1p,
        inputs: [...binades(20001), ...sweep(0, 4, 2001, [0, 1e-8, 6e-8, 1.2e-7, MAX_FLOAT, Infinity])],
        limit: 2,
      },
      {
        name: 'sigmoid',
        fn: 3,
        exact: sigmoid,
        inputs: sweep(-110, 110, 20001, [
          0,
          -0,
          1e-30,
          -1e-30,
          -87.5,
          -103,
          -150,
          MAX_FLOAT,
          -MAX_FLOAT,
          Infinity,
          -Infinity,
          NaN,
        ]),
        limit: 2,
      },
      {
        name: 'rough tanh (grids)',
        fn: 5,
        exact: Math.tanh,
        inputs: [
          ...sweep(-12, 12, 20001, [0, 7.9, -7.9, 9.01, MAX_FLOAT, -MAX_FLOAT, Infinity, -Infinity]),
          ...binades(2001),
        ],
        limit: 5,
      },
      {
        name: 'tanh',
        fn: 4,
        exact: Math.tanh,
        inputs: [
          ...sweep(-12, 12, 20001, [
            0,
            -0,
            0.625,
            -0.625,
            0.62499994,
            9.01,
            -9.01,
            MAX_FLOAT,
            -MAX_FLOAT,
            Infinity,
            -Infinity,
            NaN,
          ]),
          ...binades(2001),
          ...binades(2001).map((x) => -x),
        ],
        limit: 1,
      },
    ];
    it.each(cases)('$name within $limit ulp', ({ fn, exact, inputs, limit }) => {
      const got = kernelMath(build, fn, inputs);
      let worst = 0;
      let worstAt = 0;
      inputs.forEach((x, i) => {
        const error = ulps(got[i]!, exact(x));
        if (error > worst) [worst, worstAt] = [error, x];
      });
      expect(worst, `worst at x = ${worstAt}`).toBeLessThanOrEqual(limit);
    });

    it('keep zeros signed and exact where the function is exact', () => {
      expect([...kernelMath(build, 4, [0, -0, 0, 0])].map(Object.is.bind(null, -0))).toEqual([
        false,
        true,
        false,
        false,
      ]);
      expect([...kernelMath(build, 0, [0, -Infinity, 1, 0])]).toEqual([1, 0, Math.fround(Math.E), 1]);
      expect([...kernelMath(build, 1, [1, 0, -0, 1])]).toEqual([0, -Infinity, -Infinity, 0]);
    });
  },
);
