import { createRandom } from '../../shared/random';
import { initSpecSchema, type MlpProblem } from '../../shared/spec/network-spec';
import { hostGridEvaluator } from '../host/landscape-client';
import { RunHost } from '../host/run-host';
import { initializeParams } from '../engine/network/initializers';
import { MlpModel } from '../engine/network/mlp-model';
import { resolveNetworkProblem, type ResolvedNetworkProblem } from '../engine/network/network-problem';
import { useTensorBackend } from '../engine/network/tensor-backend';
import { evaluateGrid } from '../engine/landscape/compute-landscape';
import { randomDirection } from '../engine/landscape/directions';
import type { Plane } from '../engine/landscape/plane-evaluator';
import { benchModels } from './bench-models';
import type { FlopRates } from './flop-rates';
import { interleave, roundRatios, spread, type Round, type Spread } from './interleaved';
import type { TorchReference } from './torch-reference';

export interface LandscapeBenchmarkFigure {
  /** e.g. "784-128-10 relu cross_entropy, 1000 random samples". */
  name: string;
  /** Grid points (41 × 41) and data rows. */
  points: number;
  rows: number;
  /**
   * Milliseconds for the whole grid, medians of the interleaved rounds (bench/interleaved.ts): ours
   * across the worker pool (warm workers), one tfjs forward pass per grid point in this process,
   * and PyTorch's same loop (one thread); the naive loops are timed a point at a time and scaled.
   */
  ours: number;
  workers: number;
  naiveTfjs: number;
  naiveTorch?: number;
  /** Ours in one thread, timed once. */
  oursOneThread: number;
  /** …and the floor: `flops` (what our method must compute) at the kernel's multiply-add peak on `workers` cores. */
  floor: number;
  flops: number;
  /** How many times faster ours is than each naive loop, round by round, and how far above the floor it runs. */
  speedupOverNaiveTfjs: Spread;
  speedupOverNaiveTorch?: Spread;
  timesFloor: number;
}

export interface LandscapeBenchmark {
  figures: LandscapeBenchmarkFigure[];
  /** A plain [1000, 784] × [784, 128] matMul in PyTorch (native SIMD), when it ran. */
  torchMatMulGflops?: number;
  /** Why a figure is missing, if one is. */
  notes: string[];
}

export interface LandscapeBenchmarkOptions {
  /** The built worker (dist/worker.mjs). */
  workerPath: string;
  /** Default: 2, the cores this app is built for. */
  workers?: number;
  /** This run's rates (measureFlopRates): the floor is at the kernel's peak. */
  rates: FlopRates;
  /** PyTorch's naive loop, when it runs on this machine. */
  torch?: TorchReference;
}

const RESOLUTION = 41;

/**
 * Loss-landscape speed (docs/architecture.md, "Landscape slices"): a 41 × 41 grid on 1,000 samples for
 * MLPs 2-16-16-1 (tanh, bce) and 784-128-10 (relu, cross_entropy), ours beside the naive loops
 * and the floor, all measured in this run, the three timed in interleaved rounds (bench/interleaved.ts).
 * Returns figures; prints nothing.
 */
export async function benchmarkLandscape(options: LandscapeBenchmarkOptions): Promise<LandscapeBenchmark> {
  const workers = options.workers ?? 2;
  const notes: string[] = [];
  await useTensorBackend();
  const host = new RunHost({ workerPath: options.workerPath, poolSize: workers, log: (line) => notes.push(line) });
  try {
    const { torch } = options;
    const torchMatMulGflops = await torch?.request({ matmul: true });
    const figures: LandscapeBenchmarkFigure[] = [];
    for (const { name, mlp: spec } of benchModels()) {
      let problem: ResolvedNetworkProblem;
      try {
        problem = await resolveNetworkProblem(spec);
      } catch (error) {
        // The app's own limits (shared/limits.ts) may refuse a case: say so and time the rest.
        notes.push(`${name}: not timed, ${(error as Error).message}`);
        continue;
      }
      const naiveTorch: Round | undefined = torch && ((seconds) => torch.request({ landscape: name, seconds }));
      figures.push(await benchmarkCase(name, spec, problem, host, options, naiveTorch));
    }
    return { figures, torchMatMulGflops, notes };
  } finally {
    await host.close();
  }
}

async function benchmarkCase(
  name: string,
  spec: MlpProblem,
  problem: ResolvedNetworkProblem,
  host: RunHost,
  options: LandscapeBenchmarkOptions,
  naiveTorch: Round | undefined,
): Promise<LandscapeBenchmarkFigure> {
  const workers = options.workers ?? 2;
  const center = initializeParams(problem.sizes, initSpecSchema.parse({ scheme: 'glorot_uniform', seed: 1 }));
  const random = createRandom(5);
  // A fresh plane for every grid, so no cache answers it.
  const plane = (): Plane => ({
    center,
    d1: randomDirection(center, problem.sizes, random, 'zero'),
    d2: randomDirection(center, problem.sizes, random, 'zero'),
  });
  const axis = Float64Array.from({ length: RESOLUTION }, (_, i) => -1 + (2 * i) / (RESOLUTION - 1));
  const points = RESOLUTION * RESOLUTION;

  const pooled = hostGridEvaluator(host, { mlp: spec });
  await pooled(plane(), axis, axis); // starts the workers, loads the data, warms the code
  // Grid points per second over whole grids; each grid's plane is drawn before its clock starts.
  const ours: Round = async (seconds) => {
    let [grids, elapsed] = [0, 0];
    while (grids === 0 || elapsed < seconds * 1000) {
      const fresh = plane();
      const started = performance.now();
      await pooled(fresh, axis, axis);
      elapsed += performance.now() - started;
      grids++;
    }
    return (grids * points * 1000) / elapsed;
  };
  const naive = naiveTfjsLoop(problem, plane());
  let rates: Partial<Record<'ours' | 'naiveTfjs' | 'naiveTorch', number[]>>;
  try {
    rates = await interleave({ ours, naiveTfjs: naive.round, naiveTorch });
  } finally {
    naive.release();
  }
  evaluateGrid(problem, plane(), axis, axis);
  const fresh = plane();
  const oursOneThread = await timeAsync(async () => evaluateGrid(problem, fresh, axis, axis));

  const gridMs = (pointsPerSecond: readonly number[]): number => (points * 1000) / spread(pointsPerSecond).median;
  const oursMs = gridMs(rates.ours!);
  const flops = gridFlops(problem.sizes, problem.train.rows, points);
  const floor = flops / (options.rates.kernelPeak * 1e6 * workers);
  return {
    name,
    points,
    rows: problem.train.rows,
    ours: oursMs,
    workers,
    naiveTfjs: gridMs(rates.naiveTfjs!),
    naiveTorch: rates.naiveTorch && gridMs(rates.naiveTorch),
    oursOneThread,
    floor,
    flops,
    speedupOverNaiveTfjs: roundRatios(rates.ours!, rates.naiveTfjs!),
    speedupOverNaiveTorch: rates.naiveTorch && roundRatios(rates.ours!, rates.naiveTorch),
    timesFloor: oursMs / floor,
  };
}

/**
 * One forward pass per point (MlpModel.lossAt), the parameters formed on the CPU: the loop the
 * landscape engine avoids. Rounds cycle over the grid's points; release frees the uploaded data.
 */
function naiveTfjsLoop(problem: ResolvedNetworkProblem, plane: Plane): { round: Round; release: () => void } {
  const model = new MlpModel(problem.sizes, problem.activation, problem.loss);
  const rows = model.upload(problem.train);
  const params = new Float32Array(plane.center.length);
  let k = 0;
  const next = (): number => {
    const alpha = -1 + (2 * (k % RESOLUTION)) / (RESOLUTION - 1);
    const beta = -1 + (2 * Math.floor(k / RESOLUTION)) / (RESOLUTION - 1);
    k = (k + 1) % (RESOLUTION * RESOLUTION);
    for (let i = 0; i < params.length; i++) params[i] = plane.center[i]! + alpha * plane.d1[i]! + beta * plane.d2[i]!;
    return model.lossAt(params, rows);
  };
  next();
  const round: Round = (seconds) => {
    let evaluated = 0;
    const started = performance.now();
    while (evaluated === 0 || performance.now() - started < seconds * 1000) {
      next();
      evaluated++;
    }
    return Promise.resolve((evaluated * 1000) / (performance.now() - started));
  };
  return { round, release: () => model.release(rows) };
}

/**
 * What our method computes: the first layer's three products once (2·rows·inputs·3·width), then
 * per point the first layer from them (3 multiply-adds per pre-activation) and the layers above.
 */
function gridFlops(sizes: readonly number[], rows: number, points: number): number {
  const [inputs, width] = [sizes[0]!, sizes[1]!];
  let above = 0;
  for (let l = 1; l + 1 < sizes.length; l++) above += 2 * rows * sizes[l]! * sizes[l + 1]!;
  return 2 * rows * inputs * 3 * width + points * (6 * rows * width + above);
}

async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
