import type { Optimizer, SpecOf, Vector } from './optimizer';

/** Step t's (from 1) decayed rate at lr, which the fused kernel step is given too (kernel/fused-optimizer.ts). */
export function adagradStepSize(spec: SpecOf<'adagrad'>, t: number, lr: number): number {
  return lr / (1 + (t - 1) * spec.lrDecay);
}

/** torch.optim.Adagrad (dense): lr decays as lr / (1 + (t - 1) lrDecay). */
export function createAdagrad(spec: SpecOf<'adagrad'>, size: number): Optimizer {
  const { weightDecay, initialAccumulatorValue, eps } = spec;
  const sum = new Float64Array(size).fill(initialAccumulatorValue);
  let t = 0;
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      const clr = adagradStepSize(spec, ++t, lr);
      for (let i = 0; i < size; i++) {
        const p = params[i]!;
        let g = grad[i]!;
        if (weightDecay !== 0) g = g + weightDecay * p;
        const s = sum[i]! + g * g;
        sum[i] = s;
        params[i] = p + (-clr * g) / (Math.sqrt(s) + eps);
      }
    },
  };
}
