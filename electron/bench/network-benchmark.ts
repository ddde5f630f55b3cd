import { createRandom } from '../../shared/random';
import { initSpecSchema } from '../../shared/spec/network-spec';
import { optimizerSpecSchema } from '../../shared/spec/optimizer-spec';
import type { Dataset } from '../engine/network/dataset';
import type { ResolvedNetworkProblem } from '../engine/network/network-problem';
import { createNetworkRun, type NetworkBackend } from '../engine/network/network-run';
import { generateDataset } from '../engine/network/synthetic-datasets';
import type { TensorBackend } from '../engine/network/tensor-backend';

export interface NetworkBenchmarkFigure {
  /** e.g. "2-16-16-1 tanh bce, 1000 spiral points". */
  name: string;
  stepsPerSecond: number;
  /** Steps timed (after a warm-up). */
  steps: number;
  backend: NetworkBackend;
  /** Multiply-add FLOPs of one step's matrix products (stepFlops). */
  flops: number;
}

export interface NetworkBenchmarkOptions {
  seconds?: number;
  backend?: TensorBackend;
  /** Train on the WASM kernel where it covers the network (default), or on tfjs. */
  kernel?: boolean;
}

/** Each model is timed for about this long, after a warm-up, to stay short on a shared machine. */
const DEFAULT_SECONDS = 1.5;
const WARM_UP_STEPS = 10;
/** More steps than either model takes in the time; they size the run's records, so not far more. */
const MAX_STEPS = 100_000;

/**
 * Training steps per second through the whole network run (forward, gradient, Adam, per-layer
 * norms, events; on the kernel one fused call a step, on tfjs a gradient read back for the JS
 * optimizer), full batch: the same models as scripts/bench/torch_train.py.
 */
export async function benchmarkNetworkTraining(
  options: NetworkBenchmarkOptions = {},
): Promise<NetworkBenchmarkFigure[]> {
  const spiral = generateDataset({ name: 'spiral', samples: 1000, noise: 0.05, seed: 1 });
  return [
    await time(
      '2-16-16-1 tanh bce, 1000 spiral points',
      { activation: 'tanh', loss: 'bce', sizes: [2, 16, 16, 1], train: spiral },
      options,
    ),
    await time(
      '784-128-10 relu cross_entropy, 1000 random samples',
      {
        activation: 'relu',
        loss: 'cross_entropy',
        sizes: [784, 128, 10],
        train: randomClassification(1000, 784, 10),
        classes: 10,
      },
      options,
    ),
  ];
}

async function time(
  name: string,
  problem: ResolvedNetworkProblem,
  options: NetworkBenchmarkOptions,
): Promise<NetworkBenchmarkFigure> {
  const seconds = options.seconds ?? DEFAULT_SECONDS;
  const run = await createNetworkRun(
    problem,
    {
      init: initSpecSchema.parse({ scheme: 'glorot_uniform', seed: 1 }),
      optimizer: optimizerSpecSchema.parse({ name: 'adam', lr: 0.001 }),
      steps: MAX_STEPS,
      seed: 0,
    },
    { backend: options.backend, kernel: options.kernel, checkpointValues: 0 },
  );
  try {
    run.advance(WARM_UP_STEPS);
    let steps = 0;
    const started = performance.now();
    // Batches of steps as the worker drives them, sized to check the clock about ten times a second.
    let chunk = 1;
    while (run.status === 'running' && performance.now() - started < seconds * 1000) {
      const batchStarted = performance.now();
      steps += run.advance(chunk).loss.length;
      chunk = Math.max(1, Math.round((chunk * 100) / Math.max(1, performance.now() - batchStarted)));
    }
    return {
      name,
      stepsPerSecond: steps / ((performance.now() - started) / 1000),
      steps,
      backend: run.engine,
      flops: stepFlops(problem.sizes, problem.train.rows),
    };
  } finally {
    run.dispose();
  }
}

/**
 * The FLOPs of a full-batch step's matrix products, which bound its time from below: forward
 * (2·rows·in·out per layer), the kernel gradients (as many), and the gradient passed down to
 * each layer but the first (as many again).
 */
export function stepFlops(sizes: readonly number[], rows: number): number {
  let flops = 0;
  for (let l = 0; l + 1 < sizes.length; l++) flops += 2 * rows * sizes[l]! * sizes[l + 1]! * (l === 0 ? 2 : 3);
  return flops;
}

/** Inputs uniform in [0, 1) like pixel intensities, labels uniform over the classes. */
function randomClassification(rows: number, features: number, classes: number): Dataset {
  const random = createRandom(7);
  return {
    x: Float32Array.from({ length: rows * features }, () => random.uniform()),
    y: Float32Array.from({ length: rows }, () => random.int(classes)),
    rows,
    features,
    featureNames: Array.from({ length: features }, (_, i) => `x${i + 1}`),
    targetName: 'label',
  };
}
