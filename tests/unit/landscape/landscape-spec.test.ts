import { describe, expect, it } from 'vitest';
import { experimentSpecSchema } from '../../../shared/spec/spec';

const network = (landscape: Record<string, unknown>) => ({
  version: 1,
  problem: { mlp: { dataset: { name: 'moons' }, hidden: [8], activation: 'tanh', loss: 'bce' } },
  runs: [{ name: 'adam', init: { scheme: 'glorot_uniform', seed: 1 }, optimizer: { name: 'adam' } }],
  landscape,
});

describe('the landscape spec', () => {
  it('fills its defaults, a reference’s point defaulting to the final one', () => {
    const spec = experimentSpecSchema.parse(
      network({ directions: 'interpolation', through: [{ run: 'adam', at: 'initial' }, { run: 'adam' }] }),
    );
    expect(spec.landscape).toEqual({
      directions: 'interpolation',
      resolution: 41,
      span: 1,
      seed: 1,
      biases: 'zero',
      through: [
        { run: 'adam', at: 'initial' },
        { run: 'adam', at: 'final' },
      ],
    });
  });

  it('names the field that refers to a run the spec does not have', () => {
    const result = experimentSpecSchema.safeParse(
      network({ curve: { from: { run: 'adam', at: 0 }, to: { run: 'sgd' } } }),
    );
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ['landscape', 'curve', 'to', 'run'], message: 'names no run: "sgd"' }),
    ]);
  });

  it('takes two or three points for a plane', () => {
    expect(experimentSpecSchema.safeParse(network({ through: [{ run: 'adam' }] })).success).toBe(false);
  });

  it('takes pcaOf "all" for pca only, naming the field otherwise', () => {
    expect(experimentSpecSchema.parse(network({ directions: 'pca', pcaOf: 'all' })).landscape).toMatchObject({
      directions: 'pca',
      pcaOf: 'all',
    });
    const result = experimentSpecSchema.safeParse(network({ directions: 'hessian', pcaOf: 'all' }));
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ['landscape', 'pcaOf'], message: 'applies only to directions "pca"' }),
    ]);
  });
});
