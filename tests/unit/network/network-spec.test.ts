import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../shared/describe-issue';
import { initSpecSchema, mlpProblemSchema, specMlpProblemSchema } from '../../../shared/spec/network-spec';

const problemError = (mlp: Record<string, unknown>): string => {
  const parsed = mlpProblemSchema.safeParse({ hidden: [4], activation: 'tanh', loss: 'bce', ...mlp });
  return parsed.success ? 'parsed' : describeIssue(parsed.error);
};
const initError = (init: Record<string, unknown>): string => {
  const parsed = initSpecSchema.safeParse(init);
  return parsed.success ? 'parsed' : describeIssue(parsed.error);
};

describe('mlp problem spec', () => {
  it('fills in the defaults', () => {
    expect(
      mlpProblemSchema.parse({ dataset: { name: 'spiral' }, hidden: [16, 16], activation: 'tanh', loss: 'bce' }),
    ).toEqual({
      dataset: { name: 'spiral', samples: 200, noise: 0.05, seed: 0 },
      hidden: [16, 16],
      activation: 'tanh',
      loss: 'bce',
      testFraction: 0,
    });
    expect(
      mlpProblemSchema.parse({ dataset: { name: 'iris' }, hidden: [], activation: 'relu', loss: 'cross_entropy' })
        .dataset,
    ).toEqual({
      name: 'iris',
      seed: 0,
    });
    expect(
      specMlpProblemSchema.parse({
        dataset: { csv: 'a.csv', target: 'y' },
        hidden: [3],
        activation: 'gelu',
        loss: 'mse',
      }).dataset,
    ).toEqual({
      csv: 'a.csv',
      target: 'y',
      seed: 0,
    });
    expect(
      mlpProblemSchema.parse({
        dataset: { csvText: 'x,y\n1,0\n', target: 'y' },
        hidden: [3],
        activation: 'gelu',
        loss: 'mse',
      }).dataset,
    ).toEqual({
      csvText: 'x,y\n1,0\n',
      file: 'dataset.csv',
      target: 'y',
      seed: 0,
    });
  });

  it('takes a CSV path only in a spec file: anywhere else the content', () => {
    const mlp = { dataset: { csv: '/etc/passwd', target: 'root' }, hidden: [3], activation: 'tanh', loss: 'bce' };
    expect(specMlpProblemSchema.safeParse(mlp).success).toBe(true);
    const parsed = mlpProblemSchema.safeParse(mlp);
    expect(parsed.success ? 'parsed' : describeIssue(parsed.error)).toBe(
      'dataset.csv: a file path is not accepted here: send the CSV file’s content as "csvText"',
    );
  });

  it.each([
    [
      { dataset: { name: 'blobs' } },
      'dataset.name: must be one of spiral, moons, circles, xor, gaussians, sine, iris, or give { "csv", "target" }',
    ],
    [
      { dataset: { name: 'iris', samples: 10 }, loss: 'cross_entropy' },
      'dataset.samples: does not apply to iris, which has its 150 samples',
    ],
    [{ dataset: { name: 'iris' } }, 'loss: iris has 3 classes and bce takes two: use cross_entropy'],
    [{ dataset: { name: 'sine' } }, 'loss: sine is a regression dataset: use mse'],
    [{ dataset: { name: 'moons', samples: 2 } }, 'dataset.samples: must be at least 4'],
    [{ dataset: { name: 'moons', noise: -1 } }, 'dataset.noise: must be at least 0'],
    [{ dataset: { name: 'moons', extra: 1 } }, 'dataset: Unrecognized key: "extra"'],
    [{ dataset: { csvText: 'x,y\n' } }, 'dataset.target: is required: the name of the column to predict'],
    [
      { dataset: { csvText: 'x,y\n', target: 'y', file: '../etc/passwd' } },
      'dataset.file: must be a file name without a folder',
    ],
    [
      { dataset: { csvText: 'é'.repeat(8 * 1024 * 1024 + 1), target: 'y' } },
      'dataset.csvText: must be at most 16,777,216 bytes',
    ],
    [{ dataset: { name: 'moons', samples: 100_001 } }, 'dataset.samples: must be at most 100,000'],
    [
      { dataset: { name: 'moons' }, hidden: Array(32).fill(4096) },
      'hidden: the network has 520,237,057 parameters; the limit is 50,000,000',
    ],
    [{ dataset: { name: 'moons' }, hidden: Array(33).fill(1) }, 'hidden: may have at most 32 hidden layers'],
    [{ dataset: { name: 'moons' }, hidden: [4.5] }, 'hidden[0]: must be a whole number'],
    [
      { dataset: { name: 'moons' }, hidden: undefined },
      'hidden: is required: the sizes of the hidden layers, e.g. [16, 16]',
    ],
    [
      { dataset: { name: 'moons' }, activation: undefined },
      'activation: is required: one of relu, leaky_relu, tanh, sigmoid, gelu, linear',
    ],
    [{ dataset: { name: 'moons' }, testFraction: 1 }, 'testFraction: must be at most 0.9'],
  ])('rejects %j: %s', (mlp, message) => {
    expect(problemError(mlp)).toBe(message);
  });
});

describe('init spec', () => {
  it('fills in std for normal, gain for orthogonal, and bias 0', () => {
    expect(initSpecSchema.parse({ scheme: 'normal', seed: 1 })).toEqual({
      scheme: 'normal',
      seed: 1,
      std: 0.01,
      bias: 0,
    });
    expect(initSpecSchema.parse({ scheme: 'orthogonal', seed: 1 })).toEqual({
      scheme: 'orthogonal',
      seed: 1,
      gain: 1,
      bias: 0,
    });
    expect(initSpecSchema.parse({ scheme: 'he_normal', seed: 2, bias: 0.1 })).toEqual({
      scheme: 'he_normal',
      seed: 2,
      bias: 0.1,
    });
  });

  it.each([
    [{ scheme: 'he_normal' }, 'seed: is required: a whole number that makes the run reproducible'],
    [{ scheme: 'uniform', seed: 1 }, 'limit: is required for the uniform scheme'],
    [{ scheme: 'constant', seed: 1 }, 'value: is required for the constant scheme'],
    [{ scheme: 'glorot_normal', seed: 1, std: 0.1 }, 'std: applies only to the normal scheme'],
    [{ scheme: 'normal', seed: 1, gain: 2 }, 'gain: applies only to the orthogonal scheme'],
    [{ scheme: 'normal', seed: 1, std: 0 }, 'std: must be above 0'],
    [{ scheme: 'normal', seed: -1 }, 'seed: must be at least 0'],
  ])('rejects %j: %s', (init, message) => {
    expect(initError(init)).toBe(message);
  });
});
