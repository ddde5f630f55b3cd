import type { Activation, LossName } from '../../../shared/spec/network-spec';
import type { Dataset } from '../network/dataset';
import { setFlagsFromString } from 'node:v8';
import { readShippedBytes } from '../shipped-file';

/** The parts of Node's WebAssembly global used here: this project's libs (ES2022, node) do not declare it. */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => WasmModule;
  validate(bytes: Uint8Array): boolean;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
};
type WasmModule = { readonly brand: 'WebAssembly.Module' };

/** The exports of the MLP kernel (assembly/mlp.ts); pointers are byte offsets into `memory`. */
export interface MlpKernelExports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  forward(cfg: number, x: number, rows: number, rowsPadded: number, masks: number): void;
  loss(cfg: number, target: number, rows: number, rowsPadded: number, withGradient: number): number;
  backward(cfg: number, x: number, rows: number, rowsPadded: number, masks: number): void;
  trainStep(
    cfg: number,
    run: number,
    x: number,
    target: number,
    rows: number,
    rowsPadded: number,
    masks: number,
    lr: number,
    update: number,
  ): number;
  unitMaxima(cfg: number, layer: number, rows: number, rowsPadded: number, out: number): void;
  gather(
    source: number,
    sourceTarget: number,
    features: number,
    sourceRowsPadded: number,
    index: number,
    count: number,
    target: number,
    targetTarget: number,
    targetRowsPadded: number,
  ): void;
  mapMath(values: number, count: number, fn: number): void;
  multiplyAddPeak(iterations: number): number;
  planeLosses(
    upper: number,
    plane: number,
    weightCount: number,
    hidden: number,
    width: number,
    activation: number,
    target: number,
    rows: number,
    rowsPadded: number,
    alphas: number,
    betas: number,
    points: number,
    out: number,
  ): void;
}

/** The kernel's two builds (scripts/build.mjs): with relaxed SIMD's fused multiply-add, and without. */
export type KernelBuild = 'fused' | 'plain';
const KERNEL_FILES: Record<KernelBuild, string> = {
  fused: 'wasm/mlp-kernel-fma.wasm',
  plain: 'wasm/mlp-kernel.wasm',
};
/** Below this the module's own statics live; the host's buffers start here. */
const FIRST_FREE_BYTE = 65536;
const PAGE_BYTES = 65536;

const compiled = new Map<KernelBuild, WasmModule | null>();

/**
 * One build compiled, once per process, or null when it is missing (not built) or the engine
 * cannot run it. A bundled chunk finds dist/wasm one level up, a source module the checkout's dist/.
 */
function compiledBuild(build: KernelBuild): WasmModule | null {
  if (!compiled.has(build)) {
    let module: WasmModule | null = null;
    try {
      const file = KERNEL_FILES[build];
      const bytes = readShippedBytes(import.meta.url, file, `dist/${file}`);
      const runs = bytes && (build === 'fused' ? relaxedSimdValidates(bytes) : WebAssembly.validate(bytes));
      if (runs) module = new WebAssembly.Module(bytes);
    } catch {
      module = null;
    }
    compiled.set(build, module);
  }
  return compiled.get(build) ?? null;
}

/**
 * The kernel networks run on: the fused build where the engine runs relaxed SIMD, else the plain
 * one; null when neither runs (not built, or no WASM SIMD), and then networks train on tfjs.
 */
function kernelModule(): WasmModule | null {
  return compiledBuild('fused') ?? compiledBuild('plain');
}

/**
 * Relaxed SIMD is standard WebAssembly, on by default from V8 11.4 (Electron's V8 among them);
 * Node 20's V8 11.3 has it finished but behind this flag, which holds for modules compiled after
 * it is set, in every thread of the process. A later V8 that refuses the module lacks it for good,
 * and its flags are left alone.
 */
function relaxedSimdValidates(bytes: Uint8Array): boolean {
  if (WebAssembly.validate(bytes)) return true;
  const [major = 0, minor = 0] = process.versions.v8.split('.').map(Number);
  if (major > 11 || (major === 11 && minor >= 4)) return false;
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  return WebAssembly.validate(bytes);
}

/** Whether the kernel can run in this process. */
export function mlpKernelAvailable(): boolean {
  return kernelModule() !== null;
}

/** The kernel's activation and loss codes (assembly/mlp.ts). gelu is not in the kernel: its networks run on tfjs. */
export const KERNEL_ACTIVATIONS: Partial<Record<Activation, number>> = {
  relu: 0,
  leaky_relu: 1,
  tanh: 2,
  sigmoid: 3,
  linear: 4,
};
export const KERNEL_LOSSES: Record<LossName, number> = { bce: 0, cross_entropy: 1, mse: 2 };
/** tanh to 1e-6 relative, half the work: for landscape grids, which need 1e-4 and no derivative. */
export const KERNEL_ROUGH_TANH = 5;

/** One dense layer as the kernel's descriptor holds it: sizes, then byte offsets (0 where unused). */
export interface KernelLayer {
  inputs: number;
  outputs: number;
  kernel: number;
  bias: number;
  kernelGradient: number;
  biasGradient: number;
  /** Pre-activations of the last layer (the logits), activations of a hidden one, [outputs, rowsPadded]. */
  output: number;
  /** A hidden layer's output after dropout. */
  dropped: number;
}

const HEADER_WORDS = 8;
const LAYER_WORDS = 8;

/**
 * Writes a network's descriptor (assembly/mlp.ts, "the descriptor") into `memory` and returns
 * its offset: the activation and loss codes, the backward pass's scratch — two buffers for its
 * deltas (each [widest layer, rowsPadded]) and one for the largest kernel above the first,
 * transposed — and the layers. Networks that never go backward pass 0 for the scratch.
 */
export function describeNetwork(
  memory: KernelMemory,
  network: { activation: number; loss: number; deltas: [number, number]; transposed: number; layers: KernelLayer[] },
): number {
  const { layers } = network;
  const words = HEADER_WORDS + LAYER_WORDS * layers.length;
  const at = memory.allocate(words);
  const cfg = memory.ints(at, words);
  cfg.set([layers.length, network.activation, network.loss, ...network.deltas, network.transposed]);
  layers.forEach((layer, l) => {
    const { inputs, outputs, kernel, bias, kernelGradient, biasGradient, output, dropped } = layer;
    cfg.set(
      [inputs, outputs, kernel, bias, kernelGradient, biasGradient, output, dropped],
      HEADER_WORDS + LAYER_WORDS * l,
    );
  });
  return at;
}

/**
 * A fresh kernel instance with its own memory, and a bump allocator over it: one per run, so
 * runs sharing a worker never share buffers. Throws if the kernel is unavailable.
 */
export class KernelMemory {
  readonly kernel: MlpKernelExports;
  private next = FIRST_FREE_BYTE;

  /** On the build networks run on, or on `build` (the tests compare the two). */
  constructor(build?: KernelBuild) {
    const module = build ? compiledBuild(build) : kernelModule();
    if (!module)
      throw new Error(
        `the MLP kernel (${build ?? 'either build'}) is not built (npm run build) or this engine cannot run its WASM SIMD`,
      );
    this.kernel = new WebAssembly.Instance(module, {}).exports as unknown as MlpKernelExports;
  }

  /** A zeroed, 16-byte aligned block of `count` 4-byte values; returns its byte offset. */
  allocate(count: number): number {
    const at = this.next;
    this.next += Math.ceil(count / 4) * 16;
    const { memory } = this.kernel;
    const missing = this.next - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE_BYTES));
    return at;
  }

  /** A view of `count` floats at `at` (views go stale when memory grows: take them after allocating). */
  floats(at: number, count: number): Float32Array {
    return new Float32Array(this.kernel.memory.buffer, at, count);
  }

  ints(at: number, count: number): Int32Array {
    return new Int32Array(this.kernel.memory.buffer, at, count);
  }

  /** Room for `data` as the kernel reads it (KernelRows); written by writeRows once every block is allocated. */
  allocateRows(data: Dataset): KernelRows {
    const rowsPadded = paddedRows(data.rows);
    return {
      rows: data.rows,
      rowsPadded,
      x: this.allocate(data.features * rowsPadded),
      y: this.allocate(rowsPadded),
    };
  }

  /** Writes `data` transposed into `rows`' blocks (zero padding rows are already there). */
  writeRows(data: Dataset, rows: KernelRows): void {
    const x = this.floats(rows.x, data.features * rows.rowsPadded);
    for (let r = 0; r < data.rows; r++) {
      for (let f = 0; f < data.features; f++) x[f * rows.rowsPadded + r] = data.x[r * data.features + f]!;
    }
    this.floats(rows.y, data.rows).set(data.y);
  }
}

/** Rows rounded up to the kernel's tile of 8. */
export const paddedRows = (rows: number): number => Math.ceil(rows / 8) * 8;

/** A dataset resident in kernel memory, feature-major: [features, rowsPadded], then one target per row. */
export interface KernelRows {
  rows: number;
  rowsPadded: number;
  x: number;
  y: number;
}
