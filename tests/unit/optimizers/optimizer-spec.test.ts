import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../shared/describe-issue';
import { describeOptimizer, OPTIMIZER_NAMES, optimizerSpecSchema } from '../../../shared/spec/optimizer-spec';
import { fixture } from './fixture';

/** docs/formats.md "Optimizers", verbatim. */
const DOCUMENTED_DEFAULTS = {
  sgd: { lr: 0.01, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 },
  adagrad: { lr: 0.01, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10 },
  rmsprop: { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false },
  adadelta: { lr: 1.0, rho: 0.9, eps: 1e-6, weightDecay: 0 },
  adam: { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false },
  adamw: { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.01, amsgrad: false },
  adamax: { lr: 0.002, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 },
  nadam: { lr: 0.002, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, momentumDecay: 0.004 },
  radam: { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 },
  lion: { lr: 1e-4, betas: [0.9, 0.99], weightDecay: 0 },
};

const problem = (input: unknown): string | null => {
  const parsed = optimizerSpecSchema.safeParse(input);
  return parsed.success ? null : describeIssue(parsed.error);
};

describe('optimizer spec', () => {
  it('lists every optimizer of the schema', () => {
    expect([...OPTIMIZER_NAMES]).toEqual(optimizerSpecSchema.options.map((option) => option.shape.name.value));
    expect(Object.keys(DOCUMENTED_DEFAULTS)).toEqual([...OPTIMIZER_NAMES]);
  });

  it.each(Object.entries(DOCUMENTED_DEFAULTS))(
    'fills in the defaults of docs/formats.md and torch: %s',
    (name, defaults) => {
      const parsed = optimizerSpecSchema.parse({ name });
      expect(parsed).toEqual({ name, ...defaults });
      // Same options and values as torch's constructors report (torch 1.13's SGD has no default
      // lr; the fixture script passes the documented 0.01).
      expect(fixture.torchDefaults[name]).toEqual(defaults);
    },
  );

  it('keeps what is given', () => {
    expect(optimizerSpecSchema.parse({ name: 'adam', lr: 0.05, betas: [0.8, 0.9], amsgrad: true })).toMatchObject({
      lr: 0.05,
      betas: [0.8, 0.9],
      amsgrad: true,
      eps: 1e-8,
    });
  });

  it('names the field that is wrong', () => {
    expect(problem({ name: 'adamm' })).toBe(`name: must be one of ${OPTIMIZER_NAMES.join(', ')}`);
    expect(problem({ lr: 0.1 })).toMatch(/^name: must be one of/);
    expect(problem({ name: 'adam', lr: 0 })).toBe('lr: must be greater than 0');
    expect(problem({ name: 'adam', lr: -1 })).toBe('lr: must be greater than 0');
    expect(problem({ name: 'adam', lr: '0.1' })).toMatch(/^lr: /);
    expect(problem({ name: 'adam', lr: Infinity })).toMatch(/^lr: /);
    expect(problem({ name: 'adam', betas: [0.9, 1] })).toBe('betas[1]: must be less than 1');
    expect(problem({ name: 'nadam', betas: [-0.1, 0.9] })).toBe('betas[0]: must be at least 0');
    expect(problem({ name: 'adam', betas: [0.9] })).toMatch(/^betas: /);
    expect(problem({ name: 'rmsprop', eps: 0 })).toBe('eps: must be greater than 0');
    expect(problem({ name: 'rmsprop', alpha: 1 })).toBe('alpha: must be less than 1');
    expect(problem({ name: 'sgd', momentum: -0.5 })).toBe('momentum: must be at least 0');
    expect(problem({ name: 'sgd', weightDecay: -1 })).toBe('weightDecay: must be at least 0');
    expect(problem({ name: 'adagrad', lrDecay: -1 })).toBe('lrDecay: must be at least 0');
    expect(problem({ name: 'adadelta', rho: 1.5 })).toBe('rho: must be less than 1');
    expect(problem({ name: 'nadam', momentumDecay: -0.004 })).toBe('momentumDecay: must be at least 0');
    expect(problem({ name: 'sgd', nesterov: 'yes' })).toMatch(/^nesterov: /);
  });

  it('rejects unknown options by name, including another optimizer’s', () => {
    expect(problem({ name: 'adam', lr: 0.1, learningRate: 0.1 })).toMatch(/Unrecognized key.*"learningRate"/);
    expect(problem({ name: 'sgd', amsgrad: true })).toMatch(/"amsgrad"/);
    expect(problem({ name: 'lion', eps: 1e-8 })).toMatch(/"eps"/);
    expect(problem({ name: 'adam', weight_decay: 0.1 })).toMatch(/"weight_decay"/);
  });

  it('rejects nesterov without momentum or with dampening, as torch does', () => {
    expect(problem({ name: 'sgd', nesterov: true })).toBe('nesterov: requires momentum > 0 and dampening 0');
    expect(problem({ name: 'sgd', nesterov: true, momentum: 0.9, dampening: 0.1 })).toBe(
      'nesterov: requires momentum > 0 and dampening 0',
    );
    expect(problem({ name: 'sgd', nesterov: true, momentum: 0.9 })).toBeNull();
  });

  it('describes an optimizer in a few words', () => {
    const describe = (input: unknown) => describeOptimizer(optimizerSpecSchema.parse(input));
    expect(describe({ name: 'adam', lr: 0.05 })).toBe('Adam (lr 0.05)');
    expect(describe({ name: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true })).toBe(
      'SGD (lr 0.1, momentum 0.9, nesterov)',
    );
    expect(describe({ name: 'rmsprop', centered: true })).toBe('RMSprop (lr 0.01, centered)');
    expect(describe({ name: 'adamw', amsgrad: true })).toBe('AdamW (lr 0.001, amsgrad)');
    expect(describe({ name: 'lion' })).toBe('Lion (lr 0.0001)');
  });
});
