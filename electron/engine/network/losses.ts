import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../../shared/spec/network-spec';

/**
 * The mean loss over a batch's rows from the output layer's logits, and its gradient with respect
 * to them. `target` is [rows, 1] (bce labels 0/1, mse values) or one-hot [rows, classes].
 */
export interface LossHead {
  value(logits: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar;
  valueAndGradient(logits: tf.Tensor2D, target: tf.Tensor2D): [tf.Scalar, tf.Tensor2D];
}

export const LOSS_HEADS: Record<LossName, LossHead> = {
  // One sigmoid output, from the logit: softplus(z) - z·y never overflows (tfjs's softplus is
  // the stable form), and its gradient is sigmoid(z) - y.
  bce: {
    value: (z, y) => tf.mean(tf.sub(tf.softplus(z), tf.mul(z, y))),
    valueAndGradient: (z, y) => [
      tf.mean(tf.sub(tf.softplus(z), tf.mul(z, y))),
      tf.mul(tf.sub(tf.sigmoid(z), y), 1 / z.shape[0]),
    ],
  },
  // Softmax over the classes: -mean log p(class); gradient softmax(z) - onehot.
  cross_entropy: {
    value: (z, y) => tf.mul(tf.sum(tf.mul(tf.logSoftmax(z), y)), -1 / z.shape[0]),
    valueAndGradient: (z, y) => {
      const logP = tf.logSoftmax(z);
      return [tf.mul(tf.sum(tf.mul(logP, y)), -1 / z.shape[0]), tf.mul(tf.sub(tf.exp(logP), y), 1 / z.shape[0])];
    },
  },
  // Linear output: mean squared error, gradient 2 (z - y).
  mse: {
    value: (z, y) => tf.mean(tf.squaredDifference(z, y)),
    valueAndGradient: (z, y) => {
      const error = tf.sub(z, y);
      return [tf.mean(tf.square(error)), tf.mul(error, 2 / z.shape[0])];
    },
  },
};
