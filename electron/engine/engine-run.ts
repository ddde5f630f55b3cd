import type { DataMessage, FramesMessage, PredictionMessage, RunStatus } from '../../shared/protocol';
import type { CheckpointCurvature } from '../../shared/schemas/checkpoints';

/**
 * What a run yields, as its messages (shared/protocol.ts, whose shapes live in shared/schemas/)
 * carry it, less the message's type and run id.
 */
type Payload<Message> = Omit<Message, 'type' | 'runId'>;

/** Steps fromStep .. fromStep + loss.length - 1 of a run, as they leave the engine. */
export type FrameBatch = Payload<FramesMessage>;

/** Networks: checkpoints as they are taken during a batch of steps, each sent once. */
export type NewCheckpoints = NonNullable<FrameBatch['checkpoints']>;

/** The states a run reaches by itself; pausing, cancelling and failing come from outside it. */
export type EngineRunStatus = Extract<RunStatus, 'running' | 'completed' | 'diverged'>;

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
  /**
   * Networks, once finished: the Hessian's extreme eigenvalues at its checkpoints, if it measured
   * any (frames carried the checkpoints themselves; the completion sends only this).
   */
  curvature?(): CheckpointCurvature | undefined;
}

/** Networks: the rows a run trains and tests on, and what trains it. */
export type RunData = Payload<DataMessage>;

/** What a network predicts over its prediction grid at one step (drawn as boundary or curve). */
export type Prediction = Payload<PredictionMessage>;
