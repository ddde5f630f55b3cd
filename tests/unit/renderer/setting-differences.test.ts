import { describe, expect, it } from 'vitest';
import { runSettings } from '../../../renderer/src/compare/comparisons';
import { differingSettings } from '../../../renderer/src/compare/setting-differences';
import type { RunSettings } from '../../../renderer/src/store/app-model';

const sgd = runSettings('gd', { name: 'sgd', lr: 0.01 });

describe('what differs between runs', () => {
  it('says so when the runs are set up alike, names aside', () => {
    expect(differingSettings([sgd, { ...sgd, name: 'other' }], 'function')).toEqual([]);
    expect(differingSettings([sgd], 'function')).toEqual([]);
  });

  it('names the optimizers, not the options that come with their defaults', () => {
    const adam = runSettings('adam', { name: 'adam', lr: 0.01 });
    expect(differingSettings([sgd, adam], 'function')).toEqual(['optimizer (sgd, adam)']);
  });

  it('keeps an optimizer’s own choices beside its name, and each kind once', () => {
    const momentum = runSettings('momentum', { name: 'sgd', lr: 0.01, momentum: 0.9 });
    const adam = runSettings('adam', { name: 'adam', lr: 0.05 });
    expect(differingSettings([sgd, momentum, adam, adam], 'function')).toEqual([
      'optimizer (sgd, sgd momentum=0.9, adam lr=0.05)',
    ]);
  });

  it('lists a shared optimizer’s differing options with their values', () => {
    const runs = [0.001, 0.002, 0.003, 0.002].map((lr) => runSettings(`lr ${lr}`, { name: 'adam', lr }));
    expect(differingSettings(runs, 'function')).toEqual(['optimizer.lr (0.001, 0.002, 0.003)']);
    const betas = runSettings('b', { name: 'adam', lr: 0.001, betas: [0.8, 0.999] });
    expect(differingSettings([runs[0]!, betas], 'function')).toEqual(['optimizer.betas ([0.9, 0.999], [0.8, 0.999])']);
  });

  it('names init schemes, and a scheme’s options only when they are chosen', () => {
    const init = (scheme: RunSettings['init']) => runSettings(scheme.scheme, { name: 'adam' }, { init: scheme });
    const runs = [
      init({ scheme: 'zeros', seed: 1 }),
      init({ scheme: 'normal', seed: 1, std: 0.01 }),
      init({ scheme: 'orthogonal', seed: 1, gain: 2 }),
    ];
    expect(differingSettings(runs, 'network')).toEqual(['init (zeros, normal, orthogonal gain=2)']);
    expect(
      differingSettings(
        [init({ scheme: 'normal', seed: 1 }), init({ scheme: 'normal', seed: 2, std: 0.1 })],
        'network',
      ),
    ).toEqual(['init.seed (1, 2)', 'init.std (0.01, 0.1)']);
    expect(
      differingSettings(
        [init({ scheme: 'normal', seed: 1 }), init({ scheme: 'normal', seed: 1, std: 0.01 })],
        'network',
      ),
    ).toEqual([]);
  });

  it('names schedules with their choices, an absent one being constant', () => {
    const cosine = {
      ...sgd,
      schedule: { name: 'cosine', tMax: 100, etaMin: 0, warmupSteps: 0, startFactor: 1 / 3 },
    } as const;
    expect(differingSettings([sgd, cosine], 'function')).toEqual(['schedule (constant, cosine tMax=100)']);
    expect(differingSettings([cosine, { ...cosine, schedule: { ...cosine.schedule, tMax: 200 } }], 'function')).toEqual(
      ['schedule.tMax (100, 200)'],
    );
  });

  it('lists every plain setting that differs, with what an absent one means', () => {
    const other = { ...sgd, clipNorm: 1, gradientNoise: 0.5, start: [0, 2] as [number, number], seed: 1, steps: 100 };
    expect(differingSettings([sgd, other], 'function')).toEqual([
      'clipNorm (none, 1)',
      'steps (300, 100)',
      'seed (0, 1)',
      'start ([-1.5, 2], [0, 2])',
      'gradientNoise (0, 0.5)',
    ]);
    expect(differingSettings([sgd, { ...sgd, gradientNoise: 0 }], 'function')).toEqual([]);
    expect(differingSettings([sgd, { ...sgd, batchSize: 32 }], 'network')).toEqual(['batchSize (full batch, 32)']);
  });

  it('leaves out what the kind of problem does not use', () => {
    expect(differingSettings([sgd, { ...sgd, batchSize: 32, init: { scheme: 'zeros', seed: 1 } }], 'function')).toEqual(
      [],
    );
    expect(differingSettings([sgd, { ...sgd, start: [3, 3] }], 'network')).toEqual([]);
  });
});
