import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../shared/describe-issue';
import { experimentSpecSchema } from '../../../shared/spec/spec';

const run = { name: 'adam', start: [-1.5, 2], optimizer: { name: 'adam', lr: 0.05 } };
const base = { version: 1, problem: { function: 'himmelblau' }, runs: [run] };

function errorOf(spec: unknown): string {
  const parsed = experimentSpecSchema.safeParse(spec);
  if (parsed.success) throw new Error('expected the spec to be rejected');
  return describeIssue(parsed.error);
}

describe('experiment spec v1', () => {
  it('fills in every default for a function problem (docs/formats.md defaults)', () => {
    const spec = experimentSpecSchema.parse(base);
    expect(spec.bounds).toEqual([
      [-5, 5],
      [-5, 5],
    ]);
    expect(spec.surface).toEqual({ resolution: 101 });
    expect(spec.runs[0]).toMatchObject({
      steps: 300,
      seed: 0,
      optimizer: { name: 'adam', lr: 0.05, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false },
    });
  });

  it('gives expressions the default box and keeps explicit bounds', () => {
    expect(experimentSpecSchema.parse({ ...base, problem: { expression: 'x^2 - y^2' } }).bounds).toEqual([
      [-5, 5],
      [-5, 5],
    ]);
    expect(
      experimentSpecSchema.parse({
        ...base,
        bounds: [
          [-1, 1],
          [0, 2],
        ],
      }).bounds,
    ).toEqual([
      [-1, 1],
      [0, 2],
    ]);
  });

  it.each([
    [{ ...base, version: 2 }, /^version: must be 1/],
    [{ ...base, extra: true }, /extra/],
    [{ ...base, problem: {} }, /^problem: must have one of/],
    [{ ...base, problem: { function: 'himmelblau', expression: 'x' } }, /^problem/],
    [{ ...base, problem: { expression: 'x +* y' } }, /^problem\.expression: .*(char|position)/i],
    [{ ...base, problem: { expression: 'z + 1' } }, /^problem\.expression: .*"?z"?/],
    [
      {
        ...base,
        bounds: [
          [1, -1],
          [0, 1],
        ],
      },
      /^bounds\[0\]: the lower end must be below the upper end/,
    ],
    [{ ...base, runs: [] }, /^runs: needs at least one run/],
    [{ ...base, runs: [{ ...run, start: undefined }] }, /^runs\[0\]\.start: is required/],
    [
      { ...base, runs: [{ ...run, init: { scheme: 'zeros', seed: 1 } }] },
      /^runs\[0\]\.init: applies only to network problems/,
    ],
    [{ ...base, runs: [run, run] }, /^runs\[1\]\.name: "adam" is used twice/],
    [{ ...base, runs: [{ ...run, steps: 0 }] }, /^runs\[0\]\.steps/],
    [
      { ...base, runs: [{ ...run, optimizer: { name: 'adam', lr: 0.1, momentum: 0.9 } }] },
      /^runs\[0\]\.optimizer.*momentum/,
    ],
    [{ ...base, runs: [{ ...run, start: [Number.NaN, 0] }] }, /^runs\[0\]\.start\[0\]/],
  ])('rejects %j naming the field', (spec, message) => {
    expect(errorOf(spec)).toMatch(message);
  });
});
