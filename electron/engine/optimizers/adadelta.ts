import type { Optimizer, SpecOf, Vector } from './optimizer';

/** torch.optim.Adadelta: the unit-corrected delta is scaled by lr (default 1). */
export function createAdadelta(spec: SpecOf<'adadelta'>, size: number): Optimizer {
  const { rho, eps, weightDecay } = spec;
  const squareAvg = new Float64Array(size);
  const accDelta = new Float64Array(size);
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      for (let i = 0; i < size; i++) {
        const p = params[i]!;
        let g = grad[i]!;
        if (weightDecay !== 0) g = g + weightDecay * p;
        const v = squareAvg[i]! * rho + (1 - rho) * g * g;
        squareAvg[i] = v;
        const delta = (Math.sqrt(accDelta[i]! + eps) / Math.sqrt(v + eps)) * g;
        accDelta[i] = accDelta[i]! * rho + (1 - rho) * delta * delta;
        params[i] = p + -lr * delta;
      }
    },
  };
}
