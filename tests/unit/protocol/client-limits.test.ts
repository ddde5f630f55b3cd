import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../shared/describe-issue';
import { clientMessageSchema } from '../../../shared/protocol';

/** What the host answers a client message with: "ok", or the one line naming the field. */
function verdict(message: unknown): string {
  const parsed = clientMessageSchema.safeParse(message);
  return parsed.success ? 'ok' : describeIssue(parsed.error);
}

const mlp = (fields: Record<string, unknown> = {}) => ({
  mlp: { dataset: { name: 'moons', samples: 100 }, hidden: [4], activation: 'tanh', loss: 'bce', ...fields },
});
const run = { name: 'a', init: { scheme: 'he_normal', seed: 1 }, optimizer: { name: 'sgd' } };
const start = (problem: unknown, runFields: Record<string, unknown> = {}) => ({
  type: 'start',
  runId: 'r',
  problem,
  run: { ...run, ...runFields },
});
const vector = (length: number) => new Float64Array(length);
const landscape = (problem: unknown, parameters: number, side: number) => ({
  type: 'landscape',
  requestId: 'l',
  problem,
  center: vector(parameters),
  d1: vector(parameters),
  d2: vector(parameters),
  alphas: vector(side),
  betas: vector(side),
});

describe('client messages', () => {
  it('never name a file: a CSV path is refused in start, landscape and slice-plane alike; its content is taken', () => {
    const path = mlp({ dataset: { csv: '/etc/passwd', target: 'root' } });
    const refusal =
      'problem.mlp.dataset.csv: a file path is not accepted here: send the CSV file’s content as "csvText"';
    expect(verdict(start(path))).toBe(refusal);
    expect(verdict(landscape(path, 17, 3))).toBe(refusal);
    const plane = {
      type: 'slice-plane',
      requestId: 'p',
      problem: path,
      landscape: {},
      runs: [{ name: 'a', checkpoints: { params: vector(17), steps: Float64Array.of(0) } }],
    };
    expect(verdict(plane)).toBe(refusal);
    expect(verdict(start(mlp({ dataset: { csvText: 'x,y\n1,0\n', file: 'mine.csv', target: 'y' } })))).toBe('ok');
    expect(verdict(start(mlp({ dataset: { csvText: 'x,y\n1,0\n', file: '/etc/passwd', target: 'y' } })))).toBe(
      'problem.mlp.dataset.file: must be a file name without a folder',
    );
  });

  it('are held to the limits, one line naming the field and the limit', () => {
    expect(verdict(start(mlp({ hidden: Array(32).fill(4096) })))).toBe(
      'problem.mlp.hidden: the network has 520,237,057 parameters; the limit is 50,000,000',
    );
    expect(verdict(start(mlp(), { batchSize: 1e9 }))).toBe(
      'run.batchSize: must be at most 100,000, the most rows a dataset holds',
    );
    expect(verdict(start(mlp(), { steps: 1_000_001 }))).toBe('run.steps: must be at most 1,000,000');
    // 100,000 rows × 10,001 parameters × 401² points = 1.6e14; 100 rows of moons at 33² points pass.
    expect(verdict(landscape(mlp({ dataset: { name: 'moons', samples: 100_000 } }), 10_001, 401))).toBe(
      'alphas: the landscape needs 1.61e+14 evaluations (grid points × rows × parameters); the limit is 1e13',
    );
    expect(verdict(landscape(mlp(), 17, 33))).toBe('ok');
  });
});
