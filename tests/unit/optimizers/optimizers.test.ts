import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../electron/engine/optimizers';
import { OPTIMIZER_NAMES, optimizerSpecSchema } from '../../../shared/spec/optimizer-spec';

/** Gradient of the quadratic sum of (p_i - i)^2 / 2 over n parameters. */
function gradient(params: ArrayLike<number>, out: Float64Array | Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = params[i]! - i;
}

describe('optimizers over flat vectors', () => {
  it.each(OPTIMIZER_NAMES.map((name) => [name]))('%s runs on Float32Array parameters as on Float64Array', (name) => {
    // Networks keep float32 parameters; the state and arithmetic stay float64, so the two runs
    // differ only by float32 rounding of the stored parameters.
    const spec = optimizerSpecSchema.parse({ name, lr: name === 'adadelta' ? 1 : 0.01, weightDecay: 0.01 });
    const n = 5;
    const wide = createOptimizer(spec, n);
    const narrow = createOptimizer(spec, n);
    const p64 = Float64Array.from({ length: n }, (_, i) => 0.3 * i - 1);
    const p32 = Float32Array.from(p64);
    const g64 = new Float64Array(n);
    const g32 = new Float32Array(n);
    for (let k = 0; k < 50; k++) {
      gradient(p64, g64);
      gradient(p32, g32);
      wide.step(p64, g64, spec.lr);
      narrow.step(p32, g32, spec.lr);
    }
    for (let i = 0; i < n; i++) expect(p32[i]).toBeCloseTo(p64[i]!, 5);
    expect(p64.some((value, i) => value !== 0.3 * i - 1)).toBe(true);
  });

  it('keeps separate state per optimizer and per coordinate', () => {
    const spec = optimizerSpecSchema.parse({ name: 'adam', lr: 0.1 });
    const a = createOptimizer(spec, 2);
    const b = createOptimizer(spec, 2);
    const pa = Float64Array.of(1, 1);
    const pb = Float64Array.of(1, 1);
    a.step(pa, Float64Array.of(1, -4), 0.1);
    a.step(pa, Float64Array.of(1, -4), 0.1);
    b.step(pb, Float64Array.of(1, -4), 0.1);
    // Adam's first step moves each coordinate by lr against the sign of its gradient.
    expect(pb[0]).toBeCloseTo(0.9, 7);
    expect(pb[1]).toBeCloseTo(1.1, 7);
    expect(pa[0]).toBeCloseTo(0.8, 7);
  });

  it('uses the lr it is given at each step', () => {
    const spec = optimizerSpecSchema.parse({ name: 'sgd' });
    const optimizer = createOptimizer(spec, 1);
    const p = Float64Array.of(0);
    optimizer.step(p, Float64Array.of(1), 0.5);
    optimizer.step(p, Float64Array.of(1), 0.25);
    expect(p[0]).toBe(-0.75);
  });
});
