import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/events';
import { createNetworkRun } from '../../../electron/engine/network/network-run';
import { problemOf, runSpec } from './support';

const spiral = { name: 'spiral', samples: 200, seed: 1 };
const deep = (activation: string) => ({ dataset: spiral, hidden: [16, 16, 16, 16, 16, 16], activation, loss: 'bce' });

async function events(mlp: Record<string, unknown>, run: Record<string, unknown>): Promise<RunEvent[]> {
  const engineRun = await createNetworkRun(
    await problemOf(mlp),
    runSpec({ steps: 200, optimizer: { name: 'sgd', lr: 0.1 }, ...run }),
  );
  engineRun.advance(Number.MAX_SAFE_INTEGER);
  return engineRun.result().events;
}
const types = (list: RunEvent[]): string[] => [...new Set(list.map((e) => e.type))].sort();

describe('diagnostics on a deep tanh network (6 hidden layers of 16)', () => {
  it('zero initialization: the hidden units stay identical (symmetry), and training is stuck', async () => {
    const found = await events(deep('tanh'), { init: { scheme: 'zeros', seed: 1 } });
    // The gradient is exactly zero there, a stall at a point whose Hessian is zero but for the output bias.
    expect(types(found)).toEqual(['degenerate', 'plateau', 'symmetry']);
    expect(found.find((e) => e.type === 'symmetry')).toMatchObject({ step: 0, endStep: 200 });
  });

  it('constant initialization: symmetry as well', async () => {
    const found = await events(deep('tanh'), { init: { scheme: 'constant', value: 0.1, seed: 1 } });
    expect(types(found)).toContain('symmetry');
  });

  it.each(['tanh', 'sigmoid'])('normal(0.01) on %s: the gradient vanishes', async (activation) => {
    const found = await events(deep(activation), { init: { scheme: 'normal', seed: 1 } });
    expect(types(found)).toContain('vanishing_gradient');
    expect(types(found)).not.toContain('symmetry');
    expect(found.find((e) => e.type === 'vanishing_gradient')).toMatchObject({ step: 0 });
  });

  it('glorot: neither symmetry nor a vanishing gradient', async () => {
    const found = await events(deep('tanh'), { init: { scheme: 'glorot_uniform', seed: 1 } });
    expect(types(found)).not.toContain('symmetry');
    expect(types(found)).not.toContain('vanishing_gradient');
  });

  it('a plateau that training leaves is dated from its first to its last step', async () => {
    const found = await events(deep('tanh'), {
      init: { scheme: 'normal', seed: 1 },
      optimizer: { name: 'adam', lr: 0.01 },
      steps: 300,
    });
    const plateau = found.find((e) => e.type === 'plateau')!;
    expect(plateau.step).toBe(0);
    expect(plateau.endStep).toBeGreaterThan(45);
    expect(plateau.endStep).toBeLessThan(300);
  });
});

describe('dead ReLU units', () => {
  it('are reported when every training sample leaves them inactive', async () => {
    const found = await events(
      { dataset: { name: 'moons' }, hidden: [16, 8], activation: 'relu', loss: 'bce' },
      { init: { scheme: 'he_normal', seed: 1, bias: -20 }, steps: 20 },
    );
    expect(found.filter((e) => e.type === 'dead_units').map((e) => [e.step, e.message.slice(0, 40)])).toEqual([
      [0, 'All 16 ReLU units of hidden layer 1 outp'],
      [0, 'All 8 ReLU units of hidden layer 2 outpu'],
    ]);
  });

  it('are not reported for a healthy ReLU network', async () => {
    const found = await events(
      { dataset: { name: 'moons' }, hidden: [16, 8], activation: 'relu', loss: 'bce' },
      { init: { scheme: 'he_normal', seed: 1 }, steps: 50 },
    );
    expect(types(found)).not.toContain('dead_units');
  });
});
