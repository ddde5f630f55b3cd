import type { Optimizer, SpecOf, Vector } from './optimizer';

type AdamSpec = SpecOf<'adam'> | SpecOf<'adamw'>;

/** Step t's (from 1) scalars at lr, which the fused kernel step is given too (kernel/fused-optimizer.ts). */
export function adamStepScalars(
  spec: AdamSpec,
  t: number,
  lr: number,
): [stepSize: number, bc2Sqrt: number, shrink: number] {
  const [beta1, beta2] = spec.betas;
  return [lr / (1 - Math.pow(beta1, t)), Math.sqrt(1 - Math.pow(beta2, t)), 1 - lr * spec.weightDecay];
}

/**
 * torch.optim.Adam and AdamW, which differ only in weight decay: Adam adds it to the gradient,
 * AdamW shrinks the parameters first (param *= 1 - lr·wd). Torch's formula order:
 * denom = sqrt(v) / sqrt(bc2) + eps, step size = lr / bc1.
 */
export function createAdam(spec: AdamSpec, size: number): Optimizer {
  const {
    betas: [beta1, beta2],
    eps,
    weightDecay,
    amsgrad,
  } = spec;
  const decoupled = spec.name === 'adamw';
  const expAvg = new Float64Array(size);
  const expAvgSq = new Float64Array(size);
  const maxExpAvgSq = new Float64Array(amsgrad ? size : 0);
  let t = 0;
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      const [stepSize, bc2Sqrt, shrink] = adamStepScalars(spec, ++t, lr);
      for (let i = 0; i < size; i++) {
        let p = params[i]!;
        let g = grad[i]!;
        if (decoupled) p = p * shrink;
        else if (weightDecay !== 0) g = g + weightDecay * p;
        const m = expAvg[i]! * beta1 + (1 - beta1) * g;
        let v = expAvgSq[i]! * beta2 + (1 - beta2) * g * g;
        expAvg[i] = m;
        expAvgSq[i] = v;
        if (amsgrad) {
          v = Math.max(maxExpAvgSq[i]!, v);
          maxExpAvgSq[i] = v;
        }
        params[i] = p + (-stepSize * m) / (Math.sqrt(v) / bc2Sqrt + eps);
      }
    },
  };
}
