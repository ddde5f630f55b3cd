import type { OptimizerSpec } from '../../../shared/spec/optimizer-spec';

/** A flat parameter or gradient vector: Float64Array for functions, Float32Array for networks. */
export type Vector = Float64Array | Float32Array;

export interface Optimizer {
  /** One torch.optim step in place: params -= update(grad); lr is the current group lr (schedules set it). */
  step(params: Vector, grad: Vector, lr: number): void;
}

/** The parsed spec of one optimizer, e.g. `SpecOf<'adam'>`. */
export type SpecOf<N extends OptimizerSpec['name']> = Extract<OptimizerSpec, { name: N }>;
