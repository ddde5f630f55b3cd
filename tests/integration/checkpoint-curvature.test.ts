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
/** A 60-step Adam run on moons, with `l2` (0: none). */
const start = (runId: string, l2: number): ClientMessage =>
  ({
    type: 'start',
    runId,
    problem: moons,
    run: {
      name: runId,
      init: { scheme: 'glorot_uniform', seed: 1 },
      optimizer: { name: 'adam', lr: 0.05 },
      steps: 60,
      seed: SEED,
      ...(l2 ? { l2 } : {}),
    },
  }) as ClientMessage;
const answerTo = (requestId: string) => (m: HostMessage) =>
  (m.type === 'curvature' || m.type === 'error') && m.requestId === requestId;

describe('curvature at a checkpoint the app picks', () => {
  /** Trains run `runId` with `l2`; its checkpoints, and `ask`, which asks the curvature at one of them with an l2 and waits for the answer. */
  async function trainedRun(runId: string, l2: number) {
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    client.send(start(runId, l2));
    await client.waitFor(statusIs(runId, 'completed'), 60_000);
    const done = receivedCheckpoints(client.received, runId);
    const size = done.params.length / done.steps.length;
    let asked = 0;
    const ask = async (step: number, askedL2: number) => {
      const k = Array.from(done.steps).indexOf(step);
      const requestId = `${runId}-${++asked}`;
      const params = done.params.slice(k * size, (k + 1) * size);
      client.send({ type: 'curvature', requestId, problem: moons, step, params, l2: askedL2, seed: SEED });
      const answer = await client.waitFor(answerTo(requestId), 60_000);
      if (answer.type !== 'curvature') throw new Error(`expected a curvature answer, got ${JSON.stringify(answer)}`);
      return answer;
    };
    return { curvature: done.curvature!, steps: done.steps, ask };
  }

  it('gives the same eigenvalues and kind at a measured checkpoint as the completed run, and answers at one the run did not measure', async () => {
    const { curvature, steps, ask } = await trainedRun('a', 0);

    // The final point, and the first: both measured by the run itself.
    for (const k of [curvature.steps.length - 1, 0]) {
      const answer = await ask(curvature.steps[k]!, 0);
      expect(answer.step).toBe(curvature.steps[k]);
      expect(relativeError(answer.eigenvalues[0], curvature.eigenvalues[2 * k]!)).toBeLessThan(1e-6);
      expect(relativeError(answer.eigenvalues[1], curvature.eigenvalues[2 * k + 1]!)).toBeLessThan(1e-6);
      expect(answer.kind).toBe(curvature.kinds[k]);
    }

    // A checkpoint the run did not measure is answered too: the loss curves up somewhere (the Gauss–Newton part is positive semidefinite).
    const unmeasured = Array.from(steps).find((step) => !curvature.steps.includes(step))!;
    expect(unmeasured).toBeDefined();
    const picked = await ask(unmeasured, 0);
    expect(picked.step).toBe(unmeasured);
    expect(picked.eigenvalues[1]).toBeGreaterThan(0);
    expect(picked.eigenvalues[0]).toBeLessThanOrEqual(picked.eigenvalues[1]);
    expect(['minimum', 'saddle', 'degenerate', 'maximum']).toContain(picked.kind);
  });

  it('matches the run’s own curvature with the run’s l2, and not without it', async () => {
    const { curvature, ask } = await trainedRun('penalized', 0.01);
    const k = curvature.steps.length - 1;
    const measured = curvature.eigenvalues[2 * k + 1]!;
    const withL2 = await ask(curvature.steps[k]!, 0.01);
    expect(relativeError(withL2.eigenvalues[0], curvature.eigenvalues[2 * k]!)).toBeLessThan(1e-6);
    expect(relativeError(withL2.eigenvalues[1], measured)).toBeLessThan(1e-6);
    // The penalty's Hessian is 2·l2 along the kernels: without it the largest eigenvalue is smaller.
    const withoutL2 = await ask(curvature.steps[k]!, 0);
    expect(withoutL2.eigenvalues[1]).toBeLessThan(measured - 1e-3);
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
