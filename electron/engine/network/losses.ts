import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../../shared/spec/network-spec';

/**
 * The mean loss over a batch's rows from the output layer's logits, and its gradient with respect
 * to them. `target` is [rows, 1] (bce labels 0/1, mse values) or one-hot [rows, classes].
 */
export interface LossHead {
  value(logits: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar;
  valueAndGradient(logits: tf.Tensor2D, target: tf.Tensor2D): [tf.Scalar, tf.Tensor2D];
  /**
   * For a stack of logits [points, rows, outputs] (one network per point, all on the same rows),
   * each point's loss summed over the rows: the landscape's many points in a few ops.
   */
  pointSums(logits: tf.Tensor3D, target: tf.Tensor2D): tf.Tensor1D;
  /** The loss's Hessian with respect to the logits times `direction` (like the logits): forward-over-reverse. */
  logitHessianProduct(logits: tf.Tensor2D, target: tf.Tensor2D, direction: tf.Tensor2D): tf.Tensor2D;
}

/** Each row's bce from its logit: softplus(z) - z·y never overflows (tfjs's softplus is the stable form). */
const bceRows = <T extends tf.Tensor>(z: T, y: tf.Tensor2D): T => tf.sub(tf.softplus(z), tf.mul(z, y));
const ROW_AXES = [1, 2];

export const LOSS_HEADS: Record<LossName, LossHead> = {
  // One sigmoid output; gradient sigmoid(z) - y, curvature sigmoid'(z).
  bce: {
    value: (z, y) => tf.mean(bceRows(z, y)),
    valueAndGradient: (z, y) => [tf.mean(bceRows(z, y)), tf.mul(tf.sub(tf.sigmoid(z), y), 1 / z.shape[0])],
    pointSums: (z, y) => tf.sum(bceRows(z, y), ROW_AXES),
    logitHessianProduct: (z, _y, v) => {
      const p = tf.sigmoid(z);
      return tf.mul(tf.mul(p, tf.sub(1, p)), tf.mul(v, 1 / z.shape[0]));
    },
  },
  // Softmax over the classes: -mean log p(class); gradient softmax(z) - onehot; curvature
  // (diag p - p pᵀ) per row.
  cross_entropy: {
    value: (z, y) => tf.mul(tf.sum(tf.mul(tf.logSoftmax(z), y)), -1 / z.shape[0]),
    valueAndGradient: (z, y) => {
      const logP = tf.logSoftmax(z);
      return [tf.mul(tf.sum(tf.mul(logP, y)), -1 / z.shape[0]), tf.mul(tf.sub(tf.exp(logP), y), 1 / z.shape[0])];
    },
    // -log p(class) = log Σ exp(z - m) - (z_class - m) with m the row's largest logit: both terms
    // are small where the loss is. Σ exp(z - m) is 1 / the row's largest softmax, which lies in
    // [1/classes, 1] so never underflows; tfjs-wasm's softmax is vectorised, its exp a scalar loop
    // several times slower, and the loss is a large share of a landscape point's time.
    pointSums: (z, y) => {
      const shifted = tf.sub(z, tf.max(z, -1, true));
      return tf.neg(tf.add(tf.sum(tf.log(tf.max(tf.softmax(z), -1)), 1), tf.sum(tf.mul(shifted, y), ROW_AXES)));
    },
    logitHessianProduct: (z, _y, v) => {
      const p = tf.softmax(z);
      return tf.mul(tf.mul(p, tf.sub(v, tf.sum(tf.mul(p, v), 1, true))), 1 / z.shape[0]);
    },
  },
  // Linear output: mean squared error, gradient 2 (z - y), curvature 2.
  mse: {
    value: (z, y) => tf.mean(tf.squaredDifference(z, y)),
    valueAndGradient: (z, y) => {
      const error = tf.sub(z, y);
      return [tf.mean(tf.square(error)), tf.mul(error, 2 / z.shape[0])];
    },
    pointSums: (z, y) => tf.sum(tf.squaredDifference(z, y), ROW_AXES),
    logitHessianProduct: (z, _y, v) => tf.mul(v, 2 / z.shape[0]),
  },
};
