import type { Optimizer, SpecOf, Vector } from './optimizer';

/** Step t's (from 1) bias-corrected rate at lr, which the fused kernel step is given too (kernel/fused-optimizer.ts). */
export function adamaxStepSize(spec: SpecOf<'adamax'>, t: number, lr: number): number {
  return lr / (1 - Math.pow(spec.betas[0], t));
}

/** torch.optim.Adamax: Adam with the infinity norm, u = max(beta2·u, |g| + eps). */
export function createAdamax(spec: SpecOf<'adamax'>, size: number): Optimizer {
  const {
    betas: [beta1, beta2],
    eps,
    weightDecay,
  } = spec;
  const expAvg = new Float64Array(size);
  const expInf = new Float64Array(size);
  let t = 0;
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      const clr = adamaxStepSize(spec, ++t, lr);
      for (let i = 0; i < size; i++) {
        const p = params[i]!;
        let g = grad[i]!;
        if (weightDecay !== 0) g = g + weightDecay * p;
        const m = expAvg[i]! * beta1 + (1 - beta1) * g;
        const u = Math.max(expInf[i]! * beta2, Math.abs(g) + eps);
        expAvg[i] = m;
        expInf[i] = u;
        params[i] = p + (-clr * m) / u;
      }
    },
  };
}
