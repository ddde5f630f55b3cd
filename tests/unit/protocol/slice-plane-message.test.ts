import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../shared/describe-issue';
import { clientMessageSchema, hostMessageSchema } from '../../../shared/protocol';

const mlp = { dataset: { name: 'moons' }, hidden: [2], activation: 'tanh', loss: 'bce' };
/** 2·2 + 2 + 2 + 1 parameters. */
const SIZE = 9;
const run = (name: string, steps: number[], size = SIZE) => ({
  name,
  checkpoints: {
    params: Float64Array.from({ length: steps.length * size }, (_, i) => Math.sin(i)),
    steps: Float64Array.from(steps),
  },
});
const message = (patch: Record<string, unknown> = {}) => ({
  type: 'slice-plane',
  requestId: 'plane-1',
  problem: { mlp },
  landscape: { directions: 'pca' },
  runs: [run('a', [0, 5, 10]), run('b', [0, 10])],
  ...patch,
});
const problemWith = (patch: Record<string, unknown>): string => {
  const parsed = clientMessageSchema.safeParse(message(patch));
  expect(parsed.success).toBe(false);
  return describeIssue(parsed.error!);
};

describe('the slice-plane request', () => {
  it('takes a network problem, the spec’s landscape choices with their defaults, and the runs’ checkpoints', () => {
    const parsed = clientMessageSchema.parse(message({ landscape: { directions: 'pca', pcaOf: 'all', run: 'b' } }));
    expect(parsed.type === 'slice-plane' && parsed.landscape).toEqual({
      directions: 'pca',
      pcaOf: 'all',
      run: 'b',
      resolution: 41,
      span: 1,
      seed: 1,
      biases: 'zero',
    });
  });

  it('names what is wrong', () => {
    expect(problemWith({ problem: { function: 'himmelblau' } })).toBe(
      'problem: a landscape needs a network problem ("mlp")',
    );
    expect(problemWith({ runs: [run('a', [0, 5]), run('b', [0, 5], SIZE + 1)] })).toMatch(
      /^runs\[1\]\.checkpoints\.params: must hold one parameter vector per checkpoint step/,
    );
    expect(problemWith({ runs: [run('a', [0, 5]), run('a', [0, 5])] })).toBe('runs[1].name: "a" is used twice');
    expect(problemWith({ runs: [run('a', [0, 5, 5])] })).toBe(
      'runs[0].checkpoints.steps: must be increasing whole numbers',
    );
    expect(
      problemWith({
        runs: [{ name: 'a', checkpoints: { params: new Float64Array(SIZE).fill(NaN), steps: Float64Array.of(0) } }],
      }),
    ).toBe('runs[0].checkpoints.params: must hold only finite numbers');
    expect(problemWith({ landscape: { directions: 'interpolation', through: [{ run: 'a' }, { run: 'c' }] } })).toBe(
      'landscape.through[1].run: names no run: "c"',
    );
    expect(problemWith({ landscape: { directions: 'random', pcaOf: 'all' } })).toBe(
      'landscape.pcaOf: applies only to directions "pca"',
    );
    expect(problemWith({ landscape: { directions: 'pca', resolution: 1000 } })).toMatch(/^landscape\.resolution: /);
    expect(problemWith({ landscape: { directions: 'pca', curve: { from: { run: 'a' }, to: { run: 'b' } } } })).toMatch(
      /^landscape: Unrecognized key: "curve"/,
    );
    expect(problemWith({ runs: [] })).toBe('runs: needs at least one run');
  });

  it('is answered with the plane and what describes its axes', () => {
    const vector = new Float64Array(SIZE);
    const answer = {
      type: 'slice-plane',
      requestId: 'plane-1',
      center: vector,
      d1: vector,
      d2: vector,
      alphas: Float64Array.of(0, 1),
      betas: Float64Array.of(0, 1),
      through: [{ run: 'a', at: 'final', point: [0, 0] }],
    };
    expect(hostMessageSchema.safeParse(answer).success).toBe(true);
    expect(hostMessageSchema.safeParse({ ...answer, d2: new Float64Array(3) }).success).toBe(false);
  });
});
