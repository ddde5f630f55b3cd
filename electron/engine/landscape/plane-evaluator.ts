import * as tf from '@tensorflow/tfjs';
import type { Activation, LossName } from '../../../shared/spec/network-spec';
import type { Dataset } from '../network/dataset';
import { LOSS_HEADS, type LossHead } from '../network/losses';
import { targetTensor } from '../network/mlp-model';
import { denseLayerSlices, type DenseLayerSlice } from '../network/param-layout';
import { foldedActivation, type FoldedActivation } from './folded-activation';

/** The plane center + α·d1 + β·d2 in the flat parameter layout (param-layout.ts). */
export interface Plane {
  center: ArrayLike<number>;
  d1: ArrayLike<number>;
  d2: ArrayLike<number>;
}

export interface NetworkShape {
  sizes: readonly number[];
  activation: Activation;
  loss: LossName;
}

/** Rows per resident chunk of the data, so a large dataset's first-layer products stay bounded. */
const CHUNK_ROWS = 4096;
/** Points whose logits are stacked for one loss evaluation: few ops for many points, while the stack stays in cache. */
const STACK_VALUES = 1 << 17;

interface Chunk {
  rows: number;
  target: tf.Tensor2D;
  /**
   * The first layer's pre-activations at the center and their rates along d1 and d2 — XW + b
   * for W, b from center, d1, d2 — as [3, rows · width]: a [1, 3] row of coefficients times it
   * gives the first layer anywhere on the plane.
   */
  firstLayer: tf.Tensor2D;
}

/**
 * The loss over a dataset at points of a plane through parameter space, without a forward pass
 * per point. The first layer is linear in (α, β): X(W₀ + αD₁ + βD₂) = XW₀ + αXD₁ + βXD₂, so those
 * products are made once per slice and each point's first layer is one [1, 3] × [3, rows·width]
 * matMul with the activation fused; the layers above run per point with weights formed on the
 * CPU (they are small) and their activations fused too. The loss runs on a stack of points at
 * once, which batches its many small element-wise ops.
 *
 * Measured on tfjs-wasm against the alternatives (41×41 grids of 1,000 rows): a 3-D batched
 * matMul per stack of points ran about 3× slower than per-point 2-D matMuls; keeping activations
 * transposed, to make the rows the wide output dimension, ran 2× slower, because XNNPACK packs
 * the right-hand operand on every call and that operand would be the activations.
 */
export class PlaneEvaluator {
  private readonly layers: DenseLayerSlice[];
  private readonly head: LossHead;
  /** Per layer: its activation as folded (the identity for the output layer). */
  private readonly forms: FoldedActivation[];
  private readonly chunks: Chunk[];
  private readonly rows: number;

  constructor(
    private readonly shape: NetworkShape,
    data: Dataset,
    private readonly plane: Plane,
  ) {
    this.layers = denseLayerSlices(shape.sizes);
    this.head = LOSS_HEADS[shape.loss];
    const hidden = foldedActivation(shape.activation);
    const identity: FoldedActivation = { fused: 'linear', inputScale: 1, outputScale: 1, outputShift: 0 };
    this.forms = this.layers.map((_, l) => (l < this.layers.length - 1 ? hidden : identity));
    this.rows = data.rows;
    this.chunks = [];
    for (let from = 0; from < data.rows; from += CHUNK_ROWS) {
      this.chunks.push(this.uploadChunk(data, from, Math.min(data.rows, from + CHUNK_ROWS)));
    }
  }

  /** Writes the mean loss at center + alphas[k]·d1 + betas[k]·d2 into out[offset + k]. */
  evaluate(alphas: ArrayLike<number>, betas: ArrayLike<number>, out: Float64Array, offset = 0): void {
    const outputs = this.layers.at(-1)!.outputs;
    const stack = Math.max(1, Math.floor(STACK_VALUES / (Math.min(this.rows, CHUNK_ROWS) * outputs)));
    for (let from = 0; from < alphas.length; from += stack) {
      const to = Math.min(alphas.length, from + stack);
      const sums = tf.tidy(() => {
        let total: tf.Tensor1D | undefined;
        for (const chunk of this.chunks) {
          const logits: tf.Tensor2D[] = [];
          for (let k = from; k < to; k++) logits.push(this.logits(chunk, alphas[k]!, betas[k]!));
          const part = this.head.pointSums(tf.stack(logits) as tf.Tensor3D, chunk.target);
          total = total ? tf.add(total, part) : part;
        }
        return total!;
      });
      const values = sums.dataSync();
      sums.dispose();
      for (let k = from; k < to; k++) out[offset + k] = values[k - from]! / this.rows;
    }
  }

  dispose(): void {
    for (const chunk of this.chunks) tf.dispose([chunk.target, chunk.firstLayer]);
    this.chunks.length = 0;
  }

  /** One point's logits on one chunk of rows, [rows, outputs]. */
  private logits(chunk: Chunk, alpha: number, beta: number): tf.Tensor2D {
    const s = this.forms[0]!.inputScale;
    const coefficients = tf.tensor2d([s, s * alpha, s * beta], [1, 3]);
    let h = this.layer(coefficients, chunk.firstLayer, undefined, 0).reshape([
      chunk.rows,
      this.layers[0]!.outputs,
    ]) as tf.Tensor2D;
    for (let l = 1; l < this.layers.length; l++) {
      const { inputs, outputs } = this.layers[l]!;
      const { kernel, bias } = this.formWeights(l, alpha, beta);
      h = this.layer(h, tf.tensor2d(kernel, [inputs, outputs]), tf.tensor1d(bias), l);
    }
    return h;
  }

  private layer(a: tf.Tensor2D, b: tf.Tensor2D, bias: tf.Tensor1D | undefined, l: number): tf.Tensor2D {
    const { fused, leakyreluAlpha, apply } = this.forms[l]!;
    const z = tf.fused.matMul({ a, b, bias, activation: fused, leakyreluAlpha }) as tf.Tensor2D;
    return apply ? apply(z) : z;
  }

  /**
   * Layer l's weights at (α, β), in float64 then rounded once, with the previous layer's output
   * map (scale a, shift c) and this layer's input scale s folded in: W' = s·a·W, b' = s·(b + c·Σ_rows W).
   */
  private formWeights(l: number, alpha: number, beta: number): { kernel: Float32Array; bias: Float32Array } {
    const { inputs, outputs, kernelOffset, biasOffset } = this.layers[l]!;
    const { outputScale: a, outputShift: c } = this.forms[l - 1]!;
    const s = this.forms[l]!.inputScale;
    const { center, d1, d2 } = this.plane;
    // Fresh arrays: the CPU backend keeps the array a tensor is made from.
    const kernel = new Float32Array(inputs * outputs);
    const bias = new Float32Array(outputs);
    const columnSums = new Float64Array(outputs);
    for (let i = 0; i < inputs; i++) {
      for (let o = 0; o < outputs; o++) {
        const p = kernelOffset + i * outputs + o;
        const w = center[p]! + alpha * d1[p]! + beta * d2[p]!;
        kernel[i * outputs + o] = s * a * w;
        columnSums[o] = columnSums[o]! + w;
      }
    }
    for (let o = 0; o < outputs; o++) {
      const p = biasOffset + o;
      bias[o] = s * (center[p]! + alpha * d1[p]! + beta * d2[p]! + c * columnSums[o]!);
    }
    return { kernel, bias };
  }

  private uploadChunk(data: Dataset, from: number, to: number): Chunk {
    const rows = to - from;
    const { inputs, outputs, kernelOffset, biasOffset } = this.layers[0]!;
    // [W | D1 | D2] side by side, [inputs, 3·outputs], and the biases likewise.
    const kernels = new Float32Array(inputs * 3 * outputs);
    const biases = new Float32Array(3 * outputs);
    [this.plane.center, this.plane.d1, this.plane.d2].forEach((vector, v) => {
      for (let i = 0; i < inputs; i++) {
        for (let o = 0; o < outputs; o++)
          kernels[i * 3 * outputs + v * outputs + o] = vector[kernelOffset + i * outputs + o]!;
      }
      for (let o = 0; o < outputs; o++) biases[v * outputs + o] = vector[biasOffset + o]!;
    });
    return tf.tidy(() => {
      const x = tf.tensor2d(data.x.subarray(from * data.features, to * data.features), [rows, data.features]);
      const products = tf.fused.matMul({
        a: x,
        b: tf.tensor2d(kernels, [inputs, 3 * outputs]),
        bias: tf.tensor1d(biases),
      });
      // [rows, 3, width] to [3, rows, width]: each of the three a contiguous row.
      const firstLayer = tf
        .transpose(products.reshape([rows, 3, outputs]), [1, 0, 2])
        .reshape([3, rows * outputs]) as tf.Tensor2D;
      return {
        rows,
        firstLayer,
        target: targetTensor(data.y.subarray(from, to), this.shape.loss, this.layers.at(-1)!.outputs),
      };
    });
  }
}
