import { initSpecSchema } from '../../shared/spec/network-spec';
import { optimizerSpecSchema } from '../../shared/spec/optimizer-spec';
import { resolveNetworkProblem, type ResolvedNetworkProblem } from '../engine/network/network-problem';
import { createNetworkRun, type NetworkBackend } from '../engine/network/network-run';
import type { TensorBackend } from '../engine/network/tensor-backend';
import { benchModels } from './bench-models';

export interface NetworkBenchmarkOptions {
  backend?: TensorBackend;
  /** Train on the WASM kernel where it covers the network (default), or on tfjs. */
  kernel?: boolean;
}

/** One model's run, open for timing in rounds (bench/interleaved.ts) between other work. */
export interface NetworkBenchmark {
  name: string;
  backend: NetworkBackend;
  /** Multiply-add FLOPs of one step's matrix products (stepFlops). */
  flops: number;
  /** Steps per second over about `seconds`; the run carries on from the previous round. */
  round(seconds: number): Promise<number>;
  dispose(): void;
}

const WARM_UP_STEPS = 10;
/** More steps than a model takes in all its rounds; they size the run's records, so not far more. */
const MAX_STEPS = 200_000;

/**
 * The benchmark's models, each a warmed-up network run (full batch, Adam) timed through the whole
 * run (forward, gradient, Adam, per-layer norms, events; on the kernel one fused call a step, on
 * tfjs a gradient read back for the JS optimizer): the same models as scripts/bench/torch_train.py.
 */
export async function openNetworkBenchmarks(options: NetworkBenchmarkOptions = {}): Promise<NetworkBenchmark[]> {
  const benchmarks: NetworkBenchmark[] = [];
  for (const { name, mlp } of benchModels())
    benchmarks.push(await open(name, await resolveNetworkProblem(mlp), options));
  return benchmarks;
}

async function open(
  name: string,
  problem: ResolvedNetworkProblem,
  options: NetworkBenchmarkOptions,
): Promise<NetworkBenchmark> {
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
  run.advance(WARM_UP_STEPS);
  const round = (seconds: number): Promise<number> => {
    let steps = 0;
    const started = performance.now();
    // Batches of steps as the worker drives them, sized to check the clock about ten times a second.
    let chunk = 1;
    while (run.status === 'running' && performance.now() - started < seconds * 1000) {
      const batchStarted = performance.now();
      steps += run.advance(chunk).loss.length;
      chunk = Math.max(1, Math.round((chunk * 100) / Math.max(1, performance.now() - batchStarted)));
    }
    return Promise.resolve(steps / ((performance.now() - started) / 1000));
  };
  return {
    name,
    backend: run.engine,
    flops: stepFlops(problem.sizes, problem.train.rows),
    round,
    dispose: () => run.dispose(),
  };
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
