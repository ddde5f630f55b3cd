import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { LOSS_HEADS } from '../../../electron/engine/network/losses';
import { useTensorBackend, type TensorBackend } from '../../../electron/engine/network/tensor-backend';
import { relativeError } from '../../support/relative-error';

/** Cross-entropy of one row in float64, the log-sum-exp shifted by the row's largest logit. */
function crossEntropy(logits: number[], label: number): number {
  const m = Math.max(...logits);
  return Math.log(logits.reduce((sum, z) => sum + Math.exp(z - m), 0)) - (logits[label]! - m);
}

describe.each<TensorBackend>(['wasm', 'cpu'])('cross-entropy point sums (%s)', (backend) => {
  it('match float64 per point, also where a class is so unlikely that its probability underflows', async () => {
    await useTensorBackend(backend);
    const [points, rows, classes] = [3, 5, 4];
    // Point k's logits scaled by 1, 30 and 300: at 300 exp overflows and p(class) underflows in float32.
    const logits = Array.from({ length: points }, (_, k) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: classes }, (_, c) => [1, 30, 300][k]! * Math.sin(1 + r * classes + c)),
      ),
    );
    const labels = Array.from({ length: rows }, (_, r) => r % classes);
    const sums = tf.tidy(() =>
      LOSS_HEADS.cross_entropy
        .pointSums(tf.tensor3d(logits), tf.oneHot(labels, classes).toFloat() as tf.Tensor2D)
        .arraySync(),
    );
    logits.forEach((point, k) => {
      const expected = point.reduce((sum, row, r) => sum + crossEntropy(row, labels[r]!), 0);
      expect(relativeError(sums[k]!, expected)).toBeLessThan(1e-5);
    });
  });
});
