import { createRandom } from '../../../shared/random';
import type { Vector } from './optimizer';

/**
 * torch.nn.utils.clip_grad_norm_ over one flat vector: scales by maxNorm / (norm + 1e-6) when
 * that is below 1. Returns the norm before clipping.
 */
export function clipGradientNorm(grad: Vector, maxNorm: number): number {
  let sumOfSquares = 0;
  for (let i = 0; i < grad.length; i++) sumOfSquares += grad[i]! * grad[i]!;
  const norm = Math.sqrt(sumOfSquares);
  const coef = maxNorm / (norm + 1e-6);
  if (coef < 1) {
    for (let i = 0; i < grad.length; i++) grad[i] = grad[i]! * coef;
  }
  return norm;
}

/** Adds independent N(0, std²) noise to every component, in place; the same seed gives the same noise. */
export function createGradientNoise(std: number, seed: number): (grad: Vector) => void {
  const random = createRandom(seed);
  return (grad) => {
    for (let i = 0; i < grad.length; i++) grad[i] = grad[i]! + std * random.normal();
  };
}
