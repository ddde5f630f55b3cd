import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Activation, LossName } from '../../../shared/spec/network-spec';
import { extremeEigenpairs } from '../../../electron/engine/linalg/lanczos';
import { classifyCurvature, hessianOperator } from '../../../electron/engine/network/curvature';
import { MlpModel } from '../../../electron/engine/network/mlp-model';
import { createNetworkRun } from '../../../electron/engine/network/network-run';
import { useTensorBackend } from '../../../electron/engine/network/tensor-backend';
import { datasetOf, runSpec } from './support';

/** tests/fixtures/curvature.json, written by scripts/fixtures/curvature.py: explicit Hessians from PyTorch's double backprop in float64. */
interface Case {
  name: string;
  sizes: number[];
  activation: Activation;
  loss: LossName;
  rows: number;
  x: number[];
  y: number[];
  params: number[];
  /** [smallest, largest] and their unit eigenvectors. */
  eigenvalues: [number, number];
  eigenvectors: [number[], number[]];
}
interface SmallCase extends Case {
  vectors: number[][];
  /** H·v for each of `vectors`. */
  products: number[][];
  spectrum: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/curvature.json', import.meta.url), 'utf8')) as {
  torch: string;
  small: SmallCase[];
  medium: Case;
};

async function modelOf(c: Case) {
  await useTensorBackend('wasm');
  const model = new MlpModel(c.sizes, c.activation, c.loss);
  return { model, rows: model.upload(datasetOf(c)), params: Float32Array.from(c.params) };
}

const relativeDistance = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let difference = 0;
  let size = 0;
  for (let i = 0; i < b.length; i++) {
    difference += (a[i]! - b[i]!) ** 2;
    size += b[i]! ** 2;
  }
  return Math.sqrt(difference / size);
};
const cosine = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! ** 2;
    bb += b[i]! ** 2;
  }
  return ab / Math.sqrt(aa * bb);
};

describe(`Hessian-vector products against PyTorch ${fixture.torch}'s explicit Hessians`, () => {
  // Measured: forward-over-reverse 1e-7 to 3e-7 (float32 rounding) on every network; central
  // differences of gradients at best 2e-5 (at a step tuned per network), 2e-4 across ReLU kinks
  // and wrong by O(1) at steps that cross one. Forward-over-reverse is what the engine uses.
  it.each(fixture.small.map((c) => [c.name, c] as const))(
    '%s: forward-over-reverse is exact to float32; central differences are not',
    async (_, c) => {
      const { model, rows, params } = await modelOf(c);
      const out = new Float32Array(params.length);
      const plus = new Float32Array(params.length);
      const minus = new Float32Array(params.length);
      let exact = 0;
      let differenced = Infinity;
      for (const steps of [[1e-2], [3e-3], [1e-3], [1e-4]]) {
        let worst = 0;
        c.vectors.forEach((v, k) => {
          const [eps] = steps as [number];
          const gradientAt = (sign: number, gradient: Float32Array): void => {
            model.compute(
              Float32Array.from(params, (p, i) => p + sign * eps * v[i]!),
              gradient,
              { batch: rows, evaluate: [] },
            );
          };
          gradientAt(1, plus);
          gradientAt(-1, minus);
          worst = Math.max(
            worst,
            relativeDistance(
              Float64Array.from(plus, (g, i) => (g - minus[i]!) / (2 * eps)),
              c.products[k]!,
            ),
          );
        });
        differenced = Math.min(differenced, worst);
      }
      c.vectors.forEach((v, k) => {
        model.hessianVectorProduct(params, Float32Array.from(v), out, rows);
        exact = Math.max(exact, relativeDistance(out, c.products[k]!));
      });
      model.release(rows);
      expect(exact).toBeLessThan(1e-5);
      expect(differenced).toBeGreaterThan(10 * exact);
    },
  );
});

describe('Lanczos extreme eigenpairs', () => {
  it.each(fixture.small.map((c) => [c.name, c] as const))(
    '%s: the whole Krylov space gives the extremes of the spectrum',
    async (_, c) => {
      const { model, rows, params } = await modelOf(c);
      const tensors = tf.memory().numTensors;
      const found = extremeEigenpairs(hessianOperator(model, params, rows), params.length, { seed: 3, vectors: true });
      expect(tf.memory().numTensors).toBe(tensors);
      model.release(rows);
      const scale = Math.max(...c.spectrum.map(Math.abs));
      expect(Math.abs(found.eigenvalues[0] - c.eigenvalues[0]) / scale).toBeLessThan(1e-5);
      expect(Math.abs(found.eigenvalues[1] - c.eigenvalues[1]) / scale).toBeLessThan(1e-5);
      found.vectors!.forEach((vector, k) =>
        expect(Math.abs(cosine(vector, c.eigenvectors[k]!))).toBeGreaterThan(0.999),
      );
    },
  );

  it(`${fixture.medium.name} (${fixture.medium.params.length} parameters): converges to both extremes within the default iterations`, async () => {
    const c = fixture.medium;
    const { model, rows, params } = await modelOf(c);
    const found = extremeEigenpairs(hessianOperator(model, params, rows), params.length, { seed: 1, vectors: true });
    model.release(rows);
    const scale = Math.max(...c.eigenvalues.map(Math.abs));
    // Measured: 28 products, both eigenvalues within 4e-8 of the scale, eigenvectors' |cos| 1 − 1e-6.
    expect(found.iterations).toBeLessThanOrEqual(60);
    expect(Math.abs(found.eigenvalues[0] - c.eigenvalues[0]) / scale).toBeLessThan(1e-5);
    expect(Math.abs(found.eigenvalues[1] - c.eigenvalues[1]) / scale).toBeLessThan(1e-5);
    found.vectors!.forEach((vector, k) => expect(Math.abs(cosine(vector, c.eigenvectors[k]!))).toBeGreaterThan(0.9999));
  });
});

/**
 * y = x on x = ±1 with the scalar network f = w2 (w1 x + b1) + b2 under mse: at θ = 0 the
 * Hessian is 2 on b2 and [[0, −2], [−2, 0]] on (w1, w2), eigenvalues −2, 0, 2, 2 — a saddle; on
 * the valley w1 w2 = 1 its eigenvalues are 4, 4, 0, 0 — degenerate (rescaling w1 by c and w2 by 1/c
 * changes nothing). Without the hidden unit, f = w x + b: eigenvalues 2, 2, a minimum.
 */
const identity = datasetOf({ x: [-1, 1, -1, 1], y: [-1, 1, -1, 1], rows: 4, sizes: [1] });
const scalarNetwork = { activation: 'linear' as const, loss: 'mse' as const, sizes: [1, 1, 1], train: identity };
const linearRegression = { ...scalarNetwork, sizes: [1, 1] };

describe('classification from the extreme eigenvalues, against closed forms', () => {
  async function classify(problem: typeof scalarNetwork, params: number[]) {
    const model = new MlpModel(problem.sizes, problem.activation, problem.loss);
    const rows = model.upload(problem.train);
    const found = extremeEigenpairs(hessianOperator(model, Float32Array.from(params), rows), params.length);
    model.release(rows);
    return { ...found, type: classifyCurvature(found) };
  }

  it('the origin of a two-layer scalar network is a saddle with eigenvalues −2 and 2', async () => {
    const { type, eigenvalues } = await classify(scalarNetwork, [0, 0, 0, 0]);
    expect(type).toBe('saddle');
    expect(eigenvalues[0]).toBeCloseTo(-2, 5);
    expect(eigenvalues[1]).toBeCloseTo(2, 5);
  });

  it('its solutions w1·w2 = 1 are degenerate: a flat valley, not a strict minimum', async () => {
    const { type, eigenvalues } = await classify(scalarNetwork, [2, 0, 0.5, 0]);
    expect(type).toBe('degenerate');
    expect(eigenvalues[1]).toBeCloseTo(2 * (2 ** 2 + 0.5 ** 2), 4);
  });

  it('linear regression has a strict minimum', async () => {
    const { type, eigenvalues } = await classify(linearRegression, [1, 0]);
    expect(type).toBe('minimum');
    expect(eigenvalues[0]).toBeCloseTo(2, 5);
  });
});

describe('curvature along network runs', () => {
  async function run(problem: typeof scalarNetwork, spec: Record<string, unknown>) {
    const engineRun = await createNetworkRun(problem, runSpec({ optimizer: { name: 'sgd', lr: 0.05 }, ...spec }));
    const tensors = tf.memory().numTensors;
    while (engineRun.status === 'running') {
      engineRun.advance(25);
      // Lanczos at checkpoints and stalls allocates tensors only inside each product.
      if (engineRun.status === 'running') expect(tf.memory().numTensors).toBe(tensors);
    }
    return Object.assign(engineRun.result(), { sentCurvature: engineRun.curvature() });
  }

  it('a run that starts exactly at the saddle stays there, and says so', async () => {
    const result = await run(scalarNetwork, { init: { scheme: 'zeros', seed: 1 }, steps: 60 });
    const saddle = result.events.find((event) => event.type === 'saddle');
    expect(saddle).toMatchObject({ step: 0, endStep: 60 });
    expect(saddle!.eigenvalues![0]).toBeCloseTo(-2, 4);
    expect(saddle!.message).toMatch(/saddle/);
  });

  it('a run from near the saddle escapes it, then stops in the flat valley of solutions', async () => {
    const result = await run(scalarNetwork, { init: { scheme: 'normal', std: 1e-4, seed: 2 }, steps: 400 });
    const kinds = result.events.filter((event) =>
      ['saddle', 'degenerate', 'minimum', 'converged'].includes(event.type),
    );
    expect(kinds.map((event) => event.type)).toEqual(['saddle', 'degenerate']);
    expect(kinds[0]!.step).toBe(0);
    expect(kinds[1]!.endStep).toBe(400);
    expect(result.loss[400]).toBeLessThan(1e-6);
  });

  it('linear regression converges to its minimum; curvature is recorded at the first and last checkpoints', async () => {
    const result = await run(linearRegression, {
      init: { scheme: 'zeros', seed: 1 },
      steps: 200,
      optimizer: { name: 'sgd', lr: 0.2 },
    });
    const converged = result.events.find((event) => event.type === 'converged');
    expect(converged?.endStep).toBe(200);
    expect(converged!.eigenvalues![0]).toBeCloseTo(2, 4);
    expect(result.curvature.steps[0]).toBe(0);
    expect(result.curvature.steps.at(-1)).toBe(200);
    for (const [low, high] of result.curvature.eigenvalues) {
      expect(low).toBeCloseTo(2, 4);
      expect(high).toBeCloseTo(2, 4);
    }
    // What the app is sent when the run completes: the same eigenvalues, each point called a minimum.
    const curvature = result.sentCurvature;
    expect(Array.from(curvature!.steps)).toEqual(result.curvature.steps);
    expect(Array.from(curvature!.eigenvalues)).toEqual(result.curvature.eigenvalues.flat());
    expect(curvature!.kinds).toEqual(result.curvature.steps.map(() => 'minimum'));
  });

  it('a run held at the saddle sends its checkpoints called saddles, with the negative eigenvalue', async () => {
    const { sentCurvature } = await run(scalarNetwork, { init: { scheme: 'zeros', seed: 1 }, steps: 60 });
    expect(sentCurvature!.kinds.at(-1)).toBe('saddle');
    expect(sentCurvature!.eigenvalues.at(-2)).toBeCloseTo(-2, 3);
  });
});
