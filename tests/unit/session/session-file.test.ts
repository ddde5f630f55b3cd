import { describe, expect, it } from 'vitest';
import { parseSessionText, SESSION_FORMAT, type SessionFileInput } from '../../../shared/session-file';

const session = (): SessionFileInput => ({
  format: SESSION_FORMAT,
  version: 1,
  problem: { function: 'himmelblau' },
  bounds: [
    [-5, 5],
    [-5, 5],
  ],
  runs: [
    {
      spec: { name: 'adam #1', start: [-1.5, 2], optimizer: { name: 'adam', lr: 0.05 }, steps: 2 },
      color: '#E69F00',
      status: 'diverged',
      points: [-1.5, 2, -1.45, 1.95, -1.4, 1.9],
      loss: [20, 19.5, Number.NaN],
      gradNorm: [30, 29, Number.POSITIVE_INFINITY],
      lr: [0.05, 0.05, 0.05],
      events: [{ type: 'diverged', step: 2, message: 'the loss is not finite' }],
    },
  ],
  view: { colormap: 'viridis', scale: 'auto', layout: 'split', contours: true, gradientField: false, trail: 0, step: 1, follow: false, camera: { position: [9, 9, 11], target: [0, 0.8, 0] } },
});

describe('session files', () => {
  it('round-trips through JSON, non-finite values coming back as NaN', () => {
    const parsed = parseSessionText(JSON.stringify(session()));
    expect(parsed.problem).toEqual({ function: 'himmelblau' });
    expect(parsed.view).toEqual(session().view);
    const run = parsed.runs[0]!;
    expect(run.spec).toMatchObject({ name: 'adam #1', steps: 2, seed: 0 });
    expect(run.spec.optimizer).toMatchObject({ name: 'adam', lr: 0.05, betas: [0.9, 0.999] });
    expect(run.points).toEqual([-1.5, 2, -1.45, 1.95, -1.4, 1.9]);
    expect(run.loss.slice(0, 2)).toEqual([20, 19.5]);
    expect(run.loss[2]).toBeNaN();
    expect(run.gradNorm[2]).toBeNaN();
    expect(run.events).toEqual(session().runs[0]!.events);
    // A second round trip changes nothing.
    expect(parseSessionText(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('says in one line which field of a damaged file is wrong', () => {
    const damaged = (change: (file: SessionFileInput & Record<string, unknown>) => void): string => {
      const file = session() as SessionFileInput & Record<string, unknown>;
      change(file);
      try {
        parseSessionText(JSON.stringify(file));
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('the damaged file was accepted');
    };
    expect(damaged((file) => void (file.runs[0]!.points = [1, 2]))).toMatch(/^runs\[0\]\.points: must hold two values per loss value/);
    expect(damaged((file) => void (file.runs[0]!.gradNorm = [1]))).toMatch(/^runs\[0\]\.gradNorm: /);
    expect(damaged((file) => void (file.runs[0]!.spec.optimizer = { name: 'adam', lr: -1 }))).toMatch(/^runs\[0\]\.spec\.optimizer\.lr: /);
    expect(damaged((file) => void (file.runs[0]!.color = 'orange'))).toMatch(/^runs\[0\]\.color: must be a colour/);
    expect(damaged((file) => void (file.view.layout = 'cube' as never))).toMatch(/^view\.layout: /);
    expect(damaged((file) => void (file.version = 2 as never))).toMatch(/^version: /);
    expect(damaged((file) => void (file.problem = { function: 'nope' } as never))).toMatch(/^function: |^problem/);
    expect(damaged((file) => void (file.extra = 1))).toMatch(/extra/);
    for (const text of ['{"format": "gradscape.run", "version": 1}', '{ not json', '']) {
      expect(() => parseSessionText(text)).toThrow(/^(format: |not a session file: )/);
    }
    const message = damaged((file) => void (file.bounds = [[1, 0], [0, 1]] as never));
    expect(message).toMatch(/^bounds\[0\]: /);
    expect(message).not.toContain('\n');
  });
});
