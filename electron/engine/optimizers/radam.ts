import type { Optimizer, SpecOf, Vector } from './optimizer';

/**
 * Step t's (from 1) bias corrections and, once rho_t exceeds 5, the rectification term; the
 * fused kernel step is given them too (kernel/fused-optimizer.ts).
 */
export function radamStepScalars(
  spec: SpecOf<'radam'>,
  t: number,
): [bc1: number, rectified: 0 | 1, rect: number, bc2Sqrt: number] {
  const [beta1, beta2] = spec.betas;
  const rhoInf = 2 / (1 - beta2) - 1;
  const bc2 = 1 - Math.pow(beta2, t);
  const rhoT = rhoInf - (2 * t * Math.pow(beta2, t)) / bc2;
  const rectified = rhoT > 5;
  const rect = rectified ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
  return [1 - Math.pow(beta1, t), rectified ? 1 : 0, rect, Math.sqrt(bc2)];
}

/**
 * torch.optim.RAdam (Liu et al. 2020): plain bias-corrected momentum until the approximated
 * SMA length rho_t exceeds 5, then Adam's step times the variance rectification term.
 */
export function createRadam(spec: SpecOf<'radam'>, size: number): Optimizer {
  const {
    betas: [beta1, beta2],
    eps,
    weightDecay,
  } = spec;
  const expAvg = new Float64Array(size);
  const expAvgSq = new Float64Array(size);
  let t = 0;
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      const [bc1, rectified, rect, bc2Sqrt] = radamStepScalars(spec, ++t);
      for (let i = 0; i < size; i++) {
        const p = params[i]!;
        let g = grad[i]!;
        if (weightDecay !== 0) g = g + weightDecay * p;
        const m = expAvg[i]! * beta1 + (1 - beta1) * g;
        const v = expAvgSq[i]! * beta2 + (1 - beta2) * g * g;
        expAvg[i] = m;
        expAvgSq[i] = v;
        const corrected = m / bc1;
        const update = rectified ? corrected * lr * (bc2Sqrt / (Math.sqrt(v) + eps)) * rect : corrected * lr;
        params[i] = p + -1 * update;
      }
    },
  };
}
