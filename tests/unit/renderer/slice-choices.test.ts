import { describe, expect, it } from 'vitest';
import type { SlicePlaneMessage } from '../../../shared/protocol';
import type { Checkpoints } from '../../../shared/schemas/checkpoints';
import {
  DEFAULT_SLICE_CHOICES,
  planeKey,
  sliceAxisLabels,
  slicePlaneFields,
  type PlaneRun,
} from '../../../renderer/src/network/slice-choices';

const checkpointsOf = (value: number): Checkpoints => ({
  params: Float64Array.of(value, value),
  steps: Float64Array.of(0),
});
const run = (id: string, value: number): PlaneRun => ({ id, name: `${id} name`, checkpoints: checkpointsOf(value) });
const [a, b, c, d] = [run('a', 1), run('b', 2), run('c', 3), run('d', 4)];
const vector = new Float64Array(2);
const answer = (fields: Partial<SlicePlaneMessage>): SlicePlaneMessage => ({
  type: 'slice-plane',
  requestId: 'r',
  center: vector,
  d1: vector,
  d2: vector,
  alphas: vector,
  betas: vector,
  ...fields,
});

describe('the landscape view’s choices, as a slice-plane request', () => {
  it('reads the center run alone for its own PCA, and every shown run for PCA of all paths', () => {
    const own = slicePlaneFields(DEFAULT_SLICE_CHOICES, a, [b, c]);
    expect(own).toEqual({
      landscape: { directions: 'pca', resolution: 41, span: 1, seed: 1, biases: 'zero', run: 'a' },
      runs: [expect.objectContaining({ name: 'a' })],
    });
    const all = slicePlaneFields({ ...DEFAULT_SLICE_CHOICES, directions: 'pca-all' }, a, [b, c]);
    expect('runs' in all && all.runs.map((entry) => entry.name)).toEqual(['a', 'b', 'c']);
    expect('landscape' in all && all.landscape.pcaOf).toBe('all');
    expect(planeKey(own as Exclude<typeof own, { error: string }>)).not.toBe(
      planeKey(all as Exclude<typeof all, { error: string }>),
    );
  });

  it('passes through the final points of the center and at most two other runs, and needs one', () => {
    const finals = slicePlaneFields({ ...DEFAULT_SLICE_CHOICES, directions: 'interpolation-finals' }, b, [a, c, d]);
    expect('landscape' in finals && finals.landscape).toMatchObject({
      directions: 'interpolation',
      through: [
        { run: 'b', at: 'final' },
        { run: 'a', at: 'final' },
        { run: 'c', at: 'final' },
      ],
    });
    expect(slicePlaneFields({ ...DEFAULT_SLICE_CHOICES, directions: 'interpolation-finals' }, b, [])).toEqual({
      error: 'A plane through the runs’ final points needs a second completed run.',
    });
  });
});

describe('axis labels', () => {
  const nameOf = (id: string) => `${id} name`;
  it('say what each direction is and the numbers that describe it', () => {
    expect(sliceAxisLabels('pca', answer({ explainedVariance: [0.6234, 0.2] }), nameOf)).toEqual([
      'α · PC1 (62.3% of variance)',
      'β · PC2 (20.0% of variance)',
    ]);
    expect(sliceAxisLabels('pca-all', answer({ explainedVariance: [0.5, 0.25] }), nameOf)[0]).toBe(
      'α · PC1 of all paths (50.0% of variance)',
    );
    expect(sliceAxisLabels('hessian', answer({ eigenvalues: [-0.41, 12.5] }), nameOf)).toEqual([
      'α · Hessian λ = −0.41',
      'β · Hessian λ = 12.5',
    ]);
    expect(sliceAxisLabels('random', answer({ biases: 'filter' }), nameOf)).toEqual([
      'α · random, filter-normalised (biases filter)',
      'β · random, filter-normalised (biases filter)',
    ]);
    const through = [
      { run: 'a', at: 'initial' as const, point: [0, 0] as [number, number] },
      { run: 'a', at: 'final' as const, point: [1, 0] as [number, number] },
    ];
    expect(sliceAxisLabels('interpolation', answer({ through }), nameOf)).toEqual([
      'α · a name initial → a name final',
      'β · random, filter-normalised (biases zero)',
    ]);
    expect(
      sliceAxisLabels(
        'interpolation-finals',
        answer({ through: [...through, { run: 'b', at: 40, point: [0.3, 1] }] }),
        nameOf,
      )[1],
    ).toBe('β · toward b name step 40');
  });
});
