import type { CriticalPointType, RunEvent } from '../../shared/events';

/** Steps fromStep .. fromStep + loss.length - 1 of a run, as they leave the engine. */
export interface FrameBatch {
  fromStep: number;
  /** Functions: x, y interleaved. */
  points?: Float64Array;
  loss: Float64Array;
  gradNorm: Float64Array;
  lr: Float64Array;
  events: RunEvent[];
  /** Networks: loss over the test split, when there is one. */
  testLoss?: Float64Array;
  /** Networks: per point, per dense layer (input side first), row-major [points, layers]. */
  layerGradNorms?: Float64Array;
  /** Networks: the checkpoints taken during these steps, each sent once, so a training run's path can be drawn as it grows. */
  checkpoints?: NewCheckpoints;
}

/** Checkpoints as they are taken: their steps, and their parameter vectors one after another. */
export interface NewCheckpoints {
  steps: Float64Array;
  params: Float64Array;
}

export type EngineRunStatus = 'running' | 'completed' | 'diverged';

/** A training run that the worker and the CLI drive a batch of steps at a time. */
export interface EngineRun {
  readonly status: EngineRunStatus;
  /** Runs up to maxSteps more steps; the first call also returns the starting point (step 0). */
  advance(maxSteps: number): FrameBatch;
  /** Frees what the run holds outside the JS heap (tensors); called once it ends or is cancelled. */
  dispose?(): void;
  /** Networks with 1 or 2 inputs: the model's outputs over a lattice of inputs, at the current point. */
  predict?(): Prediction | null;
  /** Networks: the rows it trains and tests on, for the app to draw (sent once, at the start). */
  readonly data?: RunData;
  /** Networks, once finished: its checkpoints, for the app's landscape view. */
  checkpoints?(): RunCheckpoints;
}

/** A run's checkpoints as they cross to the app: parameter vectors one after another, and their steps. */
export interface RunCheckpoints {
  params: Float64Array;
  steps: Float64Array;
  /** The Hessian's extreme eigenvalues at some checkpoints, [smallest, largest] per step, and what they make of each point. */
  curvature?: { steps: Float64Array; eigenvalues: Float64Array; kinds: CriticalPointType[] };
}

export interface RunData {
  /** What trains it: the WASM SIMD kernel, or tfjs on wasm (cpu where WASM could not start). */
  backend: 'kernel' | 'wasm' | 'cpu';
  features: number;
  /** Row-major [rows, features]. */
  x: Float64Array;
  y: Float64Array;
  test?: { x: Float64Array; y: Float64Array };
}

/** What a network predicts over its prediction grid at one step (drawn as boundary or curve). */
export interface Prediction {
  step: number;
  x: Float64Array;
  y?: Float64Array;
  /** Outputs per lattice point (1, or one per class), row-major, y outer. */
  outputs: number;
  values: Float64Array;
}
