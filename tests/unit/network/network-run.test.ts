import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createNetworkRun, type NetworkFrameBatch } from '../../../electron/engine/network/network-run';
import { denseLayerSlices } from '../../../electron/engine/network/param-layout';
import { problemOf, runSpec } from './support';

const moons = { dataset: { name: 'moons', samples: 120, seed: 2 }, hidden: [8, 8], activation: 'tanh', loss: 'bce' };

async function train(mlp: Record<string, unknown>, run: Record<string, unknown>) {
  const engineRun = await createNetworkRun(await problemOf(mlp), runSpec(run));
  engineRun.advance(Number.MAX_SAFE_INTEGER);
  return engineRun.result();
}

describe('a network run', () => {
  it('records steps + 1 points of loss, gradient norms and learning rate, and the run-file fields', async () => {
    const result = await train(
      { ...moons, testFraction: 0.25 },
      { steps: 40, schedule: { name: 'exponential', gamma: 0.9 } },
    );
    expect(result.status).toBe('completed');
    expect(result.backend).toBe('kernel');
    for (const series of [result.loss, result.testLoss!, result.gradNorm, result.lr]) expect(series).toHaveLength(41);
    expect(result.loss[40]).toBeLessThan(result.loss[0]!);
    expect(result.lr[3]).toBeCloseTo(0.01 * 0.9 ** 3, 12);
    expect(result.layerGradNorms).toHaveLength(41);
    result.layerGradNorms.forEach((norms, k) => expect(Math.hypot(...norms)).toBeCloseTo(result.gradNorm[k]!, 10));
    expect(result.paramLayout).toEqual([
      { name: 'hidden1.kernel', shape: [2, 8] },
      { name: 'hidden1.bias', shape: [8] },
      { name: 'hidden2.kernel', shape: [8, 8] },
      { name: 'hidden2.bias', shape: [8] },
      { name: 'output.kernel', shape: [8, 1] },
      { name: 'output.bias', shape: [1] },
    ]);
    expect(result.initialParams).toHaveLength(24 + 72 + 9);
    expect(result.checkpoints.steps[0]).toBe(0);
    expect(result.checkpoints.steps.at(-1)).toBe(40);
    expect(result.checkpoints.params[0]).toEqual(result.initialParams);
    expect(result.checkpoints.params.at(-1)).toEqual(result.finalParams);
  });

  it('streams the same numbers in batches as in one go, step 0 first', async () => {
    const whole = await train(moons, { steps: 30, batchSize: 16, dropout: 0.2 });
    const run = await createNetworkRun(await problemOf(moons), runSpec({ steps: 30, batchSize: 16, dropout: 0.2 }));
    const batches: NetworkFrameBatch[] = [];
    while (run.status === 'running') batches.push(run.advance(7));
    expect(batches.map((b) => [b.fromStep, b.loss.length])).toEqual([
      [0, 8],
      [8, 7],
      [15, 7],
      [22, 7],
      [29, 2],
    ]);
    expect(Float64Array.from(batches.flatMap((b) => [...b.loss]))).toEqual(whole.loss);
    const layers = 3;
    const updates = batches.flatMap((b) => [...b.layerUpdateNorms]);
    expect(updates).toHaveLength(31 * layers);
    expect(updates.slice(0, 30 * layers).every((norm) => norm > 0)).toBe(true);
    expect(updates.slice(30 * layers)).toEqual([0, 0, 0]);
    expect(run.result().finalParams).toEqual(whole.finalParams);
  });

  it('is deterministic: the same spec gives identical arrays, minibatches and dropout included', async () => {
    const spec = { steps: 25, batchSize: 20, dropout: 0.3, l1: 1e-3, l2: 1e-3, clipNorm: 0.5, seed: 4 };
    const [a, b] = [await train(moons, spec), await train(moons, spec)];
    expect(b.loss).toEqual(a.loss);
    expect(b.gradNorm).toEqual(a.gradNorm);
    expect(b.finalParams).toEqual(a.finalParams);
    const other = await train(moons, { ...spec, seed: 5 });
    expect(other.finalParams).not.toEqual(a.finalParams);
    expect(other.loss[0]).toBe(a.loss[0]);
  });

  it('records the training loss in evaluation mode: dropout changes the steps, not the measure', async () => {
    const plain = await train(moons, { steps: 3 });
    const dropped = await train(moons, { steps: 3, dropout: 0.5 });
    expect(dropped.loss[0]).toBe(plain.loss[0]);
    expect(dropped.gradNorm[0]).not.toBe(plain.gradNorm[0]);
  });

  it('adds l1 and l2 over the kernels to the loss, not over the biases', async () => {
    const init = { scheme: 'glorot_uniform', seed: 1, bias: 0.5 };
    const plain = await train(moons, { steps: 1, init });
    const regularized = await train(moons, { steps: 1, init, l1: 0.01, l2: 0.02 });
    let penalty = 0;
    for (const { kernelOffset, biasOffset } of denseLayerSlices([2, 8, 8, 1])) {
      for (const w of plain.initialParams.subarray(kernelOffset, biasOffset))
        penalty += 0.01 * Math.abs(w) + 0.02 * w * w;
    }
    expect(regularized.loss[0]! - plain.loss[0]!).toBeCloseTo(penalty, 6);
  });

  it('keeps the number of tensors constant over a long run and frees them all at its end', async () => {
    const before = tf.memory().numTensors;
    const run = await createNetworkRun(
      await problemOf({ ...moons, testFraction: 0.2 }),
      runSpec({ steps: 600, batchSize: 32, dropout: 0.1 }),
    );
    run.advance(10);
    const during = tf.memory().numTensors;
    for (let i = 0; i < 60; i++) {
      run.advance(10);
      if (run.status === 'running') expect(tf.memory().numTensors).toBe(during);
    }
    expect(run.status).toBe('completed');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops at the first non-finite loss and keeps the last finite parameters', async () => {
    const result = await train(
      { dataset: { name: 'sine', seed: 1 }, hidden: [16, 16], activation: 'linear', loss: 'mse' },
      { steps: 100, init: { scheme: 'he_normal', seed: 1 }, optimizer: { name: 'sgd', lr: 0.3, momentum: 0.9 } },
    );
    expect(result.status).toBe('diverged');
    const last = result.loss.length - 1;
    expect(last).toBeLessThan(100);
    expect([...result.loss].every(Number.isFinite)).toBe(true);
    expect([...result.finalParams].every(Number.isFinite)).toBe(true);
    expect(result.checkpoints.steps.at(-1)).toBe(last);
    expect(result.checkpoints.params.at(-1)).toEqual(result.finalParams);
    expect(result.events.at(-1)).toMatchObject({ type: 'diverged', step: last + 1 });
    expect(result.events.map((e) => e.type)).toContain('exploding_gradient');
  });

  it('stores at most the checkpoint budget, always the first and the last point', async () => {
    const problem = await problemOf(moons);
    const run = await createNetworkRun(problem, runSpec({ steps: 100 }), { checkpointValues: 105 * 10 });
    run.advance(100);
    const { steps } = run.result().checkpoints;
    expect(steps.length).toBeLessThanOrEqual(10);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(100);
  });

  it('trains on the WASM kernel where it has the activation, on tfjs for gelu or when asked, to the same numbers', async () => {
    const spec = runSpec({ steps: 20, batchSize: 30, dropout: 0.2, l1: 1e-3, l2: 1e-3, clipNorm: 0.5 });
    const kernel = await createNetworkRun(await problemOf(moons), spec);
    const tfjs = await createNetworkRun(await problemOf(moons), spec, { kernel: false });
    const gelu = await createNetworkRun(await problemOf({ ...moons, activation: 'gelu' }), spec);
    for (const run of [kernel, tfjs, gelu]) run.advance(Number.MAX_SAFE_INTEGER);
    expect([kernel, tfjs, gelu].map((run) => run.result().backend)).toEqual(['kernel', 'wasm', 'wasm']);
    const [a, b] = [kernel.result(), tfjs.result()];
    a.loss.forEach((loss, k) => expect(loss).toBeCloseTo(b.loss[k]!, 4));
  });

  it('starts from given parameters when asked', async () => {
    const problem = await problemOf(moons);
    const start = new Float32Array(105).fill(0.1);
    const run = await createNetworkRun(problem, runSpec({ steps: 2 }), { initialParams: start });
    run.advance(2);
    expect(run.result().initialParams).toEqual(start);
    await expect(createNetworkRun(problem, runSpec({}), { initialParams: new Float32Array(3) })).rejects.toThrow(
      'initialParams holds 3 values; the network has 105',
    );
  });
});
