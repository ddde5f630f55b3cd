import type { Optimizer, SpecOf, Vector } from './optimizer';

/** torch.optim.SGD: the momentum buffer starts as the first (decayed) gradient, undampened. */
export function createSgd(spec: SpecOf<'sgd'>, size: number): Optimizer {
  const { momentum, dampening, nesterov, weightDecay } = spec;
  const buffer = new Float64Array(size);
  let started = false;
  return {
    step(params: Vector, grad: Vector, lr: number): void {
      for (let i = 0; i < size; i++) {
        const p = params[i]!;
        let d = grad[i]!;
        if (weightDecay !== 0) d = d + weightDecay * p;
        if (momentum !== 0) {
          const b = started ? buffer[i]! * momentum + (1 - dampening) * d : d;
          buffer[i] = b;
          d = nesterov ? d + momentum * b : b;
        }
        params[i] = p + -lr * d;
      }
      started = true;
    },
  };
}
