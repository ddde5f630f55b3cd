import { describe, expect, it } from 'vitest';
import { createNetworkRun } from '../../../electron/engine/network/network-run';
import { RunScheduler } from '../../../electron/engine/run-scheduler';
import { hostMessageSchema, type WorkerMessage } from '../../../shared/protocol';
import { problemOf, runSpec } from './support';

const moons = { dataset: { name: 'moons', samples: 120, seed: 2 }, hidden: [8], activation: 'tanh', loss: 'bce' };

describe('a network run’s checkpoints while it trains', () => {
  it('come in the frame batches as they are taken, each once, the same as the completed run’s', async () => {
    const problem = await problemOf(moons);
    const run = await createNetworkRun(problem, runSpec({ steps: 100 }), {
      checkpointValues: 11 * 41,
      curvaturePoints: 0,
    });
    const steps: number[] = [];
    const params: number[] = [];
    while (run.status === 'running') {
      const batch = run.advance(7);
      if (!batch.checkpoints) continue;
      steps.push(...batch.checkpoints.steps);
      params.push(...batch.checkpoints.params);
      // A batch carries only checkpoints inside its own steps.
      for (const step of batch.checkpoints.steps) {
        expect(step).toBeGreaterThanOrEqual(batch.fromStep);
        expect(step).toBeLessThan(batch.fromStep + batch.loss.length);
      }
    }
    const whole = run.result().checkpoints;
    expect(steps).toEqual(whole.steps);
    expect(steps.length).toBeGreaterThan(2);
    expect(params).toEqual(whole.params.flatMap((vector) => Array.from(vector)));
  });

  it('cross to the app in valid frames messages, the parameters of each checkpoint sent once', async () => {
    const problem = await problemOf(moons);
    const run = await createNetworkRun(problem, runSpec({ steps: 60 }), {
      checkpointValues: 7 * 41,
      curvaturePoints: 0,
    });
    const posted: WorkerMessage[] = [];
    let ticks: (() => void)[] = [];
    const scheduler = new RunScheduler({
      post: (message) => posted.push(message),
      now: () => 0,
      defer: (tick) => ticks.push(tick),
    });
    scheduler.add('live', run, undefined);
    while (ticks.length) {
      const pending = ticks;
      ticks = [];
      pending.forEach((tick) => tick());
    }
    const frames = posted.filter((message) => message.type === 'frames');
    for (const message of frames) expect(() => hostMessageSchema.parse(message)).not.toThrow();
    const sentSteps = frames.flatMap((message) =>
      message.type === 'frames' && message.checkpoints ? Array.from(message.checkpoints.steps) : [],
    );
    expect(sentSteps).toEqual(run.result().checkpoints.steps);
    expect(new Set(sentSteps).size).toBe(sentSteps.length);
    // The completion carries none of them again: frames took the last one with the final step.
    const done = posted.filter((message) => message.type === 'checkpoints-complete');
    expect(done).toEqual([{ type: 'checkpoints-complete', runId: 'live' }]);
    expect(sentSteps.at(-1)).toBe(60);
  });
});
