import { optimizerSpecSchema, type OptimizerSpecInput } from '../../../shared/spec/optimizer-spec';
import { DEFAULT_NETWORK, type Comparison, type NetworkDraft, type RunSettings } from '../store/app-model';

/**
 * One-click comparisons. Every run of a comparison shares the problem, the data, the start or
 * the batch order (one seed); only the compared setting differs.
 */
export const runSettings = (
  name: string,
  optimizer: OptimizerSpecInput,
  rest: Partial<RunSettings> = {},
): RunSettings => ({
  name,
  optimizer: optimizerSpecSchema.parse(optimizer),
  steps: 300,
  start: [-1.5, 2],
  init: DEFAULT_NETWORK.init,
  batchSize: 0,
  seed: 0,
  ...rest,
});

/** A deep tanh network on the spiral, where the initialization decides whether it learns at all. */
const DEEP_TANH: NetworkDraft['mlp'] = {
  dataset: { name: 'spiral', samples: 300, seed: 1 },
  hidden: [16, 16, 16, 16, 16, 16],
  activation: 'tanh',
  loss: 'bce',
  testFraction: 0.2,
};

export interface ComparisonPreset {
  id: string;
  title: string;
  caption: string;
  comparison: Comparison;
}

export const COMPARISON_PRESETS: ComparisonPreset[] = [
  {
    id: 'initializations',
    title: 'Initializations',
    caption:
      'Six tanh layers on the spiral, Adam, one seed: zeros never break symmetry, normal(0.01) starves the early layers of gradient, Glorot, He and orthogonal keep it flowing.',
    comparison: {
      kind: 'network',
      network: DEEP_TANH,
      runs: (
        [
          ['zeros', { scheme: 'zeros', seed: 1 }],
          ['normal(0.01)', { scheme: 'normal', seed: 1, std: 0.01 }],
          ['glorot', { scheme: 'glorot_uniform', seed: 1 }],
          ['he', { scheme: 'he_normal', seed: 1 }],
          ['orthogonal', { scheme: 'orthogonal', seed: 1, gain: 1 }],
        ] as const
      ).map(([name, init]) => runSettings(name, { name: 'adam', lr: 0.01 }, { init, steps: 400 })),
    },
  },
  {
    id: 'optimizers',
    title: 'Optimizers',
    caption:
      'Rosenbrock’s curved valley from one start: plain SGD crawls along the floor, momentum and Nesterov overshoot then settle, the adaptive methods rescale each coordinate.',
    comparison: {
      kind: 'function',
      function: 'rosenbrock',
      runs: [
        runSettings('sgd', { name: 'sgd', lr: 0.001 }, { steps: 1500, start: [-1.5, 2] }),
        runSettings('momentum', { name: 'sgd', lr: 0.001, momentum: 0.9 }, { steps: 1500, start: [-1.5, 2] }),
        runSettings(
          'nesterov',
          { name: 'sgd', lr: 0.001, momentum: 0.9, nesterov: true },
          { steps: 1500, start: [-1.5, 2] },
        ),
        runSettings('rmsprop', { name: 'rmsprop', lr: 0.01 }, { steps: 1500, start: [-1.5, 2] }),
        runSettings('adam', { name: 'adam', lr: 0.05 }, { steps: 1500, start: [-1.5, 2] }),
        runSettings('adagrad', { name: 'adagrad', lr: 0.5 }, { steps: 1500, start: [-1.5, 2] }),
        runSettings('radam', { name: 'radam', lr: 0.01 }, { steps: 1500, start: [-1.5, 2] }),
        runSettings('lion', { name: 'lion', lr: 0.01 }, { steps: 1500, start: [-1.5, 2] }),
      ],
    },
  },
  {
    id: 'learning-rates',
    title: 'Learning rates',
    caption:
      'Gradient descent on (x² + 10y²)/2, whose steepest curvature is 10: below lr 0.1 it glides, between 0.1 and 0.2 it zig-zags across the valley, above 0.2 every step overshoots more — at lr 0.3 each doubles the error until the loss overflows.',
    comparison: {
      kind: 'function',
      function: 'quadratic',
      runs: [0.05, 0.15, 0.19, 0.3].map((lr) =>
        runSettings(`lr ${lr}`, { name: 'sgd', lr }, { start: [-2.5, 1.5], steps: 600 }),
      ),
    },
  },
];
