import type { OptimizerSpec } from '../../../shared/spec/optimizer-spec';
import { adagradStepSize } from '../optimizers/adagrad';
import { adamStepScalars } from '../optimizers/adam';
import { adamaxStepSize } from '../optimizers/adamax';
import { advanceNadamScalars, type NadamScalars } from '../optimizers/nadam';
import { radamStepScalars } from '../optimizers/radam';
import type { KernelMemory } from './mlp-kernel';

/** The kernel's optimizer codes (assembly/optimize.ts). */
const KINDS: Record<OptimizerSpec['name'], number> = {
  sgd: 0,
  adagrad: 1,
  rmsprop: 2,
  adadelta: 3,
  adam: 4,
  adamw: 4,
  adamax: 5,
  nadam: 6,
  radam: 7,
  lion: 8,
};

// The run block's f64 words (assembly/optimize.ts).
const RUN_WORDS = 24;
const STATE = 4;
const RESULTS = 7;
const HYPER = 8;
const STEP = 16;

/** What the fused step adds to the gradient step, from the run spec. */
export interface FusedStepOptions {
  optimizer: OptimizerSpec;
  clipNorm?: number;
  l1?: number;
  l2?: number;
}

/**
 * An optimizer's state and options resident in kernel memory for the fused step (assembly/mlp.ts,
 * trainStep). The update itself runs in the kernel; this writes each step's scalars (bias
 * corrections, decayed rates) from the functions the JS optimizers in electron/engine/optimizers/
 * take them from, so both paths step with the same numbers.
 */
export class FusedOptimizer {
  /** Byte offset of the run block. */
  readonly run: number;
  private readonly words: Float64Array;
  /** [penalty, updated, gradient norm per layer, update norm per layer]. */
  readonly out: Float64Array;
  private t = 0;
  private readonly nadam: NadamScalars = { bc2: 0, gradStep: 0, avgStep: 0, muProduct: 1 };

  /** Allocates in `memory`: allocate nothing there afterwards while this holds views. */
  constructor(
    memory: KernelMemory,
    private readonly options: FusedStepOptions,
    count: number,
    layers: number,
  ) {
    const spec = options.optimizer;
    this.run = memory.allocate(2 * RUN_WORDS);
    const outAt = memory.allocate(2 * (2 + 2 * layers));
    const states = [0, 1, 2].map(() => memory.allocate(2 * count));
    const words = (this.words = new Float64Array(memory.kernel.memory.buffer, this.run, RUN_WORDS));
    this.out = new Float64Array(memory.kernel.memory.buffer, outAt, 2 + 2 * layers);
    words.set([KINDS[spec.name], options.clipNorm ?? -1, options.l1 ?? 0, options.l2 ?? 0]);
    words.set(states, STATE);
    words[RESULTS] = outAt;
    words.set(hyperparameters(spec), HYPER);
    if (spec.name === 'adagrad')
      new Float64Array(memory.kernel.memory.buffer, states[0], count).fill(spec.initialAccumulatorValue);
  }

  /** Writes the scalars of the next step at `lr` (call once per update). */
  prepare(lr: number): void {
    const spec = this.options.optimizer;
    const t = ++this.t;
    let scalars: number[] = [];
    switch (spec.name) {
      case 'sgd':
        scalars = [t > 1 ? 1 : 0];
        break;
      case 'adagrad':
        scalars = [adagradStepSize(spec, t, lr)];
        break;
      case 'adam':
      case 'adamw':
        scalars = adamStepScalars(spec, t, lr);
        break;
      case 'adamax':
        scalars = [adamaxStepSize(spec, t, lr)];
        break;
      case 'nadam': {
        advanceNadamScalars(spec, t, lr, this.nadam);
        const { bc2, gradStep, avgStep } = this.nadam;
        scalars = [bc2, gradStep, avgStep];
        break;
      }
      case 'radam':
        scalars = radamStepScalars(spec, t);
        break;
      case 'lion':
        scalars = [1 - lr * spec.weightDecay];
        break;
      case 'rmsprop':
      case 'adadelta':
        break;
    }
    this.words.set(scalars, STEP);
  }
}

/** The options in the order assembly/optimize.ts reads them (its comments list them per kind). */
function hyperparameters(spec: OptimizerSpec): number[] {
  const flag = (on: boolean) => (on ? 1 : 0);
  switch (spec.name) {
    case 'sgd':
      return [spec.momentum, spec.dampening, flag(spec.nesterov), spec.weightDecay];
    case 'adagrad':
      return [spec.weightDecay, spec.eps];
    case 'rmsprop':
      return [spec.alpha, spec.eps, spec.weightDecay, spec.momentum, flag(spec.centered)];
    case 'adadelta':
      return [spec.rho, spec.eps, spec.weightDecay];
    case 'adam':
    case 'adamw':
      return [...spec.betas, spec.eps, spec.weightDecay, flag(spec.amsgrad), flag(spec.name === 'adamw')];
    case 'adamax':
    case 'nadam':
    case 'radam':
      return [...spec.betas, spec.eps, spec.weightDecay];
    case 'lion':
      return [...spec.betas, spec.weightDecay];
  }
}
