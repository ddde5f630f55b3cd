import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RunHost } from '../../electron/host/run-host';
import type { ClientMessage, HostMessage } from '../../shared/protocol';
import { connectRecorder, statusIs } from '../support/host-client';
import { assertBuilt, workerPath } from '../support/paths';
import { relativeError } from '../support/relative-error';
import { receivedCheckpoints } from '../support/run-checkpoints';

let host: RunHost;
beforeAll(assertBuilt);
afterEach(async () => host?.close());

const moons = {
  mlp: { dataset: { name: 'moons', samples: 100, seed: 2 }, hidden: [6], activation: 'tanh', loss: 'bce' },
};
const SEED = 7;
const start: ClientMessage = {
  type: 'start',
  runId: 'a',
  problem: moons,
  run: {
    name: 'a',
    init: { scheme: 'glorot_uniform', seed: 1 },
    optimizer: { name: 'adam', lr: 0.05 },
    steps: 60,
    seed: SEED,
  },
} as ClientMessage;
const answerTo = (requestId: string) => (m: HostMessage) =>
  (m.type === 'curvature' || m.type === 'error') && m.requestId === requestId;

describe('curvature at a checkpoint the app picks', () => {
  it('gives the same eigenvalues and kind at a measured checkpoint as the completed run, and answers at one the run did not measure', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    client.send(start);
    await client.waitFor(statusIs('a', 'completed'), 60_000);
    const done = receivedCheckpoints(client.received, 'a');
    const curvature = done.curvature!;
    const size = done.params.length / done.steps.length;
    const paramsAt = (step: number) => {
      const k = Array.from(done.steps).indexOf(step);
      return done.params.slice(k * size, (k + 1) * size);
    };
    const ask = (requestId: string, step: number) =>
      client.send({ type: 'curvature', requestId, problem: moons, step, params: paramsAt(step), seed: SEED });

    // The final point, and the first: both measured by the run itself.
    const measured = [curvature.steps.length - 1, 0];
    for (const k of measured) ask(`measured-${k}`, curvature.steps[k]!);
    for (const k of measured) {
      const answer = await client.waitFor(answerTo(`measured-${k}`), 60_000);
      if (answer.type !== 'curvature') throw new Error(`expected a curvature answer, got ${JSON.stringify(answer)}`);
      expect(answer.step).toBe(curvature.steps[k]);
      expect(relativeError(answer.eigenvalues[0], curvature.eigenvalues[2 * k]!)).toBeLessThan(1e-6);
      expect(relativeError(answer.eigenvalues[1], curvature.eigenvalues[2 * k + 1]!)).toBeLessThan(1e-6);
      expect(answer.kind).toBe(curvature.kinds[k]);
    }

    // A checkpoint the run did not measure is answered too: the loss curves up somewhere (the Gauss–Newton part is positive semidefinite).
    const unmeasured = Array.from(done.steps).find((step) => !curvature.steps.includes(step))!;
    expect(unmeasured).toBeDefined();
    ask('picked', unmeasured);
    const picked = await client.waitFor(answerTo('picked'), 60_000);
    if (picked.type !== 'curvature') throw new Error(`expected a curvature answer, got ${JSON.stringify(picked)}`);
    expect(picked.step).toBe(unmeasured);
    expect(picked.eigenvalues[1]).toBeGreaterThan(0);
    expect(picked.eigenvalues[0]).toBeLessThanOrEqual(picked.eigenvalues[1]);
    expect(['minimum', 'saddle', 'degenerate', 'maximum']).toContain(picked.kind);
  });

  it('names what is wrong with a request, under its id', async () => {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    client.send({
      type: 'curvature',
      requestId: 'short',
      problem: moons,
      step: 0,
      params: new Float64Array(5),
      seed: 0,
    });
    const short = await client.waitFor(answerTo('short'), 60_000);
    expect(short.type === 'error' && short.message).toBe('params: holds 5 parameters; this network has 25');
    client.send({
      type: 'curvature',
      requestId: 'nan',
      problem: moons,
      step: 0,
      params: Float64Array.of(NaN),
      seed: 0,
    });
    const nan = await client.waitFor(answerTo('nan'), 60_000);
    expect(nan.type === 'error' && nan.message).toMatch(/params: must hold the checkpoint’s parameters, all finite/);
  });
});
