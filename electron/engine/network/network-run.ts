import type { CriticalPointType, RunEvent } from '../../../shared/events';
import { joinVectors, type CheckpointCurvature } from '../../../shared/schemas/checkpoints';
import { createRandom, type Random } from '../../../shared/random';
import type { InitSpec } from '../../../shared/spec/network-spec';
import type { OptimizerSpec } from '../../../shared/spec/optimizer-spec';
import type { ScheduleSpec } from '../../../shared/spec/schedule-spec';
import type { EngineRun, EngineRunStatus, FrameBatch, NewCheckpoints, Prediction, RunData } from '../engine-run';
import { extremeEigenpairs, type LanczosOptions } from '../linalg/lanczos';
import { createOptimizer, type Optimizer } from '../optimizers';
import { clipGradientNorm } from '../optimizers/gradient-transforms';
import { createSchedule } from '../optimizers/schedule';
import { CHECKPOINT_LANCZOS, classifyCurvature, hessianOperator, type ExtremeCurvature } from './curvature';
import { initializeParams } from './initializers';
import { KernelGradient, kernelCovers } from './kernel-gradient';
import { MlpModel, type ResidentRows } from './mlp-model';
import { createNetworkEventDetector, divergedEvent, type NetworkEventDetector } from './network-events';
import type { ResolvedNetworkProblem } from './network-problem';
import { createPredictionGrid, type PredictionGrid } from './prediction-grid';
import { denseLayerSlices, paramLayout, type DenseLayerSlice, type ParamBlock } from './param-layout';
import { tfjsStepGradient, type StepGradient } from './step-gradient';
import { useTensorBackend, type TensorBackend } from './tensor-backend';

/** What trains a network: the WASM SIMD kernel (kernel/), or tfjs on its backend. */
export type NetworkBackend = 'kernel' | TensorBackend;

/** The fields of a run spec (docs/formats.md) that a network run uses. */
export interface NetworkRunSpec {
  init: InitSpec;
  optimizer: OptimizerSpec;
  steps: number;
  /** Rows per step; absent (or at least the training set's size): the full batch. */
  batchSize?: number;
  /** Seeds the minibatch order and the dropout masks. */
  seed: number;
  schedule?: ScheduleSpec;
  clipNorm?: number;
  l1?: number;
  l2?: number;
  dropout?: number;
}

export interface NetworkRunOptions {
  /** Start from these parameters instead of drawing them from `init` (to continue a run, or replay a reference). */
  initialParams?: Float32Array;
  /** The most parameter values all checkpoints together may hold (default 1,000,000). */
  checkpointValues?: number;
  /** tfjs's backend, for what the kernel does not do (curvature, predictions) or all of it. Default: wasm, or cpu where WASM cannot start. */
  backend?: TensorBackend;
  /** Train on the WASM SIMD kernel where it covers the network (default true); false: on tfjs. */
  kernel?: boolean;
  /**
   * On the kernel, take each step in one call, optimizer included (default true); false: the
   * kernel's gradient, then clipping and the optimizer in JS.
   */
  fused?: boolean;
  /** Checkpoints whose curvature is computed, first and last included; default as the budget allows (CURVATURE_BUDGET), 0 for none. */
  curvaturePoints?: number;
}

/** Steps fromStep … of a network run, as they leave the engine. */
export interface NetworkFrameBatch extends FrameBatch {
  /** Loss over the test split, when there is one. */
  testLoss?: Float64Array;
  /** Per point, per dense layer (input side first), row-major [points, layers]. */
  layerGradNorms: Float64Array;
  /** Per point, per dense layer: the norm of the parameter change of the step leaving it (0 at the final point). */
  layerUpdateNorms: Float64Array;
}

/** What a network run leaves for the run file (docs/formats.md, run file, networks). */
export interface NetworkRunRecord {
  status: EngineRunStatus;
  /** What trained it: the kernel, or tfjs's backend. */
  backend: NetworkBackend;
  paramLayout: ParamBlock[];
  initialParams: Float32Array;
  /** The last finite parameters: after the final step, or before the step that diverged. */
  finalParams: Float32Array;
  /** Loss over the whole training set in evaluation mode (no dropout), l1/l2 included; index 0 = initial. */
  loss: Float64Array;
  testLoss?: Float64Array;
  /** Norm of the gradient of the step's batch loss, l1/l2 included, before clipping. */
  gradNorm: Float64Array;
  /** Learning rate of the step leaving each point. */
  lr: Float64Array;
  /** Per point, per dense layer. */
  layerGradNorms: number[][];
  checkpoints: { steps: number[]; params: Float32Array[] };
  /** The Hessian's extreme eigenvalues [smallest, largest] at some checkpoints (data loss plus l2). */
  curvature: { steps: number[]; eigenvalues: [number, number][] };
  events: RunEvent[];
}

const MAX_CHECKPOINTS = 101;
/**
 * Checkpoint curvature may cost about this fraction of the training's own gradient work, counting
 * a Hessian-vector product as HVP_COST full-batch gradients (measured 1.2–1.5 on tfjs-wasm) and
 * a checkpoint's Lanczos as CHECKPOINT_LANCZOS.maxIterations products: a 300-step full-batch run
 * gets 3 curvature points, a 1,000-step one MAX_CURVATURE_POINTS. Stalls are classified besides.
 */
const CURVATURE_BUDGET = 0.5;
const HVP_COST = 1.5;
const MAX_CURVATURE_POINTS = 11;
/** Extreme eigenvalues for a timeline, not a verdict: fewer iterations and a looser stop than a stall's. */
const DEFAULT_CHECKPOINT_VALUES = 1_000_000;
/** Dropout masks come from their own stream, so switching dropout on leaves the batch order alone. */
const DROPOUT_STREAM = 0x27d4eb2f;

/** Builds a run of `spec` on `problem`: its tensors stay on the backend until it ends or dispose() is called. */
export async function createNetworkRun(
  problem: ResolvedNetworkProblem,
  spec: NetworkRunSpec,
  options: NetworkRunOptions = {},
): Promise<NetworkRun> {
  const backend = await useTensorBackend(options.backend);
  return new NetworkRun(problem, spec, options, backend);
}

/**
 * Trains an MLP with the shared torch.optim optimizers over its flat parameter vector. Point k
 * is the parameters after k steps; at each point the run records the training-set loss, then
 * takes the step that leaves it (none after the last). Stops at the first non-finite value,
 * keeping the last finite parameters.
 */
export class NetworkRun implements EngineRun {
  status: EngineRunStatus = 'running';
  private readonly model: MlpModel;
  private readonly layers: DenseLayerSlice[];
  private readonly params: Float32Array;
  private readonly initialParams: Float32Array;
  /** The parameters before the latest step: the last finite ones if that step diverges. */
  private readonly previous: Float32Array;
  private readonly lrAt: (step: number) => number;
  private readonly detector: NetworkEventDetector;
  private readonly batches: BatchStream;
  private readonly dropout?: { rate: number; random: Random; widths: number[] };
  /** The kernel that takes whole steps, when the run is fused… */
  private readonly fused?: KernelGradient;
  /** …or else the gradient (kernel or tfjs) and the JS optimizer that steps with it. */
  private readonly split?: { stepGradient: StepGradient; gradient: Float32Array; optimizer: Optimizer };
  /** What trains the network. */
  readonly engine: NetworkBackend;
  private train?: ResidentRows;
  private test?: ResidentRows;
  private readonly record: {
    loss: Float64Array;
    testLoss?: Float64Array;
    gradNorm: Float64Array;
    lr: Float64Array;
    layerGradNorms: Float64Array;
    layerUpdateNorms: Float64Array;
    events: RunEvent[];
    checkpoints: { steps: number[]; params: Float32Array[] };
    curvature: { steps: number[]; eigenvalues: [number, number][] };
  };
  private readonly checkpointEvery: number;
  /** Checkpoints at multiples of this step, and the last, get their curvature computed (0: none). */
  private readonly curvatureEvery: number;
  /** What the Hessian's extreme eigenvalues make of each point of record.curvature. */
  private readonly curvatureKinds: CriticalPointType[] = [];
  /** Points recorded so far. */
  private count = 0;
  /** Checkpoints already handed out in a frame batch. */
  private checkpointsSent = 0;
  private grid?: PredictionGrid | null;

  constructor(
    private readonly problem: ResolvedNetworkProblem,
    private readonly spec: NetworkRunSpec,
    options: NetworkRunOptions,
    readonly backend: TensorBackend,
  ) {
    const { sizes, activation, loss } = problem;
    this.model = new MlpModel(sizes, activation, loss);
    this.layers = denseLayerSlices(sizes);
    this.initialParams = options.initialParams
      ? Float32Array.from(options.initialParams)
      : initializeParams(sizes, spec.init);
    if (this.initialParams.length !== this.layers.at(-1)!.end) {
      throw new Error(
        `initialParams holds ${this.initialParams.length} values; the network has ${this.layers.at(-1)!.end}`,
      );
    }
    this.params = Float32Array.from(this.initialParams);
    this.previous = Float32Array.from(this.initialParams);
    this.lrAt = createSchedule(spec.schedule, spec.optimizer.lr);
    this.detector = createNetworkEventDetector(sizes, activation, spec.steps, (params) => this.curvatureAt(params));
    this.batches = new BatchStream(problem.train.rows, spec.batchSize, spec.seed);
    if (spec.dropout) {
      this.dropout = {
        rate: spec.dropout,
        random: createRandom((spec.seed ^ DROPOUT_STREAM) >>> 0),
        widths: sizes.slice(1, -1),
      };
    }
    this.train = this.model.upload(problem.train);
    this.test = problem.test && this.model.upload(problem.test);
    const unitActivity = activation === 'relu';
    // The JS gradient and optimizer exist only when the kernel does not take the whole step.
    const split = (stepGradient: StepGradient) => ({
      stepGradient,
      gradient: new Float32Array(this.params.length),
      optimizer: createOptimizer(spec.optimizer, this.params.length),
    });
    if (options.kernel !== false && kernelCovers(problem)) {
      const { optimizer, clipNorm, l1, l2 } = spec;
      const fused = options.fused !== false ? { optimizer, clipNorm, l1, l2 } : undefined;
      const kernel = new KernelGradient(problem, problem.train, problem.test, {
        batchSize: spec.batchSize,
        dropout: !!spec.dropout,
        unitActivity,
        fused,
      });
      if (fused) {
        this.fused = kernel;
        kernel.residentParams.set(this.params);
      } else {
        this.split = split(kernel);
      }
      this.engine = 'kernel';
    } else {
      this.split = split(tfjsStepGradient(this.model, this.train, this.test, unitActivity));
      this.engine = backend;
    }
    const n = spec.steps + 1;
    const perLayer = n * this.layers.length;
    this.record = {
      loss: new Float64Array(n),
      testLoss: problem.test && new Float64Array(n),
      gradNorm: new Float64Array(n),
      lr: new Float64Array(n),
      layerGradNorms: new Float64Array(perLayer),
      layerUpdateNorms: new Float64Array(perLayer),
      events: [],
      checkpoints: { steps: [], params: [] },
      curvature: { steps: [], eigenvalues: [] },
    };
    const budget = options.checkpointValues ?? DEFAULT_CHECKPOINT_VALUES;
    const stored = Math.min(MAX_CHECKPOINTS, Math.max(2, Math.floor(budget / this.params.length)));
    this.checkpointEvery = Math.max(1, Math.ceil(spec.steps / (stored - 1)));
    this.curvatureEvery = this.curvatureSpacing(options.curvaturePoints);
  }

  advance(maxSteps: number): NetworkFrameBatch {
    const from = this.count;
    const events: RunEvent[] = [];
    const limit = Math.min(this.spec.steps + 1, from + maxSteps + (from === 0 ? 1 : 0));
    while (this.status === 'running' && this.count < limit) this.visitPoint(events);
    this.record.events.push(...events);
    const to = this.count;
    const layers = this.layers.length;
    return {
      fromStep: from,
      loss: this.record.loss.slice(from, to),
      testLoss: this.record.testLoss?.slice(from, to),
      gradNorm: this.record.gradNorm.slice(from, to),
      lr: this.record.lr.slice(from, to),
      layerGradNorms: this.record.layerGradNorms.slice(from * layers, to * layers),
      layerUpdateNorms: this.record.layerUpdateNorms.slice(from * layers, to * layers),
      events,
      ...this.newCheckpoints(),
    };
  }

  /** The checkpoints taken since the last batch, if any: each crosses to the app once. */
  private newCheckpoints(): { checkpoints?: NewCheckpoints } {
    const { steps, params } = this.record.checkpoints;
    const from = this.checkpointsSent;
    if (from === steps.length) return {};
    this.checkpointsSent = steps.length;
    return { checkpoints: { steps: Float64Array.from(steps.slice(from)), params: joinVectors(params.slice(from)) } };
  }

  /** The run so far, trimmed to the points it reached. */
  result(): NetworkRunRecord {
    const n = this.count;
    const layers = this.layers.length;
    const { record } = this;
    return {
      status: this.status,
      backend: this.engine,
      paramLayout: paramLayout(this.problem.sizes),
      initialParams: this.initialParams,
      finalParams: Float32Array.from(this.params),
      loss: record.loss.subarray(0, n),
      testLoss: record.testLoss?.subarray(0, n),
      gradNorm: record.gradNorm.subarray(0, n),
      lr: record.lr.subarray(0, n),
      layerGradNorms: Array.from({ length: n }, (_, k) =>
        Array.from(record.layerGradNorms.subarray(k * layers, (k + 1) * layers)),
      ),
      checkpoints: record.checkpoints,
      curvature: record.curvature,
      events: record.events,
    };
  }

  get data(): RunData {
    const { train, test } = this.problem;
    return {
      backend: this.engine,
      features: train.features,
      x: Float64Array.from(train.x),
      y: Float64Array.from(train.y),
      ...(test ? { test: { x: Float64Array.from(test.x), y: Float64Array.from(test.y) } } : {}),
    };
  }

  curvature(): CheckpointCurvature | undefined {
    const { curvature } = this.record;
    if (!curvature.steps.length) return undefined;
    return {
      steps: Float64Array.from(curvature.steps),
      eigenvalues: Float64Array.from(curvature.eigenvalues.flat()),
      kinds: [...this.curvatureKinds],
    };
  }

  /** The model's outputs over the data's box at the current point, for the app's boundary or curve. */
  predict(): Prediction | null {
    this.grid ??= createPredictionGrid(this.problem.train);
    if (!this.grid || this.count === 0) return null;
    const values = this.model.predict(this.params, this.grid.inputs, this.grid.rows);
    const { x, y } = this.grid;
    return {
      step: this.count - 1,
      x,
      ...(y ? { y } : {}),
      outputs: values.length / this.grid.rows,
      values: Float64Array.from(values),
    };
  }

  /** Frees the run's tensors; it happens by itself when the run completes or diverges. */
  dispose(): void {
    if (this.train) this.model.release(this.train);
    if (this.test) this.model.release(this.test);
    this.train = this.test = undefined;
  }

  /** Records the current point, then steps away from it (or stops). */
  private visitPoint(events: RunEvent[]): void {
    const k = this.count;
    const rows = this.batches.next();
    const masks = this.dropout && this.dropoutMasks(rows?.length ?? this.problem.train.rows);
    const lr = this.lrAt(k);
    const fusedStep = this.fused?.fusedStep(rows, masks, lr, k < this.spec.steps);
    const result = fusedStep ?? this.split!.stepGradient.compute(this.params, this.split!.gradient, rows, masks);
    const penalty = fusedStep ? fusedStep.penalty : this.addPenalty(this.split!.gradient);
    const loss = result.losses[0]! + penalty;
    const testLoss = this.test ? result.losses[1]! + penalty : 0;
    const layerNorms = this.layerGradNorms(k, fusedStep?.layerGradNorms);
    const gradNorm = Math.hypot(...layerNorms);
    if (![loss, testLoss, result.batchLoss, gradNorm].every(Number.isFinite)) {
      this.diverge(k, events);
      return;
    }
    this.record.loss[k] = loss;
    if (this.record.testLoss) this.record.testLoss[k] = testLoss;
    this.record.gradNorm[k] = gradNorm;
    this.record.lr[k] = lr;
    this.count++;
    events.push(
      ...this.detector.observe({
        step: k,
        loss,
        gradNorm,
        layerGradNorms: layerNorms,
        params: this.params,
        unitMaxima: result.unitMaxima,
      }),
    );
    if (k === this.spec.steps) {
      this.checkpoint(k);
      this.end('completed', events, k);
      return;
    }
    if (k % this.checkpointEvery === 0) this.checkpoint(k);
    this.previous.set(this.params);
    if (fusedStep) {
      this.params.set(this.fused!.residentParams);
      this.record.layerUpdateNorms.set(fusedStep.layerUpdateNorms, k * this.layers.length);
      return;
    }
    const { gradient, optimizer } = this.split!;
    if (this.spec.clipNorm !== undefined) clipGradientNorm(gradient, this.spec.clipNorm);
    optimizer.step(this.params, gradient, lr);
    this.recordUpdateNorms(k);
  }

  /** Adds l1·Σ|w| + l2·Σw² over the kernels to `gradient`; returns the penalty. */
  private addPenalty(gradient: Float32Array): number {
    const { l1 = 0, l2 = 0 } = this.spec;
    if (!l1 && !l2) return 0;
    const { params } = this;
    let penalty = 0;
    for (const { kernelOffset, biasOffset } of this.layers) {
      for (let i = kernelOffset; i < biasOffset; i++) {
        const w = params[i]!;
        penalty += l1 * Math.abs(w) + l2 * w * w;
        gradient[i] = gradient[i]! + l1 * Math.sign(w) + 2 * l2 * w;
      }
    }
    return penalty;
  }

  /** Records point k's gradient norm per layer: the fused step's `computed` ones, or of the JS gradient. */
  private layerGradNorms(k: number, computed: Float64Array | undefined): Float64Array {
    const norms = this.record.layerGradNorms.subarray(k * this.layers.length, (k + 1) * this.layers.length);
    if (computed) norms.set(computed);
    else this.layers.forEach(({ kernelOffset, end }, l) => (norms[l] = norm(this.split!.gradient, kernelOffset, end)));
    return norms;
  }

  private recordUpdateNorms(k: number): void {
    const out = this.record.layerUpdateNorms;
    this.layers.forEach(({ kernelOffset, end }, l) => {
      let sum = 0;
      for (let i = kernelOffset; i < end; i++) sum += (this.params[i]! - this.previous[i]!) ** 2;
      out[k * this.layers.length + l] = Math.sqrt(sum);
    });
  }

  private dropoutMasks(rows: number): Float32Array[] {
    const { rate, random, widths } = this.dropout!;
    const keep = 1 / (1 - rate);
    return widths.map((width) =>
      Float32Array.from({ length: rows * width }, () => (random.uniform() < rate ? 0 : keep)),
    );
  }

  private checkpoint(k: number): void {
    this.record.checkpoints.steps.push(k);
    this.record.checkpoints.params.push(Float32Array.from(this.params));
    if (this.curvatureEvery > 0 && (k % this.curvatureEvery === 0 || k === this.spec.steps)) {
      const curvature = this.curvatureAt(this.params, CHECKPOINT_LANCZOS);
      this.record.curvature.steps.push(k);
      this.record.curvature.eigenvalues.push(curvature.eigenvalues);
      this.curvatureKinds.push(classifyCurvature(curvature));
    }
  }

  /** The Hessian's extreme eigenpairs at `params`: training data in evaluation mode, l2 included. */
  private curvatureAt(params: Float32Array, options: LanczosOptions = {}): ExtremeCurvature {
    const operator = hessianOperator(this.model, params, this.train!, this.spec.l2 ?? 0);
    return extremeEigenpairs(operator, params.length, { seed: this.spec.seed, ...options });
  }

  /** Checkpoint steps between curvature points: `requested` points, or as many as CURVATURE_BUDGET allows (at least the first and last). */
  private curvatureSpacing(requested: number | undefined): number {
    const { steps, batchSize } = this.spec;
    const batchFraction = Math.min(1, (batchSize ?? Infinity) / this.problem.train.rows);
    const affordable = Math.floor(
      (CURVATURE_BUDGET * steps * batchFraction) / (HVP_COST * CHECKPOINT_LANCZOS.maxIterations!),
    );
    const points = requested ?? Math.min(MAX_CURVATURE_POINTS, Math.max(2, affordable));
    if (points <= 0) return 0;
    const intervals = Math.ceil(steps / this.checkpointEvery);
    return this.checkpointEvery * Math.ceil(intervals / Math.max(1, points - 1));
  }

  /** Point k is not finite: go back to the parameters of point k - 1, the last finite one. */
  private diverge(k: number, events: RunEvent[]): void {
    if (k > 0) {
      this.params.set(this.previous);
      if (this.record.checkpoints.steps.at(-1) !== k - 1) this.checkpoint(k - 1);
    }
    this.end('diverged', events, k - 1);
    events.push(divergedEvent(k));
  }

  private end(status: 'completed' | 'diverged', events: RunEvent[], lastStep: number): void {
    this.status = status;
    events.push(...this.detector.finish(lastStep, status));
    this.dispose();
  }
}

function norm(values: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]! * values[i]!;
  return Math.sqrt(sum);
}

/** Minibatch rows: a seeded reshuffle each epoch, the last batch of an epoch possibly smaller (PyTorch's DataLoader). */
class BatchStream {
  private readonly order: Int32Array;
  private readonly random: Random;
  private position: number;

  constructor(
    private readonly rows: number,
    private readonly batchSize: number | undefined,
    seed: number,
  ) {
    this.order = Int32Array.from({ length: rows }, (_, i) => i);
    this.random = createRandom(seed);
    this.position = rows;
  }

  /** The next batch's rows, or undefined for the full batch. */
  next(): Int32Array | undefined {
    if (this.batchSize === undefined || this.batchSize >= this.rows) return undefined;
    if (this.position >= this.rows) {
      for (let i = this.rows - 1; i > 0; i--) {
        const j = this.random.int(i + 1);
        [this.order[i], this.order[j]] = [this.order[j]!, this.order[i]!];
      }
      this.position = 0;
    }
    const batch = this.order.subarray(this.position, Math.min(this.rows, this.position + this.batchSize));
    this.position += batch.length;
    return batch;
  }
}
