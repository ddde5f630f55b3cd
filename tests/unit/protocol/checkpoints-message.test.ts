import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../shared/describe-issue';
import { hostMessageSchema } from '../../../shared/protocol';

const message = (patch: Record<string, unknown> = {}) => ({ type: 'checkpoints-complete', runId: 'run-1', ...patch });
const problemWith = (patch: Record<string, unknown>): string => {
  const parsed = hostMessageSchema.safeParse(message(patch));
  expect(parsed.success).toBe(false);
  return describeIssue(parsed.error!);
};

describe('the checkpoints-complete message of a completed network run', () => {
  it('carries none of the checkpoints its frames brought, nor anything else', () => {
    expect(hostMessageSchema.parse(message())).toEqual(message());
    expect(problemWith({ params: new Float64Array(12), steps: Float64Array.of(0, 50, 100) })).toMatch(
      /Unrecognized keys?: "params", "steps"/,
    );
    expect(problemWith({ center: new Float64Array(4) })).toMatch(/Unrecognized key: "center"/);
  });

  it('may carry the Hessian’s extreme eigenvalues at some of them, with what they make of each point', () => {
    const curvature = {
      steps: Float64Array.of(0, 100),
      eigenvalues: Float64Array.of(-0.5, 3, 0.1, 2),
      kinds: ['saddle', 'minimum'],
    };
    expect(hostMessageSchema.parse(message({ curvature }))).toEqual(message({ curvature }));
    expect(problemWith({ curvature: { ...curvature, kinds: ['saddle'] } })).toBe(
      'curvature: must hold two eigenvalues and a kind per step',
    );
    expect(problemWith({ curvature: { ...curvature, kinds: ['saddle', 'bowl'] } })).toBe(
      'curvature.kinds[1]: Invalid option: expected one of "minimum"|"maximum"|"saddle"|"degenerate"',
    );
  });
});

describe('the checkpoints a frames message brings while a network trains', () => {
  const frames = (checkpoints: Record<string, unknown>) => {
    const loss = Float64Array.of(0.5, 0.4);
    return { type: 'frames', runId: 'run-1', fromStep: 0, loss, gradNorm: loss, lr: loss, events: [], checkpoints };
  };
  const problemOf = (checkpoints: Record<string, unknown>): string => {
    const parsed = hostMessageSchema.safeParse(frames(checkpoints));
    expect(parsed.success).toBe(false);
    return describeIssue(parsed.error!);
  };

  it('carry their steps and parameter vectors', () => {
    const checkpoints = { steps: Float64Array.of(0, 1), params: Float64Array.of(1, 2, 3, 4) };
    expect(hostMessageSchema.parse(frames(checkpoints))).toEqual(frames(checkpoints));
  });

  it('names what is wrong', () => {
    expect(problemOf({ steps: Float64Array.of(1, 1), params: new Float64Array(4) })).toBe(
      'checkpoints.steps: must be increasing whole numbers',
    );
    expect(problemOf({ steps: Float64Array.of(0, 0.5), params: new Float64Array(4) })).toBe(
      'checkpoints.steps: must be increasing whole numbers',
    );
    expect(problemOf({ steps: new Float64Array(0), params: new Float64Array(0) })).toBe(
      'checkpoints.steps: needs at least one checkpoint',
    );
    expect(problemOf({ steps: Float64Array.of(0, 1), params: new Float64Array(3) })).toBe(
      'checkpoints.params: must hold one parameter vector per step (2), all of one length',
    );
    expect(problemOf({ steps: Float64Array.of(0, 1), params: new Float64Array(0) })).toBe(
      'checkpoints.params: must hold one parameter vector per step (2), all of one length',
    );
    // The one checkpoints shape (shared/schemas/checkpoints.ts): curvature, when present, is checked as in the checkpoints-complete message.
    expect(problemOf({ steps: Float64Array.of(0), params: new Float64Array(2), curvature: 1 })).toBe(
      'checkpoints.curvature: Invalid input: expected object, received number',
    );
    expect(problemOf({ steps: Float64Array.of(0), params: new Float64Array(2), extra: 1 })).toMatch(
      /Unrecognized key: "extra"/,
    );
  });
});
