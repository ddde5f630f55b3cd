import type { Optimizer, SpecOf, Vector } from './optimizer';

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), which torch core
 * lacks: step lr·sign(beta1·m + (1 - beta1)·g) after decoupled decay param *= 1 - lr·wd, then
 * m = beta2·m + (1 - beta2)·g. The fixtures come from a reference written from the paper.
 */
export function createLion(spec: SpecOf<'lion'>, size: number): Optimizer {
  const {
    betas: [beta1, beta2],
    weightDecay,
  } = spec;
  const expAvg = new Float64Array(size);
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      const shrink = 1 - lr * weightDecay;
      for (let i = 0; i < size; i++) {
        const g = grad[i]!;
        const m = expAvg[i]!;
        const direction = Math.sign(m * beta1 + (1 - beta1) * g);
        params[i] = params[i]! * shrink + -lr * direction;
        expAvg[i] = m * beta2 + (1 - beta2) * g;
      }
    },
  };
}
