import { describe, expect, it } from 'vitest';
import { clipGradientNorm, createGradientNoise } from '../../../electron/engine/optimizers/gradient-transforms';
import { relativeError } from '../../support/relative-error';
import { fixture } from './fixture';

describe('clipGradientNorm matches torch.nn.utils.clip_grad_norm_', () => {
  it.each(fixture.clip.map((c) => [`${JSON.stringify(c.grad)} to ${c.maxNorm}`, c] as const))('%s', (_, c) => {
    const grad = Float64Array.from(c.grad);
    const norm = clipGradientNorm(grad, c.maxNorm);
    // Same operations as torch; only the summation order of the norm may differ.
    expect(relativeError(norm, c.norm)).toBeLessThan(1e-15);
    grad.forEach((value, i) => expect(relativeError(value, c.clipped[i]!)).toBeLessThan(1e-15));
  });

  it('leaves a short gradient alone and returns its norm', () => {
    const grad = Float32Array.of(0.3, 0.4);
    expect(clipGradientNorm(grad, 1)).toBeCloseTo(0.5, 7);
    expect([...grad]).toEqual([Math.fround(0.3), Math.fround(0.4)]);
  });
});

describe('gradient noise', () => {
  const samples = (std: number, seed: number, n: number): Float64Array => {
    const grad = new Float64Array(n).fill(1);
    createGradientNoise(std, seed)(grad);
    return grad.map((g) => g - 1);
  };

  it('is reproducible by seed', () => {
    expect(samples(0.5, 7, 100)).toEqual(samples(0.5, 7, 100));
    expect(samples(0.5, 8, 100)).not.toEqual(samples(0.5, 7, 100));
    const noise = createGradientNoise(0.5, 7);
    const first = new Float64Array(3);
    const second = new Float64Array(3);
    noise(first);
    noise(second);
    expect(second).not.toEqual(first);
  });

  it('is centred with the given standard deviation', () => {
    // n = 200 000 samples: the sample std's relative error has sd 1/sqrt(2n) = 0.0016 and the
    // mean's sd is std/sqrt(n) = 0.0067·std, so 1.5% and 0.02·std are over 6 sigma, for any seed.
    const n = 200_000;
    const std = 2.5;
    for (const seed of [1, 2]) {
      const noise = samples(std, seed, n);
      const mean = noise.reduce((a, b) => a + b, 0) / n;
      const sampleStd = Math.sqrt(noise.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      expect(Math.abs(mean)).toBeLessThan(0.02 * std);
      expect(Math.abs(sampleStd / std - 1)).toBeLessThan(0.015);
    }
  });
});
