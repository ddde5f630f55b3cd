import type { Activation, LossName } from '../../../shared/spec/network-spec';
import { KernelMemory, mlpKernelAvailable, type MlpKernelExports } from '../kernel/mlp-kernel';
import type { Dataset } from './dataset';
import type { ComputeResult } from './mlp-model';
import { denseLayerSlices, paramCount } from './param-layout';
import type { StepGradient } from './step-gradient';

/** The kernel's activation and loss codes (kernel/assembly/mlp.ts). gelu is not in the kernel: its runs train on tfjs. */
const ACTIVATION_CODES: Partial<Record<Activation, number>> = { relu: 0, leaky_relu: 1, tanh: 2, sigmoid: 3, linear: 4 };
const LOSS_CODES: Record<LossName, number> = { bce: 0, cross_entropy: 1, mse: 2 };
const HEADER_WORDS = 8;
const LAYER_WORDS = 8;

export interface KernelNetwork {
  sizes: readonly number[];
  activation: Activation;
  loss: LossName;
}

/** Whether the kernel can train `network`; otherwise it trains on tfjs. */
export function kernelCovers(network: KernelNetwork): boolean {
  return ACTIVATION_CODES[network.activation] !== undefined && mlpKernelAvailable();
}

/** Rows rounded up to the kernel's tile of 8. */
const padded = (rows: number) => Math.ceil(rows / 8) * 8;

/** A dataset resident in kernel memory, feature-major: [features, rowsPadded], then one target per row. */
interface KernelRows {
  rows: number;
  rowsPadded: number;
  x: number;
  y: number;
}

/**
 * The training step on the WASM kernel: the data resident in the kernel's memory for the whole
 * run, each step one upload of the parameters, three kernel calls (forward, loss, backward) and
 * one read of the gradient, no allocation. Evaluation-mode losses reuse the batch's forward pass
 * when it is the whole training set without dropout, as the tfjs path does.
 */
export class KernelGradient implements StepGradient {
  private readonly memory = new KernelMemory();
  private readonly kernel: MlpKernelExports;
  private readonly cfg: number;
  private readonly train: KernelRows;
  private readonly test?: KernelRows;
  private readonly batch?: KernelRows & { index: number };
  private readonly params: Float32Array;
  private readonly gradient: Float32Array;
  private readonly masks?: { at: number; values: Float32Array };
  private readonly maxima?: { at: number; widths: number[]; values: Float32Array };

  constructor(
    private readonly network: KernelNetwork,
    train: Dataset,
    test: Dataset | undefined,
    options: { batchSize?: number; dropout: boolean; unitActivity: boolean },
  ) {
    const { sizes, activation, loss } = network;
    const code = ACTIVATION_CODES[activation];
    if (code === undefined) throw new Error(`the kernel has no ${activation} activation`);
    this.kernel = this.memory.kernel;
    const memory = this.memory;
    const layers = denseLayerSlices(sizes);
    const hiddenWidths = sizes.slice(1, -1);
    const batchRows = options.batchSize !== undefined && options.batchSize < train.rows ? options.batchSize : undefined;
    this.train = this.upload(train);
    this.test = test && this.upload(test);
    if (batchRows !== undefined) {
      const rowsPadded = padded(batchRows);
      this.batch = {
        rows: batchRows,
        rowsPadded,
        x: memory.allocate(sizes[0]! * rowsPadded),
        y: memory.allocate(rowsPadded),
        index: memory.allocate(batchRows),
      };
    }
    const widest = Math.max(this.train.rowsPadded, this.test?.rowsPadded ?? 0);
    const count = paramCount(sizes);
    const paramsAt = memory.allocate(count);
    const gradientAt = memory.allocate(count);
    const outputs = layers.map(({ outputs }) => memory.allocate(outputs * widest));
    const dropped = layers.map(({ outputs }, l) => (options.dropout && l < layers.length - 1 ? memory.allocate(outputs * widest) : 0));
    const deltaWidth = Math.max(...sizes.slice(1));
    const deltaA = memory.allocate(deltaWidth * widest);
    const deltaB = memory.allocate(deltaWidth * widest);
    const hiddenTotal = hiddenWidths.reduce((sum, width) => sum + width, 0);
    const maskValues = (batchRows ?? train.rows) * hiddenTotal;
    const masksAt = options.dropout ? memory.allocate(maskValues) : 0;
    const maximaAt = options.unitActivity ? memory.allocate(hiddenTotal) : 0;
    this.cfg = memory.allocate(HEADER_WORDS + LAYER_WORDS * layers.length);
    // Every allocation is done: views taken now stay valid.
    const cfg = memory.ints(this.cfg, HEADER_WORDS + LAYER_WORDS * layers.length);
    cfg.set([layers.length, code, LOSS_CODES[loss], deltaA, deltaB]);
    layers.forEach(({ inputs, outputs: width, kernelOffset, biasOffset }, l) => {
      cfg.set(
        [inputs, width, paramsAt + 4 * kernelOffset, paramsAt + 4 * biasOffset, gradientAt + 4 * kernelOffset, gradientAt + 4 * biasOffset, outputs[l]!, dropped[l]!],
        HEADER_WORDS + LAYER_WORDS * l,
      );
    });
    this.params = memory.floats(paramsAt, count);
    this.gradient = memory.floats(gradientAt, count);
    if (options.dropout) this.masks = { at: masksAt, values: memory.floats(masksAt, maskValues) };
    if (options.unitActivity) this.maxima = { at: maximaAt, widths: hiddenWidths, values: memory.floats(maximaAt, hiddenTotal) };
    this.fill(train, this.train);
    if (test) this.fill(test, this.test!);
  }

  compute(params: Float32Array, gradient: Float32Array, rows: Int32Array | undefined, dropoutMasks: Float32Array[] | undefined): ComputeResult {
    const { kernel, cfg, train } = this;
    this.params.set(params);
    let batch: KernelRows = train;
    if (rows) {
      batch = { ...this.batch!, rows: rows.length };
      this.memory.ints(this.batch!.index, rows.length).set(rows);
      const features = this.network.sizes[0]!;
      kernel.gather(train.x, train.y, features, train.rowsPadded, this.batch!.index, rows.length, batch.x, batch.y, batch.rowsPadded);
    }
    let masks = 0;
    if (dropoutMasks) {
      let offset = 0;
      for (const mask of dropoutMasks) {
        this.masks!.values.set(mask, offset);
        offset += mask.length;
      }
      masks = this.masks!.at;
    }
    kernel.forward(cfg, batch.x, batch.rows, batch.rowsPadded, masks);
    const batchLoss = kernel.loss(cfg, batch.y, batch.rows, batch.rowsPadded, 1);
    kernel.backward(cfg, batch.x, batch.rows, batch.rowsPadded, masks);
    gradient.set(this.gradient);
    const losses = [batch === train && !masks ? batchLoss : this.evaluate(train)];
    const unitMaxima = this.unitMaxima();
    if (this.test) losses.push(this.evaluate(this.test));
    return { batchLoss, losses, unitMaxima };
  }

  /** The mean loss over `set` in evaluation mode; its forward pass stays in the layer buffers. */
  private evaluate(set: KernelRows): number {
    this.kernel.forward(this.cfg, set.x, set.rows, set.rowsPadded, 0);
    return this.kernel.loss(this.cfg, set.y, set.rows, set.rowsPadded, 0);
  }

  /** Each hidden unit's largest output over the training set's last evaluation-mode forward pass. */
  private unitMaxima(): Float32Array[] | undefined {
    if (!this.maxima) return undefined;
    const { at, widths, values } = this.maxima;
    let offset = 0;
    return widths.map((width, l) => {
      this.kernel.unitMaxima(this.cfg, l, this.train.rows, this.train.rowsPadded, at + 4 * offset);
      offset += width;
      return values.slice(offset - width, offset);
    });
  }

  private upload(data: Dataset): KernelRows {
    const rowsPadded = padded(data.rows);
    return { rows: data.rows, rowsPadded, x: this.memory.allocate(data.features * rowsPadded), y: this.memory.allocate(rowsPadded) };
  }

  /** Writes `data` transposed into `rows`' buffers (zero padding rows are already there). */
  private fill(data: Dataset, rows: KernelRows): void {
    const x = this.memory.floats(rows.x, data.features * rows.rowsPadded);
    for (let r = 0; r < data.rows; r++) {
      for (let f = 0; f < data.features; f++) x[f * rows.rowsPadded + r] = data.x[r * data.features + f]!;
    }
    this.memory.floats(rows.y, data.rows).set(data.y);
  }
}
