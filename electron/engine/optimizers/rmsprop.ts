import type { Optimizer, SpecOf, Vector } from './optimizer';

/** torch.optim.RMSprop; `centered` divides by the running variance instead of the raw second moment. */
export function createRmsprop(spec: SpecOf<'rmsprop'>, size: number): Optimizer {
  const { alpha, eps, weightDecay, momentum, centered } = spec;
  const squareAvg = new Float64Array(size);
  const gradAvg = new Float64Array(size);
  const buffer = new Float64Array(size);
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      for (let i = 0; i < size; i++) {
        const p = params[i]!;
        let g = grad[i]!;
        if (weightDecay !== 0) g = g + weightDecay * p;
        const v = squareAvg[i]! * alpha + (1 - alpha) * g * g;
        squareAvg[i] = v;
        let avg: number;
        if (centered) {
          const m = gradAvg[i]! * alpha + (1 - alpha) * g;
          gradAvg[i] = m;
          avg = Math.sqrt(v + -1 * m * m);
        } else {
          avg = Math.sqrt(v);
        }
        avg = avg + eps;
        if (momentum > 0) {
          const b = buffer[i]! * momentum + g / avg;
          buffer[i] = b;
          params[i] = p + -lr * b;
        } else {
          params[i] = p + (-lr * g) / avg;
        }
      }
    },
  };
}
