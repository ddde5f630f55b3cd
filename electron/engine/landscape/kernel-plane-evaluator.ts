import {
  describeNetwork,
  KERNEL_ACTIVATIONS,
  KERNEL_LOSSES,
  KERNEL_ROUGH_TANH,
  KernelMemory,
  type KernelRows,
  type MlpKernelExports,
} from '../kernel/mlp-kernel';
import { kernelCovers } from '../network/kernel-gradient';
import type { Dataset } from '../network/dataset';
import { denseLayerSlices, type DenseLayerSlice } from '../network/param-layout';
import type { NetworkShape, Plane } from './plane-evaluator';

/** Grid points per call into the kernel: few enough that the buffers stay small. */
const POINTS_PER_CALL = 256;

/** Whether the kernel can evaluate `shape`'s grids: an activation it has, and a hidden layer for the first-layer precompute. */
export function kernelCoversPlane(shape: NetworkShape): boolean {
  return shape.sizes.length >= 3 && kernelCovers(shape);
}

/**
 * PlaneEvaluator's method on the WASM kernel: the first layer's products X·W + b for the plane's
 * center and both directions made once (they are linear in α and β), then per point the first
 * hidden layer as one combination of them with the activation, the layers above with weights
 * formed in float64, and the loss — a forward pass over the data resident in the kernel's
 * memory, POINTS_PER_CALL points per call into the kernel (assembly/mlp.ts, planeLosses),
 * nothing allocated per point. tanh is the kernel's rough one (1e-6 relative,
 * half the work; tests/unit/landscape/grid-parity.test.ts bounds the grid's error), as the tfjs
 * path trades exactness for speed with 2σ(2z) − 1.
 */
export class KernelPlaneEvaluator {
  private readonly memory = new KernelMemory();
  private readonly kernel: MlpKernelExports;
  private readonly layers: DenseLayerSlice[];
  /** The data, resident in the kernel's memory. */
  private readonly data: KernelRows;
  private readonly activation: number;
  /** Offsets of the first layer's products (center, along d1, along d2) and of its activations. */
  private readonly products: [number, number, number];
  private readonly hidden: number;
  /** The network above the first layer, fed by `hidden`. */
  private readonly upper: number;
  /** The plane block planeLosses reads: the products', the upper vectors' and the upper weights' offsets. */
  private readonly planeBlock: number;
  private readonly upperCount: number;
  /** f64 buffers of POINTS_PER_CALL values: α, β and the losses. */
  private readonly batch: {
    alphas: number;
    betas: number;
    out: number;
    views: [Float64Array, Float64Array, Float64Array];
  };

  constructor(shape: NetworkShape, data: Dataset, plane: Plane) {
    const code = shape.activation === 'tanh' ? KERNEL_ROUGH_TANH : KERNEL_ACTIVATIONS[shape.activation];
    if (code === undefined || shape.sizes.length < 3)
      throw new Error(`the kernel cannot evaluate grids of a ${shape.activation} network without hidden layers`);
    this.kernel = this.memory.kernel;
    this.activation = code;
    this.layers = denseLayerSlices(shape.sizes);
    const { memory } = this;
    this.data = memory.allocateRows(data);
    const { rowsPadded } = this.data;
    const { inputs, outputs: width, kernelOffset, biasOffset, end } = this.layers[0]!;
    const firstWeights = [0, 1, 2].map(() => memory.allocate(end));
    this.products = [0, 1, 2].map(() => memory.allocate(width * rowsPadded)) as [number, number, number];
    this.hidden = memory.allocate(width * rowsPadded);
    const loss = KERNEL_LOSSES[shape.loss];
    const firstLayers = firstWeights.map((weights, v) =>
      describeNetwork(memory, {
        activation: code,
        loss,
        deltas: [0, 0],
        transposed: 0,
        layers: [
          {
            inputs,
            outputs: width,
            kernel: weights + 4 * kernelOffset,
            bias: weights + 4 * biasOffset,
            kernelGradient: 0,
            biasGradient: 0,
            output: this.products[v]!,
            dropped: 0,
          },
        ],
      }),
    );
    const above = this.layers.slice(1);
    // The layers above the first, kernel then bias each, one after another as in the flat layout.
    const base = above[0]!.kernelOffset;
    this.upperCount = this.layers.at(-1)!.end - base;
    const weightsAt = memory.allocate(this.upperCount);
    const vectorsAt = [0, 1, 2].map(() => memory.allocate(2 * this.upperCount));
    this.planeBlock = memory.allocate(8);
    const [alphas, betas, out] = [0, 1, 2].map(() => memory.allocate(2 * POINTS_PER_CALL));
    this.upper = describeNetwork(memory, {
      activation: code,
      loss,
      deltas: [0, 0],
      transposed: 0,
      layers: above.map((layer) => ({
        inputs: layer.inputs,
        outputs: layer.outputs,
        kernel: weightsAt + 4 * (layer.kernelOffset - base),
        bias: weightsAt + 4 * (layer.biasOffset - base),
        kernelGradient: 0,
        biasGradient: 0,
        output: memory.allocate(layer.outputs * rowsPadded),
        dropped: 0,
      })),
    });
    // Every allocation is done: views taken now stay valid.
    const views = [alphas, betas, out].map((at) => new Float64Array(memory.kernel.memory.buffer, at!, POINTS_PER_CALL));
    this.batch = {
      alphas: alphas!,
      betas: betas!,
      out: out!,
      views: views as [Float64Array, Float64Array, Float64Array],
    };
    memory.ints(this.planeBlock, 7).set([...this.products, ...vectorsAt, weightsAt]);
    memory.writeRows(data, this.data);
    [plane.center, plane.d1, plane.d2].forEach((vector, v) => {
      const weights = memory.floats(firstWeights[v]!, end);
      for (let p = 0; p < end; p++) weights[p] = vector[p]!;
      this.kernel.forward(firstLayers[v]!, this.data.x, data.rows, rowsPadded, 0);
      const upperValues = new Float64Array(memory.kernel.memory.buffer, vectorsAt[v]!, this.upperCount);
      for (let p = 0; p < this.upperCount; p++) upperValues[p] = vector[base + p]!;
    });
  }

  /** Writes the mean loss at center + alphas[k]·d1 + betas[k]·d2 into out[offset + k]. */
  evaluate(alphas: ArrayLike<number>, betas: ArrayLike<number>, out: Float64Array, offset = 0): void {
    const { kernel, batch } = this;
    const { rows, rowsPadded } = this.data;
    const [alphaView, betaView, outView] = batch.views;
    for (let from = 0; from < alphas.length; from += POINTS_PER_CALL) {
      const points = Math.min(POINTS_PER_CALL, alphas.length - from);
      for (let k = 0; k < points; k++) {
        alphaView[k] = alphas[from + k]!;
        betaView[k] = betas[from + k]!;
      }
      kernel.planeLosses(
        this.upper,
        this.planeBlock,
        this.upperCount,
        this.hidden,
        this.layers[0]!.outputs,
        this.activation,
        this.data.y,
        rows,
        rowsPadded,
        batch.alphas,
        batch.betas,
        points,
        batch.out,
      );
      out.set(outView.subarray(0, points), offset + from);
    }
  }

  /** Nothing to free: the kernel's memory goes with this object. */
  dispose(): void {}
}
