import { describe, expect, it } from 'vitest';
import { initSpecSchema } from '../../../shared/spec/network-spec';
import { initializeParams } from '../../../electron/engine/network/initializers';
import { denseLayerSlices } from '../../../electron/engine/network/param-layout';

const FAN_IN = 400;
const FAN_OUT = 300;
const N = FAN_IN * FAN_OUT;

/** The kernel and bias of one [FAN_IN, FAN_OUT] layer. */
function layer(
  init: Record<string, unknown>,
  fanIn = FAN_IN,
  fanOut = FAN_OUT,
): { kernel: Float32Array; bias: Float32Array } {
  const params = initializeParams([fanIn, fanOut], initSpecSchema.parse(init));
  const [slice] = denseLayerSlices([fanIn, fanOut]);
  return { kernel: params.subarray(0, slice!.biasOffset), bias: params.subarray(slice!.biasOffset) };
}

function moments(values: Float32Array): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, variance: squares / values.length };
}

/**
 * With n = 120,000 draws the sample variance's relative standard error is sqrt(2/n) = 0.41 %
 * for a normal and sqrt(0.8/n) = 0.26 % for a uniform, and the mean's is 1/sqrt(n) = 0.29 % of
 * the standard deviation. The tolerances are 8 standard errors: the seeds are fixed anyway, but
 * they would hold for any seed.
 */
const VARIANCE_TOLERANCE = 8 * Math.sqrt(2 / N);
const MEAN_TOLERANCE = 8 / Math.sqrt(N);

describe('variance-scaling initializers', () => {
  const cases: [string, Record<string, unknown>, number][] = [
    ['he_normal: 2 / fan_in', { scheme: 'he_normal' }, 2 / FAN_IN],
    ['he_uniform: 2 / fan_in', { scheme: 'he_uniform' }, 2 / FAN_IN],
    ['glorot_normal: 2 / (fan_in + fan_out)', { scheme: 'glorot_normal' }, 2 / (FAN_IN + FAN_OUT)],
    ['glorot_uniform: 2 / (fan_in + fan_out)', { scheme: 'glorot_uniform' }, 2 / (FAN_IN + FAN_OUT)],
    ['lecun_normal: 1 / fan_in', { scheme: 'lecun_normal' }, 1 / FAN_IN],
    ['normal: std²', { scheme: 'normal', std: 0.05 }, 0.05 ** 2],
    ['uniform: limit² / 3', { scheme: 'uniform', limit: 0.2 }, 0.2 ** 2 / 3],
  ];
  it.each(cases)('%s', (_, init, variance) => {
    const { kernel, bias } = layer({ ...init, seed: 3 });
    const stats = moments(kernel);
    expect(Math.abs(stats.variance / variance - 1)).toBeLessThan(VARIANCE_TOLERANCE);
    expect(Math.abs(stats.mean) / Math.sqrt(variance)).toBeLessThan(MEAN_TOLERANCE);
    expect([...bias].every((b) => b === 0)).toBe(true);
  });

  it.each([
    ['glorot_uniform', {}, Math.sqrt(6 / (FAN_IN + FAN_OUT))],
    ['he_uniform', {}, Math.sqrt(6 / FAN_IN)],
    ['uniform', { limit: 0.2 }, 0.2],
  ] as const)('%s stays inside its limit and reaches near it', (scheme, extra, limit) => {
    const { kernel } = layer({ scheme, seed: 4, ...extra });
    const largest = Math.max(...kernel.map(Math.abs));
    expect(largest).toBeLessThanOrEqual(Math.fround(limit));
    expect(largest).toBeGreaterThan(0.999 * limit);
  });
});

describe('orthogonal', () => {
  /** Largest |(MᵀM or MMᵀ) - gain² I| entry, computed in float64. */
  function gramError(kernel: Float32Array, rows: number, cols: number, gain: number, side: 'columns' | 'rows'): number {
    const n = side === 'columns' ? cols : rows;
    const length = side === 'columns' ? rows : cols;
    const at = (vector: number, k: number) =>
      side === 'columns' ? kernel[k * cols + vector]! : kernel[vector * cols + k]!;
    let worst = 0;
    for (let a = 0; a < n; a++) {
      for (let b = a; b < n; b++) {
        let dot = 0;
        for (let k = 0; k < length; k++) dot += at(a, k) * at(b, k);
        worst = Math.max(worst, Math.abs(dot - (a === b ? gain * gain : 0)));
      }
    }
    return worst;
  }

  it('gives orthonormal columns (WᵀW = I) for a tall kernel', () => {
    const { kernel } = layer({ scheme: 'orthogonal', seed: 5 }, 64, 32);
    expect(gramError(kernel, 64, 32, 1, 'columns')).toBeLessThan(1e-5);
  });

  it('gives orthonormal rows (WWᵀ = I) for a wide kernel, and a square one is orthogonal both ways', () => {
    const wide = layer({ scheme: 'orthogonal', seed: 6 }, 16, 48).kernel;
    expect(gramError(wide, 16, 48, 1, 'rows')).toBeLessThan(1e-5);
    const square = layer({ scheme: 'orthogonal', seed: 7 }, 40, 40).kernel;
    expect(gramError(square, 40, 40, 1, 'columns')).toBeLessThan(1e-5);
    expect(gramError(square, 40, 40, 1, 'rows')).toBeLessThan(1e-5);
  });

  it('scales by the gain', () => {
    const { kernel } = layer({ scheme: 'orthogonal', seed: 5, gain: 2.5 }, 64, 32);
    expect(gramError(kernel, 64, 32, 2.5, 'columns')).toBeLessThan(1e-4);
  });
});

describe('constant schemes and biases', () => {
  it('zeros: every parameter 0; constant: every kernel entry the value', () => {
    const zeros = initializeParams([3, 5, 2], initSpecSchema.parse({ scheme: 'zeros', seed: 0 }));
    expect([...zeros].every((v) => v === 0)).toBe(true);
    const constant = layer({ scheme: 'constant', value: 0.25, seed: 0 }, 3, 5);
    expect([...constant.kernel].every((v) => v === 0.25)).toBe(true);
    expect([...constant.bias].every((v) => v === 0)).toBe(true);
  });

  it('sets every bias to `bias`', () => {
    const params = initializeParams([3, 5, 2], initSpecSchema.parse({ scheme: 'he_normal', seed: 0, bias: 0.1 }));
    for (const { biasOffset, end } of denseLayerSlices([3, 5, 2])) {
      expect([...params.subarray(biasOffset, end)]).toEqual(new Array(end - biasOffset).fill(Math.fround(0.1)));
    }
  });
});

describe('reproducibility', () => {
  it.each(['normal', 'glorot_uniform', 'he_normal', 'orthogonal'])(
    '%s: the same seed gives the same parameters, another seed others',
    (scheme) => {
      const init = (seed: number) =>
        initializeParams(
          [7, 9, 3],
          initSpecSchema.parse({ scheme, seed, ...(scheme === 'normal' ? { std: 0.1 } : {}) }),
        );
      expect(init(11)).toEqual(init(11));
      expect(init(12)).not.toEqual(init(11));
    },
  );
});
