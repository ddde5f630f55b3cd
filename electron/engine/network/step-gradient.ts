import type { ComputeResult, MlpModel, ResidentRows } from './mlp-model';

/**
 * What a training step asks of the model: the loss and gradient over a batch of the training
 * set, and the training (then test) set's loss in evaluation mode — on tfjs (this file) or on the
 * WASM kernel (kernel-gradient.ts).
 */
export interface StepGradient {
  /**
   * `rows`: the minibatch's row indices, or undefined for the whole training set. `dropoutMasks`:
   * per hidden layer, [rows × width] factors 0 or 1/(1 - rate), row-major. Unit maxima (relu
   * networks) are over the training set.
   */
  compute(
    params: Float32Array,
    gradient: Float32Array,
    rows: Int32Array | undefined,
    dropoutMasks: Float32Array[] | undefined,
  ): ComputeResult;
}

/** The step on tfjs, over the run's resident training and test sets. */
export function tfjsStepGradient(
  model: MlpModel,
  train: ResidentRows,
  test: ResidentRows | undefined,
  unitActivity: boolean,
): StepGradient {
  return {
    compute(params, gradient, rows, dropoutMasks) {
      const batch = rows ? model.gather(train, rows) : train;
      try {
        return model.compute(params, gradient, {
          batch,
          dropoutMasks,
          evaluate: test ? [train, test] : [train],
          unitActivity: unitActivity ? train : undefined,
        });
      } finally {
        if (batch !== train) model.release(batch);
      }
    },
  };
}
