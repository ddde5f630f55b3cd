import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../../shared/random';
import type { Activation, LossName } from '../../../shared/spec/network-spec';
import type { Dataset } from '../../../electron/engine/network/dataset';
import { KernelGradient } from '../../../electron/engine/network/kernel-gradient';
import { MlpModel } from '../../../electron/engine/network/mlp-model';
import { paramCount } from '../../../electron/engine/network/param-layout';
import { tfjsStepGradient } from '../../../electron/engine/network/step-gradient';
import { useTensorBackend } from '../../../electron/engine/network/tensor-backend';
import { relativeError } from '../../support/relative-error';

const ACTIVATIONS: Activation[] = ['relu', 'leaky_relu', 'tanh', 'sigmoid', 'linear'];
const LOSSES: LossName[] = ['bce', 'cross_entropy', 'mse'];

interface Case {
  sizes: number[];
  activation: Activation;
  loss: LossName;
  train: Dataset;
  test?: Dataset;
  batch?: Int32Array;
  dropout?: number;
  params: Float32Array;
}

function dataset(random: Random, rows: number, features: number, loss: LossName, classes: number): Dataset {
  return {
    x: Float32Array.from({ length: rows * features }, () => 2 * random.normal()),
    y: Float32Array.from({ length: rows }, () =>
      loss === 'mse' ? random.normal() : random.int(loss === 'bce' ? 2 : classes),
    ),
    rows,
    features,
    featureNames: Array.from({ length: features }, (_, i) => `x${i + 1}`),
    targetName: 'y',
  };
}

/** A random network, data and point: widths that are and are not multiples of 4, rows that are not multiples of 8. */
function randomCase(seed: number): Case {
  const random = createRandom(seed);
  const loss = LOSSES[random.int(LOSSES.length)]!;
  const activation = ACTIVATIONS[random.int(ACTIVATIONS.length)]!;
  const outputs = loss === 'cross_entropy' ? 2 + random.int(5) : 1;
  const hidden = Array.from({ length: 1 + random.int(3) }, () => 1 + random.int(20));
  const sizes = [1 + random.int(6), ...hidden, outputs];
  const rows = 1 + random.int(60);
  const train = dataset(random, rows, sizes[0]!, loss, outputs);
  const test = random.uniform() < 0.5 ? dataset(random, 1 + random.int(30), sizes[0]!, loss, outputs) : undefined;
  const batch =
    rows > 2 && random.uniform() < 0.5
      ? Int32Array.from({ length: 1 + random.int(rows - 1) }, () => random.int(rows))
      : undefined;
  const dropout = random.uniform() < 0.4 ? 0.1 + 0.5 * random.uniform() : undefined;
  const params = Float32Array.from({ length: paramCount(sizes) }, () => 0.7 * random.normal());
  return { sizes, activation, loss, train, test, batch, dropout, params };
}

function dropoutMasks(c: Case, seed: number): Float32Array[] | undefined {
  if (!c.dropout) return undefined;
  const random = createRandom(seed);
  const rows = c.batch?.length ?? c.train.rows;
  return c.sizes
    .slice(1, -1)
    .map((width) =>
      Float32Array.from({ length: rows * width }, () => (random.uniform() < c.dropout! ? 0 : 1 / (1 - c.dropout!))),
    );
}

function norm(values: Float32Array): number {
  return Math.hypot(...values);
}

describe('the WASM kernel agrees with the tfjs path over random architectures', () => {
  beforeAll(async () => {
    await useTensorBackend('wasm');
  });

  it.each(Array.from({ length: 40 }, (_, seed) => [seed]))('seed %i: losses, gradient and unit maxima', (seed) => {
    const c = randomCase(seed);
    const network = { sizes: c.sizes, activation: c.activation, loss: c.loss };
    const model = new MlpModel(c.sizes, c.activation, c.loss);
    const train = model.upload(c.train);
    const test = c.test && model.upload(c.test);
    const unitActivity = c.sizes.length > 2;
    const masks = dropoutMasks(c, seed);
    const expectedGradient = new Float32Array(c.params.length);
    const expected = tfjsStepGradient(model, train, test, unitActivity).compute(
      c.params,
      expectedGradient,
      c.batch,
      masks,
    );
    model.release(train);
    if (test) model.release(test);
    const kernel = new KernelGradient(network, c.train, c.test, {
      batchSize: c.batch?.length,
      dropout: !!c.dropout,
      unitActivity,
    });
    const gradient = new Float32Array(c.params.length);
    const got = kernel.compute(c.params, gradient, c.batch, masks);

    expect(relativeError(got.batchLoss, expected.batchLoss)).toBeLessThan(1e-5);
    expect(got.losses).toHaveLength(expected.losses.length);
    got.losses.forEach((loss, i) => expect(relativeError(loss, expected.losses[i]!)).toBeLessThan(1e-5));
    // The gradient as a vector: its components sum in different orders, so the smallest ones can differ more.
    const difference = gradient.map((g, i) => g - expectedGradient[i]!);
    expect(norm(difference) / Math.max(norm(expectedGradient), 1e-12)).toBeLessThan(1e-5);
    got.unitMaxima!.forEach((maxima, l) =>
      maxima.forEach((m, j) => expect(relativeError(m, expected.unitMaxima![l]![j]!)).toBeLessThan(1e-5)),
    );
  });
});
