import { describe, expect, it } from 'vitest';
import { packNumbers } from '../../../shared/packed-numbers';
import { workerMessageSchema } from '../../../shared/protocol';
import { joinVectors, sessionCheckpointsSchema, splitCheckpoints } from '../../../shared/schemas/checkpoints';
import { networkDataSchema } from '../../../shared/schemas/network-data';
import { messageArrays, sessionArrays } from '../../../shared/schemas/number-arrays';
import { serializeSession } from '../../../shared/session-file';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);

/** The first issue's path and message, as `path: message`. */
function firstProblem(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): string {
  const issue = result.error?.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : 'none';
}

describe('shapes defined once (shared/schemas/)', () => {
  it('read a session file’s checkpoints joined into one array and write them back as the file listed them', () => {
    // float32-exact values pack as f32, the others as f64: each vector keeps its own packing.
    const vectors = [f64([0.5, -0.25, 2]), f64([1 / 3, 0.1, -7])];
    const file = { steps: packNumbers([0, 40]), params: vectors.map(packNumbers) };
    const read = sessionCheckpointsSchema.parse(file);
    expect(read).toEqual({ steps: f64([0, 40]), params: f64([0.5, -0.25, 2, 1 / 3, 0.1, -7]) });
    expect(splitCheckpoints(read).params).toEqual(vectors);
    const written = JSON.parse(serializeSession({ checkpoints: read } as never)) as { checkpoints: unknown };
    expect(written.checkpoints).toEqual(file);
    expect(file.params.map((text) => text.slice(0, 4))).toEqual(['f32:', 'f64:']);
  });

  it('split checkpoints into views of the joined array, the inverse of joinVectors', () => {
    const params = joinVectors([f64([1, 2]), f64([3, 4]), f64([5, 6])]);
    const split = splitCheckpoints({ steps: f64([0, 1, 2]), params });
    expect(split.params.map((vector) => Array.from(vector))).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(split.params.every((vector) => vector.buffer === params.buffer)).toBe(true);
  });

  it('check network data the same way whichever codec carries its arrays', () => {
    const rows = { backend: 'wasm', features: 2, x: [0.1, 0.2, 0.3], y: [0, 1] } as const;
    const asMessage = networkDataSchema(messageArrays).safeParse({ ...rows, x: f64([...rows.x]), y: f64([...rows.y]) });
    const asSession = networkDataSchema(sessionArrays).safeParse({ ...rows, x: packNumbers(rows.x), y: rows.y });
    expect(firstProblem(asMessage)).toBe('x: must hold 2 values (features) per row of y (4)');
    expect(firstProblem(asSession)).toBe(firstProblem(asMessage));
  });

  it('refuse checkpoint steps that do not increase with one message in a `frames` message and a session file', () => {
    const loss = f64([0.5]);
    const message = workerMessageSchema.safeParse({
      type: 'frames',
      runId: 'r1',
      fromStep: 0,
      loss,
      gradNorm: loss,
      lr: loss,
      events: [],
      checkpoints: { steps: f64([0, 3, 3]), params: new Float64Array(6) },
    });
    const session = sessionCheckpointsSchema.safeParse({
      steps: [0, 3, 3],
      params: [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
    });
    expect(firstProblem(message)).toBe('checkpoints.steps: must be increasing whole numbers');
    expect(firstProblem(session)).toBe('steps: must be increasing whole numbers');
  });
});
