import type { Optimizer, SpecOf, Vector } from './optimizer';

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
      t++;
      const clr = lr / (1 - Math.pow(beta1, t));
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
