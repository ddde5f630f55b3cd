import { expect, it } from 'vitest';
import { openNetworkBenchmarks, stepFlops } from '../../../electron/bench/network-benchmark';
import { measureFlopRates } from '../../../electron/bench/flop-rates';
import { KernelMemory } from '../../../electron/engine/kernel/mlp-kernel';
import { useTensorBackend } from '../../../electron/engine/network/tensor-backend';

it.each([true, false])(
  'times training steps per second of both benchmark models in rounds (kernel: %s)',
  async (kernel) => {
    const benchmarks = await openNetworkBenchmarks({ kernel });
    try {
      expect(benchmarks.map((b) => b.name)).toEqual([
        '2-16-16-1 tanh bce, 1000 spiral points',
        '784-128-10 relu cross_entropy, 1000 random samples',
      ]);
      for (const benchmark of benchmarks) {
        expect(benchmark.backend).toBe(kernel ? 'kernel' : 'wasm');
        expect(benchmark.flops).toBeGreaterThan(0);
        // A second round carries the same run on.
        for (let round = 0; round < 2; round++) expect(await benchmark.round(0.05)).toBeGreaterThan(0);
      }
    } finally {
      for (const benchmark of benchmarks) benchmark.dispose();
    }
    // Building the 784-input model's data and first steps takes seconds on a loaded shared machine.
  },
  60_000,
);

it('counts a step’s matrix FLOPs: forward, kernel gradients, and the gradient passed below the first layer', () => {
  // 2-16-16-1 on 1,000 rows: Σ in·out = 32 + 256 + 16, of which 272 above the first layer.
  expect(stepFlops([2, 16, 16, 1], 1000)).toBe(2 * 1000 * (2 * 304 + 272));
});

it('measures the rates the floors are in: the kernel’s multiply-add peak runs its twelve chains, and tfjs’s matMul', async () => {
  const { kernel } = new KernelMemory();
  // Twelve chains start at 1 … 12 on four lanes (312 in all); a ← 0.999·a + 0.001 takes each to 1 (to float32 rounding).
  expect(kernel.multiplyAddPeak(0)).toBe(312);
  expect(kernel.multiplyAddPeak(100_000)).toBeCloseTo(48, 1);
  await useTensorBackend();
  const rates = measureFlopRates();
  for (const rate of [rates.kernelPeak, rates.tfjsMatMul]) expect(Number.isFinite(rate) && rate > 0).toBe(true);
});
