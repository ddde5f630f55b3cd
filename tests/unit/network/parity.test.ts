import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Activation, LossName } from '../../../shared/spec/network-spec';
import { createNetworkRun } from '../../../electron/engine/network/network-run';
import type { NetworkBackend } from '../../../electron/engine/network/network-run';
import { relativeError } from '../../support/relative-error';
import { datasetOf, runSpec } from './support';

/** tests/fixtures/network.json, written by scripts/fixtures/network.py with PyTorch in float32. */
interface NetworkFixture {
  torch: string;
  cases: {
    name: string;
    loss: LossName;
    activation: Activation;
    sizes: number[];
    optimizer: Record<string, unknown>;
    steps: number;
    rows: number;
    x: number[];
    y: number[];
    initialParams: number[];
    /** Loss at each of the steps + 1 points. */
    losses: number[];
    finalParams: number[];
  }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/network.json', import.meta.url), 'utf8'),
) as NetworkFixture;

type FixtureCase = NetworkFixture['cases'][number];

/** The worst relative error of our loss sequence against PyTorch's over the whole run. */
async function worstLossError(c: FixtureCase, backend: NetworkBackend): Promise<number> {
  const problem = { activation: c.activation, loss: c.loss, sizes: c.sizes, train: datasetOf(c) };
  const run = await createNetworkRun(problem, runSpec({ optimizer: c.optimizer, steps: c.steps }), {
    initialParams: Float32Array.from(c.initialParams),
    backend: backend === 'kernel' ? 'wasm' : backend,
    kernel: backend === 'kernel',
  });
  run.advance(c.steps);
  const result = run.result();
  expect(result.status).toBe('completed');
  expect(result.backend).toBe(backend);
  expect(result.loss).toHaveLength(c.steps + 1);
  return Math.max(...c.losses.map((expected, k) => relativeError(result.loss[k]!, expected)));
}

// Measured: at most 1e-5 (float32 summation order); 1e-4 is the requirement. gelu is not in the
// kernel: its runs train on tfjs whatever is asked (kernel-gradient.ts).
describe.each(['kernel', 'wasm'] as const)(
  `full-batch training matches PyTorch ${fixture.torch} in float32 (%s)`,
  (backend) => {
    const cases = fixture.cases.filter((c) => backend !== 'kernel' || c.activation !== 'gelu');
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
      expect(await worstLossError(c, backend)).toBeLessThan(1e-4);
    });
  },
);

describe('the CPU fallback matches PyTorch too', () => {
  const cases = fixture.cases.filter((c) => c.steps === 100 && c.optimizer.name === 'adam');
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await worstLossError(c, 'cpu')).toBeLessThan(1e-4);
  });
});
