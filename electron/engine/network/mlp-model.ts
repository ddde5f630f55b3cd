import * as tf from '@tensorflow/tfjs';
import type { Activation, LossName } from '../../../shared/spec/network-spec';
import { ACTIVATION_KERNELS, type ActivationKernel } from './activations';
import type { Dataset } from './dataset';
import { LOSS_HEADS, type LossHead } from './losses';
import { denseLayerSlices, type DenseLayerSlice } from './param-layout';

/** Rows held as tensors for as long as a run lasts (the training set) or a step (a minibatch). */
export interface ResidentRows {
  rows: number;
  x: tf.Tensor2D;
  /** xᵀ, for the first layer's kernel gradient: kept so no step transposes the inputs. */
  xT: tf.Tensor2D;
  /** [rows, 1] labels or values, or one-hot [rows, classes] for cross_entropy. */
  target: tf.Tensor2D;
}

export interface ComputeRequest {
  /** The rows of this step's gradient. */
  batch: ResidentRows;
  /** Dropout: per hidden layer, [rows × width] factors 0 or 1/(1 - rate), row-major. */
  dropoutMasks?: Float32Array[];
  /** Sets whose loss to report in evaluation mode (no dropout); the batch itself is not recomputed. */
  evaluate: ResidentRows[];
  /** A set for which to report each hidden unit's largest output over its rows. */
  unitActivity?: ResidentRows;
}

export interface ComputeResult {
  batchLoss: number;
  /** One per `evaluate` set. */
  losses: number[];
  /** Per hidden layer, each unit's largest output over the `unitActivity` rows. */
  unitMaxima?: Float32Array[];
}

interface Forward {
  logits: tf.Tensor2D;
  /** Per hidden layer: its output before dropout, its input z where the derivative needs it, and after dropout. */
  hidden: { a: tf.Tensor2D; z?: tf.Tensor2D; dropped: tf.Tensor2D }[];
}

/**
 * A multilayer perceptron whose parameters live in one flat Float32Array (param-layout.ts). The
 * gradient is written out by hand in tfjs ops — forward, then each layer's backward — rather than
 * taken by tf.grads: it never computes the unused gradient for the inputs, and multiplies by
 * explicit transposes, since tfjs-wasm's transposed matMul runs ten times slower than a plain one.
 * A step costs one upload of the parameters and one read-back of everything it reports.
 */
export class MlpModel {
  readonly layers: DenseLayerSlice[];
  private readonly activation: ActivationKernel;
  private readonly head: LossHead;

  constructor(
    readonly sizes: readonly number[],
    activation: Activation,
    readonly loss: LossName,
  ) {
    this.layers = denseLayerSlices(sizes);
    this.activation = ACTIVATION_KERNELS[activation];
    this.head = LOSS_HEADS[loss];
  }

  /** Uploads a dataset; release() frees it. */
  upload(dataset: Dataset): ResidentRows {
    return tf.tidy(() => {
      const x = tf.tensor2d(dataset.x, [dataset.rows, dataset.features]);
      return { rows: dataset.rows, x, xT: tf.transpose(x), target: this.targetTensor(dataset.y) };
    });
  }

  /** A minibatch of `data`'s rows; release() frees it. */
  gather(data: ResidentRows, rows: Int32Array): ResidentRows {
    return tf.tidy(() => {
      const index = tf.tensor1d(rows, 'int32');
      const x = tf.gather(data.x, index);
      return { rows: rows.length, x, xT: tf.transpose(x), target: tf.gather(data.target, index) };
    });
  }

  release(data: ResidentRows): void {
    tf.dispose([data.x, data.xT, data.target]);
  }

  /** The batch's loss and its gradient with respect to `params` (into `gradient`), and what `request` asks besides. */
  compute(params: Float32Array, gradient: Float32Array, request: ComputeRequest): ComputeResult {
    const hiddenWidths = this.sizes.slice(1, -1);
    const report = tf.tidy(() => {
      const weights = this.weights(params);
      const masks = request.dropoutMasks?.map((mask, l) => tf.tensor2d(mask, [request.batch.rows, hiddenWidths[l]!]));
      const batchForward = this.forward(weights, request.batch.x, masks);
      const [batchLoss, logitGradient] = this.head.valueAndGradient(batchForward.logits, request.batch.target);
      const parts: tf.Tensor[] = this.backward(weights, request.batch, batchForward, masks, logitGradient);
      parts.push(batchLoss.reshape([1]));
      const reuse = (set: ResidentRows) => set === request.batch && !masks;
      const evaluated = new Map<ResidentRows, Forward>();
      const evaluate = (set: ResidentRows): Forward => {
        if (reuse(set)) return batchForward;
        if (!evaluated.has(set)) evaluated.set(set, this.forward(weights, set.x));
        return evaluated.get(set)!;
      };
      for (const set of request.evaluate) {
        parts.push(
          reuse(set) ? batchLoss.reshape([1]) : this.head.value(evaluate(set).logits, set.target).reshape([1]),
        );
      }
      if (request.unitActivity) {
        for (const { a } of evaluate(request.unitActivity).hidden) parts.push(tf.max(a, 0));
      }
      return tf.concat(parts);
    });
    const values = report.dataSync() as Float32Array;
    report.dispose();
    gradient.set(values.subarray(0, gradient.length));
    let offset = gradient.length;
    const batchLoss = values[offset++]!;
    const losses = request.evaluate.map(() => values[offset++]!);
    const unitMaxima = request.unitActivity
      ? hiddenWidths.map((width) => values.slice(offset, (offset += width)))
      : undefined;
    return { batchLoss, losses, unitMaxima };
  }

  /**
   * The model's outputs for `rows` inputs (row-major), in evaluation mode: the probability of
   * class 1 (bce), each class's probability (cross_entropy), or the predicted value (mse).
   */
  predict(params: Float32Array, inputs: Float32Array, rows: number): Float32Array {
    const outputs = tf.tidy(() => {
      const weights = this.layers.map((layer) => ({
        kernel: tf.tensor2d(params.subarray(layer.kernelOffset, layer.biasOffset), [layer.inputs, layer.outputs]),
        bias: tf.tensor1d(params.subarray(layer.biasOffset, layer.end)),
      }));
      const { logits } = this.forward(weights, tf.tensor2d(inputs, [rows, this.sizes[0]!]));
      return this.loss === 'bce' ? tf.sigmoid(logits) : this.loss === 'cross_entropy' ? tf.softmax(logits) : logits;
    });
    const values = outputs.dataSync() as Float32Array;
    outputs.dispose();
    return values;
  }

  /** The mean loss over `data` at `params`, in evaluation mode (no dropout). */
  lossAt(params: Float32Array, data: ResidentRows): number {
    const value = tf.tidy(() => this.head.value(this.forward(this.weights(params), data.x).logits, data.target));
    const loss = value.dataSync()[0]!;
    value.dispose();
    return loss;
  }

  /**
   * The Hessian of the mean loss over `data` (evaluation mode) times `vector`, into `out`: exact
   * to float32 rounding by forward-over-reverse (Pearlmutter's R-operator) through the same
   * hand-written backward pass — tangents of the forward pass, then of each layer's backward step.
   */
  hessianVectorProduct(params: Float32Array, vector: Float32Array, out: Float32Array, data: ResidentRows): void {
    const product = tf.tidy(() => {
      const weights = this.weights(params);
      const tangents = this.weights(vector);
      const forward = this.forward(weights, data.x);
      // R(z) of each layer: R(input)·W + input·V + Vb, where R(x) = 0; R(a) = f'(z) R(z) of each hidden layer.
      const rz: tf.Tensor2D[] = [];
      const ra: tf.Tensor2D[] = [];
      this.layers.forEach((_, l) => {
        const input = l === 0 ? data.x : forward.hidden[l - 1]!.a;
        const direct: tf.Tensor2D = tf.add(tf.matMul(input, tangents[l]!.kernel), tangents[l]!.bias);
        rz.push(l === 0 ? direct : tf.add(tf.matMul(ra[l - 1]!, weights[l]!.kernel), direct));
        if (l === this.layers.length - 1) return;
        const { a, z } = forward.hidden[l]!;
        ra.push(this.activation.derivative ? tf.mul(this.activation.derivative(a, z), rz[l]!) : rz[l]!);
      });
      let [, delta] = this.head.valueAndGradient(forward.logits, data.target);
      let rDelta = this.head.logitHessianProduct(forward.logits, data.target, rz.at(-1)!);
      const parts: tf.Tensor1D[] = [];
      for (let l = this.layers.length - 1; l >= 0; l--) {
        // R(gW) = R(input)ᵀ δ + inputᵀ R(δ); R(gb) = Σ R(δ).
        const inputT = l === 0 ? data.xT : tf.transpose(forward.hidden[l - 1]!.a);
        let rKernel: tf.Tensor2D = tf.matMul(inputT, rDelta);
        if (l > 0) rKernel = tf.add(rKernel, tf.matMul(tf.transpose(ra[l - 1]!), delta));
        parts.unshift(rKernel.reshape([-1]), tf.sum(rDelta, 0));
        if (l === 0) break;
        // δ' = (δ Wᵀ) ⊙ f'(z); R(δ') = (R(δ) Wᵀ + δ Vᵀ) ⊙ f'(z) + (δ Wᵀ) ⊙ f''(z) ⊙ R(z).
        const kernelT = tf.transpose(weights[l]!.kernel);
        const upstream: tf.Tensor2D = tf.matMul(delta, kernelT);
        const rUpstream: tf.Tensor2D = tf.add(
          tf.matMul(rDelta, kernelT),
          tf.matMul(delta, tf.transpose(tangents[l]!.kernel)),
        );
        const { a, z } = forward.hidden[l - 1]!;
        const { derivative, secondDerivative } = this.activation;
        if (!derivative) {
          [delta, rDelta] = [upstream, rUpstream];
          continue;
        }
        const slope = derivative(a, z);
        delta = tf.mul(upstream, slope);
        rDelta = tf.mul(rUpstream, slope);
        if (secondDerivative) rDelta = tf.add(rDelta, tf.mul(tf.mul(upstream, secondDerivative(a, z)), rz[l - 1]!));
      }
      return tf.concat(parts);
    });
    out.set(product.dataSync() as Float32Array);
    product.dispose();
  }

  private weights(params: Float32Array): { kernel: tf.Tensor2D; bias: tf.Tensor1D }[] {
    return this.layers.map((layer) => ({
      kernel: tf.tensor2d(params.subarray(layer.kernelOffset, layer.biasOffset), [layer.inputs, layer.outputs]),
      bias: tf.tensor1d(params.subarray(layer.biasOffset, layer.end)),
    }));
  }

  private forward(
    weights: { kernel: tf.Tensor2D; bias: tf.Tensor1D }[],
    x: tf.Tensor2D,
    masks?: tf.Tensor2D[],
  ): Forward {
    const hidden: Forward['hidden'] = [];
    let input = x;
    weights.slice(0, -1).forEach(({ kernel, bias }, l) => {
      const { fused, leakyreluAlpha, apply, needsInput } = this.activation;
      const out = tf.fused.matMul({ a: input, b: kernel, bias, activation: fused, leakyreluAlpha }) as tf.Tensor2D;
      const a = apply ? apply(out) : out;
      const dropped: tf.Tensor2D = masks ? tf.mul(a, masks[l]!) : a;
      hidden.push({ a, z: needsInput ? out : undefined, dropped });
      input = dropped;
    });
    const { kernel, bias } = weights.at(-1)!;
    return { logits: tf.fused.matMul({ a: input, b: kernel, bias }) as tf.Tensor2D, hidden };
  }

  /** Kernel and bias gradients, layer by layer in the flat layout's order, as 1-D tensors. */
  private backward(
    weights: { kernel: tf.Tensor2D; bias: tf.Tensor1D }[],
    batch: ResidentRows,
    forward: Forward,
    masks: tf.Tensor2D[] | undefined,
    logitGradient: tf.Tensor2D,
  ): tf.Tensor1D[] {
    const parts: tf.Tensor1D[] = [];
    let delta: tf.Tensor2D = logitGradient;
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const inputT = l === 0 ? batch.xT : tf.transpose(forward.hidden[l - 1]!.dropped);
      parts.unshift(tf.matMul(inputT, delta).reshape([-1]), tf.sum(delta, 0));
      if (l === 0) break;
      let upstream: tf.Tensor2D = tf.matMul(delta, tf.transpose(weights[l]!.kernel));
      if (masks) upstream = tf.mul(upstream, masks[l - 1]!);
      const { a, z } = forward.hidden[l - 1]!;
      delta = this.activation.derivative ? tf.mul(upstream, this.activation.derivative(a, z)) : upstream;
    }
    return parts;
  }

  private targetTensor(y: Float32Array): tf.Tensor2D {
    return targetTensor(y, this.loss, this.sizes.at(-1)!);
  }
}

/** [rows, 1] labels or values, or one-hot [rows, classes] for cross_entropy. */
export function targetTensor(y: Float32Array, loss: LossName, outputs: number): tf.Tensor2D {
  if (loss !== 'cross_entropy') return tf.tensor2d(y, [y.length, 1]);
  return tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), outputs).toFloat() as tf.Tensor2D;
}
