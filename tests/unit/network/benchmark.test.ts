import { expect, it } from 'vitest';
import { benchmarkNetworkTraining, stepFlops } from '../../../electron/bench/network-benchmark';

it.each([true, false])(
  'measures training steps per second for both benchmark models (kernel: %s)',
  async (kernel) => {
    const figures = await benchmarkNetworkTraining({ seconds: 0.05, kernel });
    expect(figures.map((f) => f.name)).toEqual([
      '2-16-16-1 tanh bce, 1000 spiral points',
      '784-128-10 relu cross_entropy, 1000 random samples',
    ]);
    for (const figure of figures) {
      expect(figure.backend).toBe(kernel ? 'kernel' : 'wasm');
      expect(figure.steps).toBeGreaterThan(0);
      expect(figure.stepsPerSecond).toBeGreaterThan(0);
      expect(figure.flops).toBeGreaterThan(0);
    }
    // Building the 784-input model's data and first steps takes seconds on a loaded shared machine.
  },
  60_000,
);

it('counts a step’s matrix FLOPs: forward, kernel gradients, and the gradient passed below the first layer', () => {
  // 2-16-16-1 on 1,000 rows: Σ in·out = 32 + 256 + 16, of which 272 above the first layer.
  expect(stepFlops([2, 16, 16, 1], 1000)).toBe(2 * 1000 * (2 * 304 + 272));
});
