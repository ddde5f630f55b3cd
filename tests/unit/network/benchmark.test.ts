import { expect, it } from 'vitest';
import { benchmarkNetworkTraining } from '../../../electron/engine/network/benchmark';

it.each([true, false])('measures training steps per second for both benchmark models (kernel: %s)', async (kernel) => {
  const figures = await benchmarkNetworkTraining({ seconds: 0.05, kernel });
  expect(figures.map((f) => f.name)).toEqual([
    '2-16-16-1 tanh bce, 1000 spiral points',
    '784-128-10 relu cross_entropy, 1000 random samples',
  ]);
  for (const figure of figures) {
    expect(figure.backend).toBe(kernel ? 'kernel' : 'wasm');
    expect(figure.steps).toBeGreaterThan(0);
    expect(figure.stepsPerSecond).toBeGreaterThan(0);
  }
});
