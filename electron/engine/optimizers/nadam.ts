import type { Optimizer, SpecOf, Vector } from './optimizer';

/**
 * torch.optim.NAdam (Dozat 2016) as in torch 2.x: momentum schedule
 * mu_t = beta1 (1 - 0.5 · 0.96^(t · momentumDecay)) and the running product of mu_t. torch 1.13's
 * single-tensor path multiplied mu_t into the next product twice (fixed in pytorch#92699).
 */
export function createNadam(spec: SpecOf<'nadam'>, size: number): Optimizer {
  const {
    betas: [beta1, beta2],
    eps,
    weightDecay,
    momentumDecay,
  } = spec;
  const expAvg = new Float64Array(size);
  const expAvgSq = new Float64Array(size);
  let t = 0;
  let muProduct = 1;
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      t++;
      const bc2 = 1 - Math.pow(beta2, t);
      const mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
      const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
      muProduct *= mu;
      const gradStep = (-lr * (1 - mu)) / (1 - muProduct);
      const avgStep = (-lr * muNext) / (1 - muProduct * muNext);
      for (let i = 0; i < size; i++) {
        const p = params[i]!;
        let g = grad[i]!;
        if (weightDecay !== 0) g = g + weightDecay * p;
        const m = expAvg[i]! * beta1 + (1 - beta1) * g;
        const v = expAvgSq[i]! * beta2 + (1 - beta2) * g * g;
        expAvg[i] = m;
        expAvgSq[i] = v;
        const denom = Math.sqrt(v / bc2) + eps;
        const q = p + (gradStep * g) / denom;
        params[i] = q + (avgStep * m) / denom;
      }
    },
  };
}
