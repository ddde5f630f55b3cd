/**
 * `gradscape bench`: the function engine, a worker's round trip, network training and landscape
 * grids. The comparisons with PyTorch (one thread) hold still under a shared machine's drifting
 * load: one long-lived PyTorch process (scripts/bench/torch_server.py) takes round requests over
 * stdin, so its start-up is never timed, and each comparison runs as interleaved rounds (5 of
 * about 1 s a side: ours, tfjs, PyTorch, ours, …; bench/interleaved.ts). Every ratio printed is the
 * median of the per-round ratios with their min–max; rates and times are the sides' medians.
 */
import { join } from 'node:path';
import { catalogFunction, CATALOG_NAMES } from '../../shared/functions/catalog';
import { compileExpression } from '../../shared/functions/expression';
import { OPTIMIZER_NAMES, optimizerSpecSchema } from '../../shared/spec/optimizer-spec';
import { FunctionRun } from '../engine/functions/function-run';
import { computeSurface } from '../engine/functions/surface';
import { measureFlopRates, type FlopRates } from './flop-rates';
import { benchmarkLandscape } from './landscape-benchmark';
import { DEFAULT_ROUNDS, formatRatios, interleave, roundRatios, spread, type Round } from './interleaved';
import { openNetworkBenchmarks } from './network-benchmark';
import { useTensorBackend } from '../engine/network/tensor-backend';
import { RunHost } from '../host/run-host';
import { TorchReference } from './torch-reference';

type Print = (line: string) => void;

/** Median wall time of `repeat` calls, in milliseconds, after one warm-up. */
function time(fn: () => void, repeat = 7): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(repeat / 2)]!;
}

const STEPS = 10_000;

/** Baseline: the same number of steps of hand-written gradient descent on Rosenbrock, no engine. */
function handWrittenRosenbrockDescent(): number {
  let x = -1.5;
  let y = 2;
  for (let k = 0; k < STEPS; k++) {
    const gx = -2 * (1 - x) - 400 * x * (y - x * x);
    const gy = 200 * (y - x * x);
    x -= 1e-4 * gx;
    y -= 1e-4 * gy;
  }
  return x + y;
}

function handWrittenHimmelblauSurface(n: number): Float64Array {
  const z = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const y = -5 + (10 * j) / (n - 1);
    for (let i = 0; i < n; i++) {
      const x = -5 + (10 * i) / (n - 1);
      z[j * n + i] = (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;
    }
  }
  return z;
}

function benchFunctionEngine(print: Print): void {
  const baseline = time(() => void handWrittenRosenbrockDescent());
  print(`function engine: ${STEPS} steps on rosenbrock (baseline: hand-written GD loop ${baseline.toFixed(3)} ms)`);
  const objective = catalogFunction('rosenbrock');
  for (const name of OPTIMIZER_NAMES) {
    const optimizer = optimizerSpecSchema.parse({ name, lr: name === 'adadelta' ? 1 : 1e-4 });
    const ms = time(() => {
      const run = new FunctionRun(objective, { name, start: [-1.5, 2], optimizer, steps: STEPS, seed: 0 });
      run.advance(STEPS + 1);
    });
    print(
      `  ${name.padEnd(9)} ${ms.toFixed(2).padStart(7)} ms  (${(ms / baseline).toFixed(1)}× baseline; events and diagnostics included)`,
    );
  }
  const n = 256;
  const surfaceBaseline = time(() => void handWrittenHimmelblauSurface(n));
  print(`surface ${n}×${n} (baseline: hand-written Himmelblau loop ${surfaceBaseline.toFixed(2)} ms)`);
  for (const name of ['himmelblau', 'rosenbrock', 'goldstein_price', 'ackley'] as const) {
    if (!CATALOG_NAMES.includes(name)) continue;
    const fn = catalogFunction(name);
    const ms = time(
      () =>
        void computeSurface(
          fn,
          [
            [-5, 5],
            [-5, 5],
          ],
          n,
        ),
    );
    print(`  ${name.padEnd(16)} ${ms.toFixed(2).padStart(7)} ms  (${(ms / surfaceBaseline).toFixed(1)}× baseline)`);
  }
  const expression = compileExpression('sin(x) * cos(y) + 0.1 * (x^2 + y^2)');
  const ms = time(
    () =>
      void computeSurface(
        expression,
        [
          [-5, 5],
          [-5, 5],
        ],
        n,
      ),
  );
  print(
    `  ${'user expression'.padEnd(16)} ${ms.toFixed(2).padStart(7)} ms  (${(ms / surfaceBaseline).toFixed(1)}× baseline)`,
  );
}

/** The same work through a real worker thread: start message to completed status. */
async function benchThroughWorker(print: Print, distDir: string): Promise<void> {
  const workerPath = join(distDir, 'worker.mjs');
  const host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
  const roundTrip = (runId: string, steps: number): Promise<number> =>
    new Promise((resolve) => {
      const started = performance.now();
      const connection = host.connect((message) => {
        if (message.type === 'status' && message.status === 'completed') {
          connection.close();
          resolve(performance.now() - started);
        }
      });
      connection.receive({
        type: 'start',
        runId,
        problem: { function: 'rosenbrock' },
        run: { name: runId, start: [-1.5, 2], optimizer: { name: 'adam', lr: 1e-3 }, steps },
      });
    });
  await roundTrip('warm-up', 10);
  const empty = await roundTrip('empty', 1);
  const cold = await roundTrip('cold', STEPS);
  const warm = await roundTrip('warm', STEPS);
  print(
    `through the worker, start to finish: adam ${STEPS} steps ${cold.toFixed(1)} ms cold, ${warm.toFixed(1)} ms warm (a 1-step run: ${empty.toFixed(1)} ms; warm ratio ${(warm / empty).toFixed(1)}×)`,
  );
  await host.close();
}

/**
 * Training speed of the two reference MLPs on the WASM kernel and on tfjs against PyTorch (one
 * thread), in interleaved rounds (bench/interleaved.ts), and the floor: the step's matrix FLOPs
 * at the kernel's multiply-add peak.
 */
async function benchNetworkTraining(
  print: Print,
  flopRates: FlopRates,
  torch: TorchReference | undefined,
): Promise<void> {
  const kernel = await openNetworkBenchmarks({ kernel: true });
  const tfjs = await openNetworkBenchmarks({ kernel: false });
  try {
    print(
      `network training, full-batch Adam, steps per second, medians of ${DEFAULT_ROUNDS} interleaved rounds; ratios: median (min–max) of the rounds' (higher is better; floor: the step's matrix FLOPs at the kernel's multiply-add peak on one core, ${flopRates.kernelPeak.toFixed(1)} GFLOP/s; tfjs's matMul runs at ${flopRates.tfjsMatMul.toFixed(1)})`,
    );
    for (const [i, ours] of kernel.entries()) {
      const theirs: Round | undefined = torch && ((seconds) => torch.request({ train: ours.name, seconds }));
      const rates = await interleave({ ours: ours.round, tfjs: tfjs[i]!.round, theirs });
      const [oursRates, tfjsRates] = [rates.ours!, rates.tfjs!];
      const side = (backend: string, own: number[]): string =>
        `${backend} ${spread(own).median.toFixed(1)}/s${rates.theirs ? ` = ${formatRatios(roundRatios(own, rates.theirs), 'PyTorch')}` : ''}`;
      const oursMedian = spread(oursRates).median;
      const floor = (flopRates.kernelPeak * 1e9) / ours.flops;
      const pytorch = rates.theirs && spread(rates.theirs);
      print(`  ${ours.name}, ${(ours.flops / 1e6).toFixed(2)} MFLOP/step`);
      print(
        `    ${side(ours.backend, oursRates)}; ${side(tfjs[i]!.backend, tfjsRates)}` +
          `${pytorch ? `; PyTorch 1 thread ${pytorch.median.toFixed(1)}/s (${pytorch.min.toFixed(0)}–${pytorch.max.toFixed(0)})` : ''}; floor ${floor.toFixed(0)}/s (${ours.backend} at ${(oursMedian / floor).toFixed(2)}× it)`,
      );
    }
  } finally {
    for (const benchmark of [...kernel, ...tfjs]) benchmark.dispose();
  }
}

/** Loss-landscape grids: ours against the naive loops (tfjs and PyTorch) and the FLOP floor. */
async function benchLandscape(
  print: Print,
  distDir: string,
  rates: FlopRates,
  torch: TorchReference | undefined,
): Promise<void> {
  const result = await benchmarkLandscape({ workerPath: join(distDir, 'worker.mjs'), rates, torch });
  print(
    `landscape 41×41 on 1,000 samples, ms for the whole grid, medians of ${DEFAULT_ROUNDS} interleaved rounds; speed-ups: median (min–max) of the rounds' (lower ms is better; floor: the FLOPs at the kernel's multiply-add peak, ${rates.kernelPeak.toFixed(1)} GFLOP/s a core; matMul in tfjs ${rates.tfjsMatMul.toFixed(1)}${result.torchMatMulGflops ? `, PyTorch ${result.torchMatMulGflops.toFixed(1)}` : ''})`,
  );
  for (const f of result.figures) {
    const torch =
      f.naiveTorch === undefined
        ? 'PyTorch naive n/a'
        : `PyTorch naive ${f.naiveTorch.toFixed(0)} (ours ${formatRatios(f.speedupOverNaiveTorch!, 'faster')})`;
    print(
      `  ${f.name.padEnd(34)} ours ${f.ours.toFixed(0)} on ${f.workers} workers (1 thread ${f.oursOneThread.toFixed(0)}), tfjs naive ${f.naiveTfjs.toFixed(0)} (ours ${formatRatios(f.speedupOverNaiveTfjs, 'faster')}), ${torch}, floor ${f.floor.toFixed(0)} (ours ${f.timesFloor.toFixed(1)}×)`,
    );
  }
  for (const note of result.notes) print(`  note: ${note}`);
}

export async function runBenchmarks(print: Print, distDir: string): Promise<void> {
  const repoRoot = join(distDir, '..');
  benchFunctionEngine(print);
  await benchThroughWorker(print, distDir);
  // One PyTorch process for the whole bench, so its start-up is never inside a timed round.
  const torch = await TorchReference.start(repoRoot);
  if ('missing' in torch) print(`PyTorch reference skipped: ${torch.missing}`);
  const reference = 'missing' in torch ? undefined : torch;
  try {
    // One measure of the rates: both floors are FLOPs at the kernel's peak.
    await useTensorBackend();
    const rates = measureFlopRates();
    await benchNetworkTraining(print, rates, reference);
    await benchLandscape(print, distDir, rates, reference);
  } finally {
    reference?.close();
  }
  print('frame time in headless Chromium: node scripts/bench-frames.mjs (needs /usr/bin/chromium)');
}
