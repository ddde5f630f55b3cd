import type { Optimizer, SpecOf, Vector } from './optimizer';

/** Step t's NAdam scalars, and the product of mu_1 … mu_t the next step starts from. */
export interface NadamScalars {
  bc2: number;
  gradStep: number;
  avgStep: number;
  muProduct: number;
}

/**
 * Advances `scalars` to step t (from 1) at lr: its muProduct, the product of mu up to t − 1,
 * becomes the product up to t. The fused kernel step is given them too
 * (kernel/fused-optimizer.ts). Written in place: a function run's whole step takes a fifth of a
 * microsecond, and a new array each step made it a quarter slower.
 */
export function advanceNadamScalars(spec: SpecOf<'nadam'>, t: number, lr: number, scalars: NadamScalars): void {
  const beta1 = spec.betas[0];
  const mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * spec.momentumDecay));
  const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * spec.momentumDecay));
  const product = scalars.muProduct * mu;
  scalars.bc2 = 1 - Math.pow(spec.betas[1], t);
  scalars.gradStep = (-lr * (1 - mu)) / (1 - product);
  scalars.avgStep = (-lr * muNext) / (1 - product * muNext);
  scalars.muProduct = product;
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
  const scalars: NadamScalars = { bc2: 0, gradStep: 0, avgStep: 0, muProduct: 1 };
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      advanceNadamScalars(spec, ++t, lr, scalars);
      const { bc2, gradStep, avgStep } = scalars;
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
