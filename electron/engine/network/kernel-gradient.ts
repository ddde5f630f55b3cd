import type { Activation, LossName } from '../../../shared/spec/network-spec';
import { FusedOptimizer, type FusedStepOptions } from '../kernel/fused-optimizer';
import {
  describeNetwork,
  KERNEL_ACTIVATIONS,
  KERNEL_LOSSES,
  KernelMemory,
  mlpKernelAvailable,
  paddedRows,
  type KernelRows,
  type MlpKernelExports,
} from '../kernel/mlp-kernel';
import type { Dataset } from './dataset';
import type { ComputeResult } from './mlp-model';
import { denseLayerSlices, paramCount } from './param-layout';
import type { StepGradient } from './step-gradient';

export interface KernelNetwork {
  sizes: readonly number[];
  activation: Activation;
  loss: LossName;
}

/** Whether the kernel can train `network`; otherwise it trains on tfjs. */
export function kernelCovers(network: KernelNetwork): boolean {
  return KERNEL_ACTIVATIONS[network.activation] !== undefined && mlpKernelAvailable();
}

/** One fused step's results: the point's losses and norms; the parameters after the step in `params`. */
export interface FusedStepResult extends ComputeResult {
  /** l1·Σ|w| + l2·Σw² at the point. */
  penalty: number;
  /** Per layer, of the penalized gradient before clipping. */
  layerGradNorms: Float64Array;
  /** Per layer, the norm of the step's parameter change (a step not taken, its loss or gradient not finite, ends the run as diverged). */
  layerUpdateNorms: Float64Array;
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
  private readonly fused?: FusedOptimizer;

  constructor(
    private readonly network: KernelNetwork,
    train: Dataset,
    test: Dataset | undefined,
    options: { batchSize?: number; dropout: boolean; unitActivity: boolean; fused?: FusedStepOptions },
  ) {
    const { sizes, activation, loss } = network;
    const code = KERNEL_ACTIVATIONS[activation];
    if (code === undefined) throw new Error(`the kernel has no ${activation} activation`);
    this.kernel = this.memory.kernel;
    const memory = this.memory;
    const layers = denseLayerSlices(sizes);
    const hiddenWidths = sizes.slice(1, -1);
    const batchRows = options.batchSize !== undefined && options.batchSize < train.rows ? options.batchSize : undefined;
    this.train = memory.allocateRows(train);
    this.test = test && memory.allocateRows(test);
    if (batchRows !== undefined) {
      const rowsPadded = paddedRows(batchRows);
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
    const dropped = layers.map(({ outputs }, l) =>
      options.dropout && l < layers.length - 1 ? memory.allocate(outputs * widest) : 0,
    );
    const deltaWidth = Math.max(...sizes.slice(1));
    const deltaA = memory.allocate(deltaWidth * widest);
    const deltaB = memory.allocate(deltaWidth * widest);
    const transposed = memory.allocate(
      Math.max(0, ...layers.slice(1).map(({ inputs, outputs: width }) => inputs * width)),
    );
    const hiddenTotal = hiddenWidths.reduce((sum, width) => sum + width, 0);
    const maskValues = (batchRows ?? train.rows) * hiddenTotal;
    const masksAt = options.dropout ? memory.allocate(maskValues) : 0;
    const maximaAt = options.unitActivity ? memory.allocate(hiddenTotal) : 0;
    this.cfg = describeNetwork(memory, {
      activation: code,
      loss: KERNEL_LOSSES[loss],
      deltas: [deltaA, deltaB],
      transposed,
      layers: layers.map(({ inputs, outputs: width, kernelOffset, biasOffset }, l) => ({
        inputs,
        outputs: width,
        kernel: paramsAt + 4 * kernelOffset,
        bias: paramsAt + 4 * biasOffset,
        kernelGradient: gradientAt + 4 * kernelOffset,
        biasGradient: gradientAt + 4 * biasOffset,
        output: outputs[l]!,
        dropped: dropped[l]!,
      })),
    });
    if (options.fused) this.fused = new FusedOptimizer(memory, options.fused, count, layers.length);
    // Every allocation is done: views taken now stay valid.
    this.params = memory.floats(paramsAt, count);
    this.gradient = memory.floats(gradientAt, count);
    if (options.dropout) this.masks = { at: masksAt, values: memory.floats(masksAt, maskValues) };
    if (options.unitActivity)
      this.maxima = { at: maximaAt, widths: hiddenWidths, values: memory.floats(maximaAt, hiddenTotal) };
    memory.writeRows(train, this.train);
    if (test) memory.writeRows(test, this.test!);
  }

  compute(
    params: Float32Array,
    gradient: Float32Array,
    rows: Int32Array | undefined,
    dropoutMasks: Float32Array[] | undefined,
  ): ComputeResult {
    const { kernel, cfg, train } = this;
    this.params.set(params);
    const { batch, masks } = this.prepareBatch(rows, dropoutMasks);
    kernel.forward(cfg, batch.x, batch.rows, batch.rowsPadded, masks);
    const batchLoss = kernel.loss(cfg, batch.y, batch.rows, batch.rowsPadded, 1);
    kernel.backward(cfg, batch.x, batch.rows, batch.rowsPadded, masks);
    gradient.set(this.gradient);
    const losses = [batch === train && !masks ? batchLoss : this.evaluate(train)];
    const unitMaxima = this.unitMaxima();
    if (this.test) losses.push(this.evaluate(this.test));
    return { batchLoss, losses, unitMaxima };
  }

  /** The parameters resident in kernel memory, which fusedStep() trains in place. */
  get residentParams(): Float32Array {
    return this.params;
  }

  /**
   * One step in one kernel call (assembly/mlp.ts, trainStep) from the resident parameters: the
   * point's losses (evaluation-mode ones first, at the point), gradient norms, and, with `update`,
   * the optimizer's step at `lr` in place. Needs the `fused` construction option.
   */
  fusedStep(
    rows: Int32Array | undefined,
    dropoutMasks: Float32Array[] | undefined,
    lr: number,
    update: boolean,
  ): FusedStepResult {
    const { kernel, cfg, train } = this;
    const fused = this.fused!;
    const { batch, masks } = this.prepareBatch(rows, dropoutMasks);
    const wholeSet = batch === train && !masks;
    const losses: number[] = [];
    let unitMaxima: Float32Array[] | undefined;
    if (!wholeSet) {
      losses.push(this.evaluate(train));
      unitMaxima = this.unitMaxima();
    }
    if (this.test) losses.push(this.evaluate(this.test));
    const step = update && losses.every(Number.isFinite);
    if (step) fused.prepare(lr);
    const batchLoss = kernel.trainStep(
      cfg,
      fused.run,
      batch.x,
      batch.y,
      batch.rows,
      batch.rowsPadded,
      masks,
      lr,
      step ? 1 : 0,
    );
    if (wholeSet) {
      losses.unshift(batchLoss);
      unitMaxima = this.unitMaxima();
    }
    const layers = (fused.out.length - 2) / 2;
    return {
      batchLoss,
      losses,
      unitMaxima,
      penalty: fused.out[0]!,
      layerGradNorms: fused.out.subarray(2, 2 + layers),
      layerUpdateNorms: fused.out.subarray(2 + layers),
    };
  }

  /** The step's batch in kernel memory (gathered for a minibatch) and its dropout masks' offset (0 for none). */
  private prepareBatch(
    rows: Int32Array | undefined,
    dropoutMasks: Float32Array[] | undefined,
  ): { batch: KernelRows; masks: number } {
    const { kernel, train } = this;
    let batch: KernelRows = train;
    if (rows) {
      batch = { ...this.batch!, rows: rows.length };
      this.memory.ints(this.batch!.index, rows.length).set(rows);
      const features = this.network.sizes[0]!;
      kernel.gather(
        train.x,
        train.y,
        features,
        train.rowsPadded,
        this.batch!.index,
        rows.length,
        batch.x,
        batch.y,
        batch.rowsPadded,
      );
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
    return { batch, masks };
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
}
