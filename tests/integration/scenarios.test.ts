import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../electron/engine/experiment';
import { loadSpecFiles } from '../../electron/user-files';
import type { EventType } from '../../shared/events';
import type { RunFile, RunRecord } from '../../shared/run-file';
import { experimentSpecSchema } from '../../shared/spec/spec';
import { runSpecFields } from '../../renderer/src/store/run-spec';
import { TEACHING_SCENARIOS } from '../../renderer/src/teaching/scenarios';

/**
 * Every teaching scenario, run through the real engine with the run fields the app sends: each
 * must still show the lesson its caption promises, or this fails.
 */

type Scenario = (typeof TEACHING_SCENARIOS)[number];

function specOf({ comparison }: Scenario) {
  const isNetwork = comparison.kind === 'network';
  const runs = comparison.runs.map((settings) => runSpecFields(settings.name!, settings, comparison.kind));
  const problem = isNetwork ? { mlp: comparison.network } : { function: comparison.function };
  // The smallest landscape: the lessons are in the runs, not the slice.
  return experimentSpecSchema.parse({
    version: 1,
    problem,
    runs,
    ...(isNetwork ? { landscape: { resolution: 3 } } : {}),
  });
}

const run = (file: RunFile, name: string): RunRecord => {
  const found = file.runs.find((record) => record.name === name);
  if (!found) throw new Error(`no run named ${name}`);
  return found;
};
const types = (record: RunRecord): EventType[] => record.events.map((event) => event.type);
const final = (record: RunRecord): number => record.loss.at(-1)!;
/** The first step whose loss is below `level`; Infinity when none is. */
const stepsTo = (record: RunRecord, level: number): number => {
  const step = record.loss.findIndex((loss) => loss < level);
  return step < 0 ? Infinity : step;
};
const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const signChanges = (values: number[]): number => values.slice(1).filter((value, k) => value * values[k]! < 0).length;
const coordinate = (record: RunRecord, axis: 0 | 1): number[] => record.trajectory!.map((point) => point[axis]);
const layerGradNorms = (record: RunRecord): number[][] =>
  (record as RunRecord & { layerGradNorms: number[][] }).layerGradNorms;

const LESSONS: Record<string, (file: RunFile) => void> = {
  'saddle-gd-adam'(file) {
    const gd = run(file, 'GD');
    const adam = run(file, 'Adam');
    expect(types(gd)).toContain('saddle');
    expect(types(adam)).not.toContain('saddle');
    // At the saddle f = 1: GD lingers there, Adam never comes near.
    const atSaddle = (record: RunRecord) => record.loss.filter((loss) => Math.abs(loss - 1) < 0.01).length;
    expect(atSaddle(gd)).toBeGreaterThan(100);
    expect(atSaddle(adam)).toBe(0);
    expect(stepsTo(gd, 0.01)).toBeGreaterThan(3 * stepsTo(adam, 0.01));
    expect(final(gd)).toBeLessThan(0.01);
  },
  'momentum-overshoot'(file) {
    const gd = run(file, 'GD');
    const momentum = run(file, 'GD + momentum');
    // Started at x = −2.5, y = 1.5: plain GD never crosses the floor (y = 0) or the minimum (x = 0).
    expect(signChanges(coordinate(gd, 1))).toBe(0);
    expect(Math.max(...coordinate(gd, 0))).toBeLessThan(0);
    expect(signChanges(coordinate(momentum, 1))).toBeGreaterThanOrEqual(10);
    expect(Math.max(...coordinate(momentum, 0))).toBeGreaterThan(0.5);
    expect(stepsTo(momentum, 1e-3)).toBeLessThan(stepsTo(gd, 1e-3));
  },
  'learning-rate-diverges'(file) {
    const [slow, good, high, clipped] = ['lr 0.001', 'lr 0.002', 'lr 0.003', 'lr 0.003, clipped'].map((name) =>
      run(file, name),
    );
    expect([slow, good, high, clipped].map((record) => record!.status)).toEqual([
      'completed',
      'completed',
      'diverged',
      'completed',
    ]);
    expect(final(slow!)).toBeGreaterThan(1);
    expect(final(good!)).toBeLessThan(0.01);
    expect(types(high!)).toEqual(expect.arrayContaining(['exploding_gradient', 'diverged']));
    expect(high!.loss.length).toBeLessThanOrEqual(8);
    expect(final(clipped!)).toBeLessThan(final(slow!));
  },
  'zero-init-symmetry'(file) {
    const zeros = run(file, 'zeros');
    const glorot = run(file, 'Glorot');
    expect(zeros.events.find((event) => event.type === 'symmetry')).toMatchObject({
      step: 0,
      endStep: zeros.loss.length - 1,
    });
    expect(types(glorot)).not.toContain('symmetry');
    expect(final(zeros)).toBeGreaterThan(0.2);
    expect(final(zeros)).toBeLessThan(0.3);
    expect(final(glorot)).toBeLessThan(0.05);
  },
  'deep-sigmoid-vanishing'(file) {
    const small = run(file, 'normal(0.01)');
    const glorot = run(file, 'Glorot');
    expect(types(small)).toContain('vanishing_gradient');
    expect(Math.min(...small.loss)).toBeGreaterThan(0.69);
    // The first layer's gradient over the output layer's, at the start.
    const attenuation = (record: RunRecord) => layerGradNorms(record)[0]!.at(0)! / layerGradNorms(record)[0]!.at(-1)!;
    expect(attenuation(small)).toBeLessThan(1e-10);
    expect(attenuation(glorot)).toBeGreaterThan(1e-6);
    expect(final(glorot)).toBeLessThan(0.5);
  },
  'he-vs-xavier'(file) {
    const xavier = run(file, 'Xavier');
    const he = run(file, 'He');
    expect(he.loss[50]!).toBeLessThan(0.2);
    expect(xavier.loss[50]!).toBeGreaterThan(0.6);
    expect(stepsTo(he, 0.1)).toBeLessThan(stepsTo(xavier, 0.1));
  },
  'rastrigin-local-minima'(file) {
    const [centre, ...trapped] = file.runs;
    expect(final(centre!)).toBeLessThan(1e-6);
    // Rastrigin's local minima near (2, 1) and (−3, 3): about 5 and 18.
    expect(trapped.map(final)).toEqual([expect.closeTo(5, 0), expect.closeTo(18, 0)]);
    for (const record of trapped) expect(types(record)).toContain('converged');
  },
  'noise-escapes-saddle'(file) {
    const gd = run(file, 'GD');
    const noisy = run(file, 'GD + noise');
    expect(gd.events.at(-1)).toMatchObject({ type: 'saddle', endStep: gd.loss.length - 1 });
    expect(final(gd)).toBeCloseTo(1, 6);
    expect(final(noisy)).toBeLessThan(0.1);
  },
  'schedule-settles-noise'(file) {
    const constant = run(file, 'constant lr');
    const cosine = run(file, 'cosine decay');
    expect(mean(cosine.loss.slice(-50))).toBeLessThan(0.2 * mean(constant.loss.slice(-50)));
  },
  'plateau-adam'(file) {
    const gd = run(file, 'GD');
    const adam = run(file, 'Adam');
    expect(gd.gradNorm[0]).toBeGreaterThan(1e-4);
    expect(gd.gradNorm[0]).toBeLessThan(3e-4);
    const [start, end] = [gd.trajectory![0]!, gd.trajectory!.at(-1)!];
    expect(Math.hypot(end[0] - start[0], end[1] - start[1])).toBeLessThan(0.01);
    expect(final(gd)).toBeGreaterThan(0.99);
    expect(final(adam)).toBeLessThan(0.01);
  },
};

describe('teaching scenarios show their lessons in the engine', () => {
  it('has at least eight, each with a lesson checked here and distinct run names', () => {
    expect(TEACHING_SCENARIOS.length).toBeGreaterThanOrEqual(8);
    expect(TEACHING_SCENARIOS.map((scenario) => scenario.id).sort()).toEqual(Object.keys(LESSONS).sort());
  });

  it.each(TEACHING_SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('%s', async (_id, scenario) => {
    const file = await runExperiment(await loadSpecFiles(specOf(scenario), 'spec.json'), { progress: () => {} });
    LESSONS[scenario.id]!(file);
  });
});
