import type { Activation } from '../../../shared/spec/network-spec';
import { ACTIVATION_KERNELS, type ActivationKernel } from '../network/activations';

/**
 * A hidden activation as landscape grids apply it: f(z) = outputScale · g(inputScale · z) +
 * outputShift, with g fused into the layer's matMul. The scales and the shift fold into the
 * weights on either side, so they cost nothing per point.
 *
 * tanh becomes 2σ(2z) − 1: tfjs-wasm's tanh is a scalar loop about five times slower than its
 * fused sigmoid, and tanh dominates a small network's grid. The identity loses precision for
 * tiny z (σ rounds near 1/2), which training cannot afford but a loss value can: the PyTorch
 * fixture bounds the grid's error (tests/unit/landscape/grid-parity.test.ts).
 */
export interface FoldedActivation {
  fused: ActivationKernel['fused'];
  leakyreluAlpha?: number;
  /** Applied after the matMul where g cannot be fused (gelu). */
  apply?: ActivationKernel['apply'];
  inputScale: number;
  outputScale: number;
  outputShift: number;
}

export function foldedActivation(activation: Activation): FoldedActivation {
  if (activation === 'tanh') return { fused: 'sigmoid', inputScale: 2, outputScale: 2, outputShift: -1 };
  const { fused, leakyreluAlpha, apply } = ACTIVATION_KERNELS[activation];
  return { fused, leakyreluAlpha, apply, inputScale: 1, outputScale: 1, outputShift: 0 };
}
