import type { Optimizer, SpecOf, Vector } from './optimizer';

/** torch.optim.Adagrad (dense): lr decays as lr / (1 + (t - 1) lrDecay). */
export function createAdagrad(spec: SpecOf<'adagrad'>, size: number): Optimizer {
  const { lrDecay, weightDecay, initialAccumulatorValue, eps } = spec;
  const sum = new Float64Array(size).fill(initialAccumulatorValue);
  let t = 0;
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      t++;
      const clr = lr / (1 + (t - 1) * lrDecay);
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
