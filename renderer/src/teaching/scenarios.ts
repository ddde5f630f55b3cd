import { scheduleSpecSchema } from '../../../shared/spec/schedule-spec';
import { runSettings, type ComparisonPreset } from '../compare/comparisons';
import type { NetworkDraft } from '../store/app-model';

/**
 * Teaching scenarios: a comparison that shows one lesson, with the caption an educator reads
 * to the class. Runs take the palette in their order, as the caption tells the story; a network
 * scenario ends with the run whose decision boundary and layer gradients carry the lesson, since
 * those views show the newest run. tests/integration/scenarios.test.ts runs every scenario
 * through the engine and checks that its lesson still happens.
 */

/** Two classes, no test split: these lessons are about training. */
const moons = (hidden: number[], activation: NetworkDraft['mlp']['activation']): NetworkDraft['mlp'] => ({
  dataset: { name: 'moons', samples: 200, seed: 1 },
  hidden,
  activation,
  loss: 'bce',
  testFraction: 0,
});

/** Beside the ridge (x = 0) that leads into the double well's saddle at the origin. */
const NEAR_RIDGE: [number, number] = [1e-12, 1.5];
const ON_RIDGE: [number, number] = [0, 1.5];

export const TEACHING_SCENARIOS: ComparisonPreset[] = [
  {
    id: 'saddle-gd-adam',
    title: 'Saddle: GD crawls, Adam escapes',
    caption:
      'Both start a hair (10⁻¹²) beside the ridge that leads into the saddle at the origin. Gradient descent rolls into the saddle, where the gradient almost vanishes, and its loss sits at the saddle’s value 1 for over 100 steps; Adam divides each coordinate’s gradient by its recent size, so even the tiny sideways slope gets a full step and it is in the valley at once.',
    comparison: {
      kind: 'function',
      function: 'double_well',
      runs: [
        runSettings('GD', { name: 'sgd', lr: 0.05 }, { start: NEAR_RIDGE }),
        runSettings('Adam', { name: 'adam', lr: 0.05 }, { start: NEAR_RIDGE }),
      ],
    },
  },
  {
    id: 'momentum-overshoot',
    title: 'Momentum overshoots a narrow valley',
    caption:
      'A valley ten times steeper across than along. Plain gradient descent slides down the wall and creeps along the floor; with momentum 0.9 the path keeps its speed, swings across the valley again and again and runs past the minimum before it turns back — yet that speed still gets it there first.',
    comparison: {
      kind: 'function',
      function: 'quadratic',
      runs: [
        runSettings('GD', { name: 'sgd', lr: 0.02 }, { start: [-2.5, 1.5] }),
        runSettings('GD + momentum', { name: 'sgd', lr: 0.02, momentum: 0.9 }, { start: [-2.5, 1.5] }),
      ],
    },
  },
  {
    id: 'learning-rate-diverges',
    title: 'Too high a learning rate diverges',
    caption:
      'Gradient descent into Rosenbrock’s steep valley: lr 0.001 crawls, lr 0.002 reaches the minimum, and lr 0.003 overshoots the valley wall so far that the gradient explodes and the run diverges within 7 steps. The fourth run keeps lr 0.003 but clips the gradient’s norm to 100, and survives.',
    comparison: {
      kind: 'function',
      function: 'rosenbrock',
      runs: [
        runSettings('lr 0.001', { name: 'sgd', lr: 0.001 }),
        runSettings('lr 0.002', { name: 'sgd', lr: 0.002 }),
        runSettings('lr 0.003', { name: 'sgd', lr: 0.003 }),
        runSettings('lr 0.003, clipped', { name: 'sgd', lr: 0.003 }, { clipNorm: 100 }),
      ],
    },
  },
  {
    id: 'zero-init-symmetry',
    title: 'Zero initialization never breaks symmetry',
    caption:
      'With every weight zero, the hidden units of a layer compute the same value and receive the same gradient, so they stay identical forever: the network is no wider than one unit per layer, its decision boundary stays simple and its loss stalls near 0.25. Glorot’s random start breaks the symmetry and fits the moons.',
    comparison: {
      kind: 'network',
      network: moons([8, 8], 'sigmoid'),
      runs: [
        runSettings('Glorot', { name: 'adam', lr: 0.02 }, { init: { scheme: 'glorot_uniform', seed: 1 } }),
        runSettings('zeros', { name: 'adam', lr: 0.02 }, { init: { scheme: 'zeros', seed: 1 } }),
      ],
    },
  },
  {
    id: 'deep-sigmoid-vanishing',
    title: 'A deep sigmoid network’s gradient vanishes',
    caption:
      'Six sigmoid layers, each passing back at most a quarter of the gradient it receives, and far less through weights of 0.01: from normal(0.01) the first layer’s gradient is about 10⁻¹⁴ while the output layer’s is 10⁻², and the loss never leaves 0.69 — watch the layer-gradient chart. Glorot’s larger weights lose a factor of about 10⁴ instead of 10¹², enough to learn.',
    comparison: {
      kind: 'network',
      network: moons([8, 8, 8, 8, 8, 8], 'sigmoid'),
      runs: [
        runSettings('Glorot', { name: 'adam', lr: 0.01 }, { init: { scheme: 'glorot_uniform', seed: 1 } }),
        runSettings('normal(0.01)', { name: 'adam', lr: 0.01 }, { init: { scheme: 'normal', std: 0.01, seed: 1 } }),
      ],
    },
  },
  {
    id: 'he-vs-xavier',
    title: 'He versus Xavier on ReLU',
    caption:
      'Eight ReLU layers trained by plain SGD. ReLU zeroes about half of each layer’s signal, so Xavier (Glorot) weights, sized for tanh, shrink the signal layer after layer, while He’s √2 larger weights keep its size: by step 50 He’s loss is below 0.2 while Xavier’s is still above 0.6.',
    comparison: {
      kind: 'network',
      network: {
        dataset: { name: 'circles', samples: 200, seed: 1 },
        hidden: [32, 32, 32, 32, 32, 32, 32, 32],
        activation: 'relu',
        loss: 'bce',
        testFraction: 0,
      },
      runs: [
        runSettings('He', { name: 'sgd', lr: 0.1 }, { init: { scheme: 'he_normal', seed: 1 }, steps: 200 }),
        runSettings('Xavier', { name: 'sgd', lr: 0.1 }, { init: { scheme: 'glorot_normal', seed: 1 }, steps: 200 }),
      ],
    },
  },
  {
    id: 'rastrigin-local-minima',
    title: 'Rastrigin’s local minima trap GD',
    caption:
      'Rastrigin’s egg crate has a local minimum in every cell. Gradient descent goes downhill into the nearest one and stops: only the start in the centre cell reaches the global minimum at 0, the others settle at about 5 and 18, where the gradient is zero and nothing tells them a lower point exists.',
    comparison: {
      kind: 'function',
      function: 'rastrigin',
      runs: (
        [
          ['GD from (0.4, −0.3)', [0.4, -0.3]],
          ['GD from (2.2, 1.1)', [2.2, 1.1]],
          ['GD from (−3.1, 2.7)', [-3.1, 2.7]],
        ] as const
      ).map(([name, [x, y]]) => runSettings(name, { name: 'sgd', lr: 0.0005 }, { start: [x, y], steps: 150 })),
    },
  },
  {
    id: 'noise-escapes-saddle',
    title: 'Gradient noise escapes a saddle',
    caption:
      'Started exactly on the ridge line, gradient descent slides into the saddle at the origin and stays there: the gradient has no sideways part to push it off. The same descent with noisy gradients, as in mini-batch SGD, is jostled off the ridge and the negative curvature carries it down into a well.',
    comparison: {
      kind: 'function',
      function: 'double_well',
      runs: [
        runSettings('GD', { name: 'sgd', lr: 0.05 }, { start: ON_RIDGE }),
        runSettings('GD + noise', { name: 'sgd', lr: 0.05 }, { start: ON_RIDGE, gradientNoise: 0.5, seed: 1 }),
      ],
    },
  },
  {
    id: 'schedule-settles-noise',
    title: 'A decaying learning rate settles noisy SGD',
    caption:
      'Both runs get the same noisy gradients. At a constant learning rate the noise keeps kicking the path around the minimum; decaying the rate along a cosine shrinks the kicks until the path settles, which is why training schedules end with a small learning rate.',
    comparison: {
      kind: 'function',
      function: 'quadratic',
      runs: [
        runSettings('constant lr', { name: 'sgd', lr: 0.05 }, { start: [-2.5, 1.5], gradientNoise: 2, seed: 3 }),
        runSettings(
          'cosine decay',
          { name: 'sgd', lr: 0.05 },
          {
            start: [-2.5, 1.5],
            gradientNoise: 2,
            seed: 3,
            schedule: scheduleSpecSchema.parse({ name: 'cosine', tMax: 300 }),
          },
        ),
      ],
    },
  },
  {
    id: 'plateau-adam',
    title: 'A plateau stalls GD, not Adam',
    caption:
      'Far from the bowl the surface is almost flat: the gradient is about 0.0002, and gradient descent’s steps are as small as the gradient, so it barely moves in 300 steps. Adam scales its steps by the gradient’s recent size, so it walks across the plateau at full stride and reaches the minimum.',
    comparison: {
      kind: 'function',
      function: 'plateau',
      runs: [
        runSettings('GD', { name: 'sgd', lr: 0.1 }, { start: [2.5, 2] }),
        runSettings('Adam', { name: 'adam', lr: 0.05 }, { start: [2.5, 2] }),
      ],
    },
  },
];
