import { describe, expect, it } from 'vitest';
import { initSpecSchema } from '../../../shared/spec/network-spec';
import { optimizerSpecSchema } from '../../../shared/spec/optimizer-spec';
import { scheduleSpecSchema } from '../../../shared/spec/schedule-spec';
import { runSpecSchema } from '../../../shared/spec/spec';
import { DEFAULT_NETWORK, type ProblemKind, type RunSettings } from '../../../renderer/src/store/app-model';
import { checkNetwork, runSettingsOf, runSpecFields } from '../../../renderer/src/store/run-spec';

/** Settings as the form holds them once the spec's defaults are filled in (as a run file or session file has them). */
type FormFields = Partial<Omit<RunSettings, 'optimizer' | 'schedule' | 'init'>> & {
  optimizer: object;
  schedule?: object;
  init?: object;
};

function settings(fields: FormFields): RunSettings {
  const { optimizer, schedule, init, ...rest } = fields;
  return {
    steps: 50,
    start: [0, 0],
    batchSize: 0,
    seed: 0,
    ...rest,
    optimizer: optimizerSpecSchema.parse(optimizer),
    init: init ? initSpecSchema.parse(init) : DEFAULT_NETWORK.init,
    ...(schedule ? { schedule: scheduleSpecSchema.parse(schedule) } : {}),
  };
}

/** Settings → the spec's run fields → (validated as a saved run's spec is) → settings. */
const roundTrip = (kind: ProblemKind, form: RunSettings): RunSettings =>
  runSettingsOf(runSpecSchema.parse(runSpecFields('a run', form, kind)));

describe('run settings and the spec, both ways', () => {
  it.each([
    [
      'sgd with momentum, constant',
      settings({ optimizer: { name: 'sgd', lr: 0.01, momentum: 0.9, nesterov: true }, start: [-1.5, 2] }),
    ],
    [
      'adam, cosine with warm-up, clipped',
      settings({
        optimizer: { name: 'adam', lr: 0.05 },
        start: [3, -0.25],
        schedule: { name: 'cosine', tMax: 50, warmupSteps: 10 },
        clipNorm: 2,
        seed: 7,
      }),
    ],
    [
      'rmsprop, step decay, noisy',
      settings({
        optimizer: { name: 'rmsprop', lr: 0.001, centered: true },
        start: [0.5, 0.5],
        schedule: { name: 'step', stepSize: 20, gamma: 0.5 },
        gradientNoise: 0.1,
      }),
    ],
    [
      'lion, exponential',
      settings({
        optimizer: { name: 'lion', lr: 1e-4 },
        start: [-2, -2],
        schedule: { name: 'exponential', gamma: 0.99 },
        steps: 1000,
      }),
    ],
  ])('a function run comes back as it was: %s', (_, form) => {
    expect(roundTrip('function', form)).toEqual(form);
  });

  it.each([
    [
      'adamw, He uniform, full batch',
      settings({ optimizer: { name: 'adamw', lr: 0.01 }, init: { scheme: 'he_uniform', seed: 3 } }),
    ],
    [
      'sgd, normal(0.1), mini-batches, warm-up',
      settings({
        optimizer: { name: 'sgd', lr: 0.1 },
        init: { scheme: 'normal', seed: 2, std: 0.1 },
        batchSize: 32,
        seed: 5,
        schedule: { name: 'warmup', warmupSteps: 5 },
      }),
    ],
    [
      'rmsprop, l2 penalty',
      settings({ optimizer: { name: 'rmsprop', lr: 0.01 }, init: { scheme: 'lecun_normal', seed: 3 }, l2: 1e-3 }),
    ],
    [
      'adam, l1 penalty and dropout',
      settings({
        optimizer: { name: 'adam', lr: 0.01 },
        init: { scheme: 'he_normal', seed: 2 },
        l1: 1e-4,
        dropout: 0.2,
      }),
    ],
    [
      'adagrad, zeros, clipped',
      settings({ optimizer: { name: 'adagrad', lr: 0.5 }, init: { scheme: 'zeros', seed: 1 }, clipNorm: 1 }),
    ],
    [
      'nadam, orthogonal, cosine',
      settings({
        optimizer: { name: 'nadam', lr: 0.002 },
        init: { scheme: 'orthogonal', seed: 4, gain: 2 },
        schedule: { name: 'cosine', tMax: 40 },
        batchSize: 16,
      }),
    ],
  ])('a network run comes back as it was: %s', (_, form) => {
    expect(roundTrip('network', form)).toEqual(form);
  });

  it('gives each kind only its own fields, and the others their defaults on the way back', () => {
    const form = settings({
      optimizer: { name: 'adam', lr: 0.05 },
      start: [1, 2],
      init: { scheme: 'he_normal', seed: 9 },
      batchSize: 8,
      gradientNoise: 0.5,
    });
    const functionFields = runSpecFields('f', form, 'function');
    expect(functionFields).toMatchObject({ name: 'f', start: [1, 2], gradientNoise: 0.5 });
    expect(functionFields).not.toHaveProperty('init');
    expect(functionFields).not.toHaveProperty('batchSize');
    expect(roundTrip('function', form)).toEqual({ ...form, init: DEFAULT_NETWORK.init, batchSize: 0 });

    const networkFields = runSpecFields('n', form, 'network');
    expect(networkFields).toMatchObject({ name: 'n', init: form.init, batchSize: 8 });
    expect(networkFields).not.toHaveProperty('start');
    expect(networkFields).not.toHaveProperty('gradientNoise');
    expect(roundTrip('network', form)).toEqual({ ...form, start: [0, 0], gradientNoise: undefined });
    // The full batch is the spec's default, not a field.
    expect(runSpecFields('n', { ...form, batchSize: 0 }, 'network')).not.toHaveProperty('batchSize');
  });

  it('checks a network draft with the spec’s schemas, naming the wrong field', () => {
    expect(checkNetwork(DEFAULT_NETWORK)).toMatchObject({
      layers: 3,
      hasTest: true,
      init: { scheme: 'glorot_uniform' },
    });
    const badNetwork = checkNetwork({ ...DEFAULT_NETWORK, mlp: { ...DEFAULT_NETWORK.mlp, testFraction: 2 } });
    expect(badNetwork).toEqual({ error: expect.stringMatching(/^network: testFraction/) });
    const badInit = checkNetwork({ ...DEFAULT_NETWORK, init: { scheme: 'normal', seed: 1, std: -1 } });
    expect(badInit).toEqual({ error: expect.stringMatching(/^initialization: std/) });
  });
});
