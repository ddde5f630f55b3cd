import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../electron/engine/optimizers';
import { clipGradientNorm } from '../../../electron/engine/optimizers/gradient-transforms';
import { createSchedule } from '../../../electron/engine/optimizers/schedule';
import { catalogFunction } from '../../../shared/functions/catalog';
import { optimizerSpecSchema } from '../../../shared/spec/optimizer-spec';
import { scheduleSpecSchema } from '../../../shared/spec/schedule-spec';
import { relativeError } from '../../support/relative-error';
import { fixture } from './fixture';

type CatalogName = Parameters<typeof catalogFunction>[0];
type Run = (typeof fixture.runs)[number];

/** Every position of the run, replayed with the app's catalog gradients: the largest error. */
function worstError(run: Run): number {
  const objective = catalogFunction(run.function as CatalogName);
  const spec = optimizerSpecSchema.parse(run.optimizer);
  const optimizer = createOptimizer(spec, 2);
  const lrAt = createSchedule(run.schedule && scheduleSpecSchema.parse(run.schedule), spec.lr);
  const params = Float64Array.from(run.start);
  const grad = new Float64Array(2);
  let worst = 0;
  for (let k = 0; k < fixture.steps; k++) {
    objective.gradient(params[0]!, params[1]!, grad);
    if (run.clipNorm !== undefined) clipGradientNorm(grad, run.clipNorm);
    optimizer.step(params, grad, lrAt(k));
    for (let c = 0; c < 2; c++) worst = Math.max(worst, relativeError(params[c]!, run.trajectory[2 * (k + 1) + c]!));
  }
  return worst;
}

function label(run: Run): string {
  const { name, ...options } = run.optimizer;
  const extras = [
    run.schedule && `schedule ${JSON.stringify(run.schedule)}`,
    run.clipNorm !== undefined && `clipNorm ${run.clipNorm}`,
  ].filter(Boolean);
  return `${String(name)} ${JSON.stringify(options)} on ${run.function}${extras.length ? `, ${extras.join(', ')}` : ''}`;
}

describe(`optimizers match torch ${fixture.torch} (float64, ${fixture.steps} steps)`, () => {
  // Tolerance: every coordinate of every point within 1e-9 of torch, relative to the larger
  // magnitude (floored at 1e-12). Runs are chosen non-chaotic by the fixture script, so rounding
  // differences (closed-form gradients against autograd's) stay near 1e-13.
  it.each(fixture.runs.map((run) => [label(run), run] as const))('%s', (_, run) => {
    expect(worstError(run)).toBeLessThan(1e-9);
  });

  it('covers every optimizer, option, function, schedule kind and clipping', () => {
    const optimizers = new Set(fixture.runs.map((run) => run.optimizer.name));
    expect([...optimizers].sort()).toEqual([...optimizerSpecSchema.options.map((o) => o.shape.name.value)].sort());
    for (const option of optimizerSpecSchema.options) {
      const name = option.shape.name.value;
      const used = new Set(
        fixture.runs.filter((run) => run.optimizer.name === name).flatMap((run) => Object.keys(run.optimizer)),
      );
      expect([...used].sort(), name).toEqual(Object.keys(option.shape).sort());
    }
    const functions = new Set(fixture.runs.map((run) => run.function));
    for (const name of ['rosenbrock', 'himmelblau', 'beale', 'quadratic', 'saddle']) expect(functions).toContain(name);
    const schedules = new Set(fixture.runs.flatMap((run) => (run.schedule ? [run.schedule.name] : [])));
    expect(schedules.size).toBeGreaterThanOrEqual(4);
    expect(fixture.runs.some((run) => run.clipNorm !== undefined && run.schedule)).toBe(true);
  });

  it('notices a wrong update rule', () => {
    // The same comparison fails when one option is off (momentum dropped from an SGD run).
    const run = fixture.runs.find((r) => r.optimizer.name === 'sgd' && r.optimizer.momentum === 0.9 && !r.schedule)!;
    expect(worstError({ ...run, optimizer: { ...run.optimizer, momentum: 0.89 } })).toBeGreaterThan(1e-6);
  });
});
