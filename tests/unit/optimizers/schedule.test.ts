import { describe, expect, it } from 'vitest';
import { createSchedule } from '../../../electron/engine/optimizers/schedule';
import { describeIssue } from '../../../shared/describe-issue';
import { scheduleSpecSchema } from '../../../shared/spec/schedule-spec';
import { fixture } from './fixture';

describe('learning-rate schedules match torch.optim.lr_scheduler', () => {
  // Closed forms against torch's recursive updates: equal up to accumulated rounding, measured
  // against the base lr because the cosine passes through etaMin = 0.
  it.each(fixture.schedules.map((s) => [JSON.stringify(s.schedule), s] as const))(
    '%s',
    (_, { schedule, baseLr, lr }) => {
      const lrAt = createSchedule(scheduleSpecSchema.parse(schedule), baseLr);
      const worst = Math.max(...lr.map((expected, t) => Math.abs(lrAt(t) - expected)));
      expect(worst / baseLr).toBeLessThan(1e-12);
    },
  );

  it('is constant without a schedule', () => {
    const lrAt = createSchedule(undefined, 0.05);
    expect([0, 1, 1000].map(lrAt)).toEqual([0.05, 0.05, 0.05]);
  });

  it('warms up linearly, then starts the decay from the base lr', () => {
    const lrAt = createSchedule(
      scheduleSpecSchema.parse({ name: 'step', stepSize: 2, gamma: 0.5, warmupSteps: 4, startFactor: 0.5 }),
      1,
    );
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(lrAt)).toEqual([0.5, 0.625, 0.75, 0.875, 1, 1, 0.5, 0.5, 0.25]);
  });
});

describe('schedule spec', () => {
  const problem = (input: unknown) => {
    const parsed = scheduleSpecSchema.safeParse(input);
    return parsed.success ? null : describeIssue(parsed.error);
  };

  it('fills in torch defaults', () => {
    expect(scheduleSpecSchema.parse({ name: 'warmup' })).toEqual({
      name: 'warmup',
      warmupSteps: 5,
      startFactor: 1 / 3,
    });
    expect(scheduleSpecSchema.parse({ name: 'step', stepSize: 10 })).toEqual({
      name: 'step',
      stepSize: 10,
      gamma: 0.1,
      warmupSteps: 0,
      startFactor: 1 / 3,
    });
    expect(scheduleSpecSchema.parse({ name: 'cosine', tMax: 100 })).toMatchObject({ etaMin: 0, warmupSteps: 0 });
  });

  it('names the field that is wrong', () => {
    expect(problem({ name: 'cyclic' })).toMatch(/^name: must be one of constant, warmup, step, exponential, cosine/);
    expect(problem({ name: 'step' })).toMatch(/^stepSize: /);
    expect(problem({ name: 'step', stepSize: 2.5 })).toBe('stepSize: must be a whole number');
    expect(problem({ name: 'exponential', gamma: 0 })).toBe('gamma: must be greater than 0');
    expect(problem({ name: 'cosine', tMax: 10, etaMin: -1 })).toBe('etaMin: must be at least 0');
    expect(problem({ name: 'warmup', startFactor: 0 })).toBe('startFactor: must be greater than 0');
    expect(problem({ name: 'warmup', warmupSteps: 0 })).toBe('warmupSteps: must be at least 1');
    expect(problem({ name: 'constant', gamma: 0.5 })).toMatch(/gamma/);
  });
});
