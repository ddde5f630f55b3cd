import type { ClientMessage } from '../../shared/protocol';

const SPIRAL_PARAMETERS = 2 * 16 + 16 + 16 * 16 + 16 + 16 + 1;
const vector = (seed: number): Float64Array =>
  Float64Array.from({ length: SPIRAL_PARAMETERS }, (_, i) => Math.sin(seed * (i + 1)));
const grid = (): Float64Array => Float64Array.from({ length: 401 }, (_, i) => -1 + i / 200);

/**
 * A landscape of the spiral network on the largest grid a request may have (401 × 401): seconds
 * of work for any machine, so it is still being computed when a test looks, and every worker
 * of the pool gets a share.
 */
export function largeLandscape(requestId: string): Extract<ClientMessage, { type: 'landscape' }> {
  return {
    type: 'landscape',
    requestId,
    problem: {
      mlp: { dataset: { name: 'spiral', samples: 300, seed: 1 }, hidden: [16, 16], activation: 'tanh', loss: 'bce' },
    },
    center: vector(1),
    d1: vector(2),
    d2: vector(3),
    alphas: grid(),
    betas: grid(),
  };
}
