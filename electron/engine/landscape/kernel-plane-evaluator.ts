import { describeNetwork, KERNEL_ACTIVATIONS, KERNEL_LOSSES, KERNEL_ROUGH_TANH, KernelMemory, mlpKernelAvailable, type MlpKernelExports } from '../kernel/mlp-kernel';
import type { Dataset } from '../network/dataset';
import { denseLayerSlices, type DenseLayerSlice } from '../network/param-layout';
import type { NetworkShape, Plane } from './plane-evaluator';

/** Whether the kernel can evaluate `shape`'s grids: an activation it has, and a hidden layer for the first-layer precompute. */
export function kernelCoversPlane(shape: NetworkShape): boolean {
  return KERNEL_ACTIVATIONS[shape.activation] !== undefined && shape.sizes.length >= 3 && mlpKernelAvailable();
}

/**
 * PlaneEvaluator's method on the WASM kernel: the first layer's products X·W + b for the plane's
 * center and both directions made once (they are linear in α and β), then per point the first
 * hidden layer as one combination of them with the activation, the layers above with weights
 * formed in float64 on the CPU, and the loss — a forward pass over the data resident in the
 * kernel's memory, nothing allocated per point. tanh is the kernel's rough one (1e-6 relative,
 * half the work; tests/unit/landscape/grid-parity.test.ts bounds the grid's error), as the tfjs
 * path trades exactness for speed with 2σ(2z) − 1.
 */
export class KernelPlaneEvaluator {
  private readonly memory = new KernelMemory();
  private readonly kernel: MlpKernelExports;
  private readonly layers: DenseLayerSlice[];
  private readonly rows: number;
  private readonly rowsPadded: number;
  private readonly activation: number;
  /** Offsets of the first layer's products (center, along d1, along d2) and of its activations. */
  private readonly products: [number, number, number];
  private readonly hidden: number;
  private readonly target: number;
  /** The network above the first layer, fed by `hidden`. */
  private readonly upper: number;
  /** Per layer above the first: its kernel then bias, as formed at the current point. */
  private readonly weights: Float32Array[];

  constructor(
    shape: NetworkShape,
    data: Dataset,
    private readonly plane: Plane,
  ) {
    const code = shape.activation === 'tanh' ? KERNEL_ROUGH_TANH : KERNEL_ACTIVATIONS[shape.activation];
    if (code === undefined || shape.sizes.length < 3) throw new Error(`the kernel cannot evaluate grids of a ${shape.activation} network without hidden layers`);
    this.kernel = this.memory.kernel;
    this.activation = code;
    this.layers = denseLayerSlices(shape.sizes);
    this.rows = data.rows;
    this.rowsPadded = Math.ceil(data.rows / 8) * 8;
    const { memory, rowsPadded } = this;
    const { inputs, outputs: width, kernelOffset, biasOffset, end } = this.layers[0]!;
    const x = memory.allocate(inputs * rowsPadded);
    this.target = memory.allocate(rowsPadded);
    const firstWeights = [0, 1, 2].map(() => memory.allocate(end));
    this.products = [0, 1, 2].map(() => memory.allocate(width * rowsPadded)) as [number, number, number];
    this.hidden = memory.allocate(width * rowsPadded);
    const loss = KERNEL_LOSSES[shape.loss];
    const firstLayers = firstWeights.map((weights, v) =>
      describeNetwork(memory, {
        activation: code,
        loss,
        deltas: [0, 0],
        layers: [{ inputs, outputs: width, kernel: weights + 4 * kernelOffset, bias: weights + 4 * biasOffset, kernelGradient: 0, biasGradient: 0, output: this.products[v]!, dropped: 0 }],
      }),
    );
    const above = this.layers.slice(1);
    const weightsAt = above.map((layer) => memory.allocate(layer.end - layer.kernelOffset));
    this.upper = describeNetwork(memory, {
      activation: code,
      loss,
      deltas: [0, 0],
      layers: above.map((layer, l) => ({
        inputs: layer.inputs,
        outputs: layer.outputs,
        kernel: weightsAt[l]!,
        bias: weightsAt[l]! + 4 * (layer.biasOffset - layer.kernelOffset),
        kernelGradient: 0,
        biasGradient: 0,
        output: memory.allocate(layer.outputs * rowsPadded),
        dropped: 0,
      })),
    });
    // Every allocation is done: views taken now stay valid.
    this.weights = above.map((layer, l) => memory.floats(weightsAt[l]!, layer.end - layer.kernelOffset));
    const xs = memory.floats(x, inputs * rowsPadded);
    for (let r = 0; r < data.rows; r++) {
      for (let f = 0; f < inputs; f++) xs[f * rowsPadded + r] = data.x[r * data.features + f]!;
    }
    memory.floats(this.target, data.rows).set(data.y);
    [plane.center, plane.d1, plane.d2].forEach((vector, v) => {
      const weights = memory.floats(firstWeights[v]!, end);
      for (let p = 0; p < end; p++) weights[p] = vector[p]!;
      this.kernel.forward(firstLayers[v]!, x, this.rows, rowsPadded, 0);
    });
  }

  /** Writes the mean loss at center + alphas[k]·d1 + betas[k]·d2 into out[offset + k]. */
  evaluate(alphas: ArrayLike<number>, betas: ArrayLike<number>, out: Float64Array, offset = 0): void {
    const { kernel, rows, rowsPadded, products } = this;
    const count = this.layers[0]!.outputs * rowsPadded;
    for (let k = 0; k < alphas.length; k++) {
      const [alpha, beta] = [alphas[k]!, betas[k]!];
      kernel.planeFirstLayer(products[0], products[1], products[2], alpha, beta, this.hidden, count, this.activation);
      this.formWeights(alpha, beta);
      kernel.forward(this.upper, this.hidden, rows, rowsPadded, 0);
      out[offset + k] = kernel.loss(this.upper, this.target, rows, rowsPadded, 0);
    }
  }

  /** Nothing to free: the kernel's memory goes with this object. */
  dispose(): void {}

  /** The layers above the first at (α, β), in float64 then rounded once. */
  private formWeights(alpha: number, beta: number): void {
    const { center, d1, d2 } = this.plane;
    this.layers.slice(1).forEach(({ kernelOffset, end }, l) => {
      const weights = this.weights[l]!;
      for (let p = kernelOffset; p < end; p++) weights[p - kernelOffset] = center[p]! + alpha * d1[p]! + beta * d2[p]!;
    });
  }
}
