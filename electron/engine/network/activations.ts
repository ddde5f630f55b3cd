import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../../shared/spec/network-spec';

/** PyTorch's LeakyReLU slope (tfjs's default is 0.2). */
const LEAKY_SLOPE = 0.01;
const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * A hidden activation as the model applies it: fused into the layer's matMul where tfjs can
 * (one kernel instead of three), and its derivative from the layer's output `a` — or its input
 * `z` when the output does not determine it (gelu).
 */
export interface ActivationKernel {
  fused: 'linear' | 'relu' | 'leakyrelu' | 'sigmoid';
  leakyreluAlpha?: number;
  /** Applied after the fused matMul. */
  apply?: (z: tf.Tensor2D) => tf.Tensor2D;
  /** Whether `derivative` needs z (then the forward pass keeps it). */
  needsInput: boolean;
  /** f'(z) as a tensor like z; absent for the identity. */
  derivative?: (a: tf.Tensor2D, z: tf.Tensor2D | undefined) => tf.Tensor2D;
  /** f''(z), for Hessian-vector products; absent where it is zero (piecewise linear activations). */
  secondDerivative?: (a: tf.Tensor2D, z: tf.Tensor2D | undefined) => tf.Tensor2D;
}

export const ACTIVATION_KERNELS: Record<Activation, ActivationKernel> = {
  // tf.step(a, alpha) is 1 where a > 0 and alpha elsewhere: PyTorch's choice at 0 for both.
  relu: { fused: 'relu', needsInput: false, derivative: (a) => tf.step(a) },
  leaky_relu: {
    fused: 'leakyrelu',
    leakyreluAlpha: LEAKY_SLOPE,
    needsInput: false,
    derivative: (a) => tf.step(a, LEAKY_SLOPE),
  },
  tanh: {
    fused: 'linear',
    apply: (z) => tf.tanh(z),
    needsInput: false,
    derivative: (a) => tf.sub(1, tf.square(a)),
    secondDerivative: (a) => tf.mul(tf.mul(-2, a), tf.sub(1, tf.square(a))),
  },
  sigmoid: {
    fused: 'sigmoid',
    needsInput: false,
    derivative: (a) => tf.mul(a, tf.sub(1, a)),
    secondDerivative: (a) => tf.mul(tf.mul(a, tf.sub(1, a)), tf.sub(1, tf.mul(2, a))),
  },
  // The exact (erf) form, PyTorch's default: z Φ(z), derivative Φ(z) + z φ(z), second φ(z) (2 - z²).
  gelu: {
    fused: 'linear',
    apply: (z) => tf.mul(z, normalCdf(z)),
    needsInput: true,
    derivative: (_a, z) => tf.add(normalCdf(z!), tf.mul(z!, normalPdf(z!))),
    secondDerivative: (_a, z) => tf.mul(normalPdf(z!), tf.sub(2, tf.square(z!))),
  },
  linear: { fused: 'linear', needsInput: false },
};

function normalCdf(z: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(0.5, tf.add(1, tf.erf(tf.mul(z, INV_SQRT2))));
}

function normalPdf(z: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(INV_SQRT_2PI, tf.exp(tf.mul(-0.5, tf.square(z))));
}
