import type { Optimizer, SpecOf, Vector } from './optimizer';

/**
 * Step t's (from 1) scalars at lr, from the product of mu_1 … mu_(t−1); the last is the product
 * with mu_t, for the next step. The fused kernel step is given them too (kernel/fused-optimizer.ts).
 */
export function nadamStepScalars(
  spec: SpecOf<'nadam'>,
  t: number,
  lr: number,
  muProduct: number,
): [bc2: number, gradStep: number, avgStep: number, muProduct: number] {
  const [beta1, beta2] = spec.betas;
  const mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * spec.momentumDecay));
  const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * spec.momentumDecay));
  const product = muProduct * mu;
  return [1 - Math.pow(beta2, t), (-lr * (1 - mu)) / (1 - product), (-lr * muNext) / (1 - product * muNext), product];
}

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
  } = spec;
  const expAvg = new Float64Array(size);
  const expAvgSq = new Float64Array(size);
  let t = 0;
  let muProduct = 1;
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      const [bc2, gradStep, avgStep, product] = nadamStepScalars(spec, ++t, lr, muProduct);
      muProduct = product;
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
