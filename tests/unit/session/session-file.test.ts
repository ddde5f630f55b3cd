import { describe, expect, it } from 'vitest';
import {
  parseSessionText,
  serializeSession,
  SESSION_FORMAT,
  SESSION_VERSION,
  type SessionFileInput,
} from '../../../shared/session-file';
import { joinVectors } from '../../../shared/schemas/checkpoints';

const VIEW = {
  colormap: 'viridis',
  scale: 'auto',
  layout: 'split',
  contours: true,
  gradientField: false,
  trail: 0,
  step: 1,
  follow: false,
} as const;

/** A function session exactly as version 1 wrote it: plain number lists, null for NaN. */
const versionOne = () => ({
  format: SESSION_FORMAT,
  version: 1,
  savedAt: '2025-01-02T03:04:05.000Z',
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
      loss: [20, 19.5, null],
      gradNorm: [30, 29, null],
      lr: [0.05, 0.05, 0.05],
      events: [{ type: 'diverged', step: 2, message: 'the loss is not finite' }],
    },
  ],
  view: { ...VIEW, camera: { position: [9, 9, 11], target: [0, 0.8, 0] } } as Record<string, unknown>,
});
type VersionOneFile = Partial<ReturnType<typeof versionOne>> & Record<string, unknown>;
const versionOneText = (): string => JSON.stringify(versionOne());

const f64 = (values: number[]): Float64Array => Float64Array.from(values);
const float32s = (count: number, scale: number): Float64Array =>
  Float64Array.from({ length: count }, (_, i) => Math.fround(scale * Math.sin(i + 1)));

/** Two hidden layers of 3 on 2 inputs: 2·3 + 3 + 3·3 + 3 + 3·1 + 1 = 25 parameters; 3 layers of gradient norms. */
const PARAMS = 25;
const networkSession = () =>
  ({
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    problem: {
      mlp: {
        dataset: { name: 'moons', samples: 4, seed: 2 },
        hidden: [3, 3],
        activation: 'tanh',
        loss: 'bce',
        testFraction: 0.25,
      },
    },
    network: { init: { scheme: 'he_normal', seed: 3 }, batchSize: 0 },
    runs: [
      {
        spec: {
          name: 'sgd #1',
          init: { scheme: 'glorot_uniform', seed: 1 },
          optimizer: { name: 'sgd', lr: 0.3 },
          steps: 2,
          seed: 5,
        },
        color: '#56B4E9',
        status: 'completed',
        loss: f64([0.7, 0.6, 0.55]),
        gradNorm: f64([1.2, 1.1, 1.05]),
        lr: f64([0.3, 0.3, 0.3]),
        testLoss: f64([0.71, 0.66, Number.NaN]),
        layerGradNorms: float32s(9, 0.5),
        events: [{ type: 'converged', step: 2, message: 'converged' }],
        data: {
          backend: 'wasm',
          features: 2,
          x: f64([0.1, 0.2, -1, 0.5, 2, 0.25]),
          y: f64([0, 1, 1]),
          test: { x: f64([0.3, 0.4]), y: f64([0]) },
        },
        prediction: { step: 2, x: f64([-1, 0, 1]), y: f64([-0.5, 0.5]), outputs: 1, values: float32s(6, 1) },
        checkpoints: {
          steps: f64([0, 2]),
          params: [float32s(PARAMS, 0.4), f64(Array.from({ length: PARAMS }, (_, i) => i / 7))],
          curvature: {
            steps: f64([0, 2]),
            eigenvalues: f64([-0.25, 3, 1e-3, 2.5]),
            kinds: ['saddle' as const, 'minimum' as const],
          },
        },
      },
    ],
    view: {
      ...VIEW,
      networkView: 'landscape',
      panels: { count: 3, lockCameras: false, lockTimeline: false, choices: [null, 0, 'all'] },
      draft: { steps: 150, pace: 0 },
    },
  }) satisfies SessionFileInput;

/** The first line a damaged file is refused with. */
function refusal(text: string): string {
  try {
    parseSessionText(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the damaged file was accepted');
}

/** The message for a network session changed by `change` (applied to its JSON form). */
function damagedNetwork(change: (file: ReturnType<typeof networkSession> & Record<string, unknown>) => void): string {
  const file = networkSession() as ReturnType<typeof networkSession> & Record<string, unknown>;
  change(file);
  return refusal(serializeSession(file));
}

describe('session files, version 1', () => {
  it('still open, non-finite values coming back as NaN', () => {
    const parsed = parseSessionText(versionOneText());
    expect(parsed.version).toBe(1);
    expect(parsed.problem).toEqual({ function: 'himmelblau' });
    expect(parsed.view).toEqual({ ...VIEW, camera: { position: [9, 9, 11], target: [0, 0.8, 0] } });
    const run = parsed.runs[0]!;
    expect(run.spec).toMatchObject({ name: 'adam #1', steps: 2, seed: 0, start: [-1.5, 2] });
    expect(run.spec.optimizer).toMatchObject({ name: 'adam', lr: 0.05, betas: [0.9, 0.999] });
    expect(Array.from(run.points!)).toEqual([-1.5, 2, -1.45, 1.95, -1.4, 1.9]);
    expect(Array.from(run.loss)).toEqual([20, 19.5, Number.NaN]);
    expect(run.gradNorm[2]).toBeNaN();
    expect(run.events).toEqual([{ type: 'diverged', step: 2, message: 'the loss is not finite' }]);
  });

  it('say in one line which field of a damaged file is wrong', () => {
    const damaged = (
      change: (file: VersionOneFile, run: Record<string, unknown> & { spec: Record<string, unknown> }) => void,
    ): string => {
      const file: VersionOneFile = versionOne();
      change(file, file.runs![0]!);
      return refusal(JSON.stringify(file));
    };
    expect(damaged((_, run) => void (run.points = [1, 2]))).toMatch(
      /^runs\[0\]\.points: must hold two values per loss value \(6\)/,
    );
    expect(damaged((_, run) => void (run.gradNorm = [1]))).toMatch(
      /^runs\[0\]\.gradNorm: must hold one value per loss value \(3\)/,
    );
    expect(damaged((_, run) => void (run.loss = [1, 'two', 3]))).toMatch(/^runs\[0\]\.loss: must be a list of numbers/);
    expect(damaged((_, run) => void (run.spec.optimizer = { name: 'adam', lr: -1 }))).toMatch(
      /^runs\[0\]\.spec\.optimizer\.lr: /,
    );
    expect(damaged((_, run) => void delete run.spec.start)).toMatch(
      /^runs\[0\]\.spec\.start: is required for a function/,
    );
    expect(damaged((_, run) => void (run.color = 'orange'))).toMatch(/^runs\[0\]\.color: must be a colour/);
    expect(damaged((file) => void (file.view!.layout = 'cube'))).toMatch(/^view\.layout: /);
    expect(damaged((file) => void (file.version = 3))).toBe(
      'version: must be 1 or 2 (the session versions this app reads)',
    );
    expect(damaged((file) => void (file.problem = { function: 'nope' }))).toMatch(/^function: |^problem/);
    expect(damaged((file) => void delete file.bounds)).toMatch(/^bounds: is required for a function problem/);
    expect(damaged((file) => void (file.extra = 1))).toMatch(/extra/);
    for (const text of ['{"format": "gradscape.run", "version": 1}', '{ not json', '']) {
      expect(() => parseSessionText(text)).toThrow(/^(format: |not a session file: )/);
    }
    const message = damaged(
      (file) =>
        void (file.bounds = [
          [1, 0],
          [0, 1],
        ]),
    );
    expect(message).toMatch(/^bounds\[0\]: /);
    expect(message).not.toContain('\n');
  });
});

describe('session files, version 2', () => {
  it('write a version 1 session again as version 2 with the same values', () => {
    const parsed = parseSessionText(versionOneText());
    const again = parseSessionText(serializeSession({ ...parsed, version: SESSION_VERSION }));
    expect(again).toEqual({ ...parsed, version: SESSION_VERSION });
  });

  it('round-trip a network session exactly, its arrays packed', () => {
    const session = networkSession();
    const text = serializeSession(session);
    const json = JSON.parse(text);
    // float32 values (a network's parameters and outputs) take 4 bytes, the rest 8.
    expect(json.runs[0].checkpoints.params[0]).toMatch(/^f32:/);
    expect(json.runs[0].checkpoints.params[1]).toMatch(/^f64:/);
    expect(json.runs[0].loss).toMatch(/^f64:/);
    const parsed = parseSessionText(text);
    expect(parsed.problem).toEqual({
      mlp: {
        dataset: { name: 'moons', samples: 4, noise: 0.1, seed: 2 },
        hidden: [3, 3],
        activation: 'tanh',
        loss: 'bce',
        testFraction: 0.25,
      },
    });
    expect(parsed.network).toEqual({ init: { scheme: 'he_normal', seed: 3, bias: 0 }, batchSize: 0 });
    const run = parsed.runs[0]!;
    const saved = session.runs[0];
    expect(run.spec).toMatchObject({ name: 'sgd #1', steps: 2, seed: 5, init: { scheme: 'glorot_uniform', seed: 1 } });
    // toEqual compares typed arrays element by element, NaN equal to NaN.
    for (const field of ['loss', 'gradNorm', 'lr', 'testLoss', 'layerGradNorms'] as const)
      expect(run[field]).toEqual(saved[field]);
    expect(run.data).toEqual(saved.data);
    expect(run.prediction).toEqual(saved.prediction);
    // The file lists one vector per step; reading joins them into the one layout (shared/schemas/checkpoints.ts).
    expect(run.checkpoints).toEqual({
      steps: saved.checkpoints.steps,
      params: joinVectors(saved.checkpoints.params),
      curvature: saved.checkpoints.curvature,
    });
    expect(run.events).toEqual(saved.events);
    expect(parsed.view).toEqual(session.view);
    // A second round trip changes nothing.
    expect(parseSessionText(serializeSession(parsed))).toEqual(parsed);
  });

  it('keep a CSV network: the dataset is the file’s content, so the session opens anywhere', () => {
    const session = networkSession();
    const csvText = 'a,"b, c",y\r\n0.1,0.2,0\r\n-1,0.5,1\r\n2,0.25,1\r\n0.3,0.4,0\r\n';
    const mlp = { ...session.problem.mlp, dataset: { csvText, file: 'mine.csv', target: 'y', seed: 2 } };
    const parsed = parseSessionText(serializeSession({ ...session, problem: { mlp } } as SessionFileInput));
    expect(parsed.problem).toEqual({ mlp });
  });

  it('read plain number lists too, which take far more room than packed ones', () => {
    const session = networkSession();
    session.runs[0].spec.steps = 49;
    session.runs[0].checkpoints = {
      steps: f64(Array.from({ length: 50 }, (_, i) => i)),
      params: Array.from({ length: 50 }, (_, k) => float32s(PARAMS, k + 1)),
      curvature: session.runs[0].checkpoints.curvature,
    };
    const plain = JSON.stringify(session, (_key, value: unknown) =>
      value instanceof Float64Array ? Array.from(value) : value,
    );
    const packed = serializeSession(session);
    expect(parseSessionText(plain)).toEqual(parseSessionText(packed));
    expect(packed.length).toBeLessThan(0.5 * plain.length);
  });

  it('say which of the view’s panels, network tab and run form settings is wrong', () => {
    type View = ReturnType<typeof networkSession>['view'] & Record<string, unknown>;
    const damagedView = (change: (view: View) => void): string => damagedNetwork((file) => change(file.view as View));
    expect(damagedView((view) => void (view.networkView = 'charts' as never))).toMatch(/^view\.networkView: /);
    expect(damagedView((view) => void (view.panels.count = 5 as never))).toBe(
      'view.panels.count: must be 2, 3 or 4 panels',
    );
    expect(damagedView((view) => void (view.panels.lockTimeline = 'yes' as never))).toMatch(
      /^view\.panels\.lockTimeline: /,
    );
    expect(damagedView((view) => void (view.panels.choices[1] = 3))).toBe(
      'view.panels.choices[1]: names runs[3], but the session holds one run',
    );
    expect(damagedView((view) => void (view.panels.choices[1] = -1))).toBe(
      'view.panels.choices[1]: must be a run\'s index in runs, "all" or null',
    );
    expect(damagedView((view) => void (view.panels.choices[1] = 'run-1' as never))).toBe(
      'view.panels.choices[1]: must be a run\'s index in runs, "all" or null',
    );
    expect(damagedView((view) => void (view.panels.choices = [null, null, null, null, 0] as never))).toBe(
      'view.panels.choices: may hold at most 4 panels',
    );
    expect(damagedView((view) => void (view.draft.steps = 0))).toBe(
      'view.draft.steps: must be a whole number from 1 to 1,000,000',
    );
    expect(damagedView((view) => void (view.draft.steps = 2.5))).toBe(
      'view.draft.steps: must be a whole number from 1 to 1,000,000',
    );
    expect(damagedView((view) => void (view.draft.pace = -1))).toBe(
      'view.draft.pace: must be 0 or more steps per second',
    );
    expect(damagedView((view) => void ((view.draft as Record<string, unknown>).optimizer = { name: 'adam' }))).toMatch(
      /^view\.draft: Unrecognized key: "optimizer"/,
    );
  });

  it('say which field of a damaged network session is wrong', () => {
    const run = (file: ReturnType<typeof networkSession>) => file.runs[0];
    const checkpoints = (file: ReturnType<typeof networkSession>) => run(file).checkpoints;
    expect(damagedNetwork((file) => void (checkpoints(file).params[1] = float32s(PARAMS - 1, 1)))).toBe(
      'runs[0].checkpoints.params[1]: holds 24 values, the first checkpoint 25: each is the network’s parameter vector',
    );
    expect(damagedNetwork((file) => void checkpoints(file).params.pop())).toBe(
      'runs[0].checkpoints.params: must hold one parameter vector per checkpoint step (2)',
    );
    expect(damagedNetwork((file) => void (checkpoints(file).params = [f64([]), f64([])]))).toBe(
      'runs[0].checkpoints.params[0]: is empty: it must hold the network’s parameters',
    );
    expect(damagedNetwork((file) => void (checkpoints(file).params[0]![4] = Number.NaN))).toBe(
      'runs[0].checkpoints.params[0]: must hold only finite numbers',
    );
    expect(damagedNetwork((file) => void (checkpoints(file).steps = f64([0, 3])))).toBe(
      "runs[0].checkpoints.steps: must lie between 0 and the run's steps (2)",
    );
    expect(damagedNetwork((file) => void (checkpoints(file).steps = f64([2, 0])))).toBe(
      'runs[0].checkpoints.steps: must be increasing whole numbers',
    );
    expect(damagedNetwork((file) => void checkpoints(file).curvature!.kinds.pop())).toBe(
      'runs[0].checkpoints.curvature: must hold two eigenvalues and a kind per step',
    );
    expect(damagedNetwork((file) => void (checkpoints(file).steps = f64([0, 1.5])))).toBe(
      'runs[0].checkpoints.steps: must be increasing whole numbers',
    );
    expect(damagedNetwork((file) => void (checkpoints(file).steps = f64([])))).toBe(
      'runs[0].checkpoints.steps: needs at least one checkpoint',
    );
    expect(damagedNetwork((file) => void (checkpoints(file).steps[1] = Number.NaN))).toBe(
      'runs[0].checkpoints.steps: must hold only finite numbers',
    );
    expect(
      damagedNetwork((file) => {
        const other = structuredClone(run(file));
        other.checkpoints.params = [float32s(PARAMS + 2, 1), float32s(PARAMS + 2, 2)];
        file.runs.push(other);
      }),
    ).toBe("runs[1].checkpoints.params: hold vectors of 27 values, runs[0]'s of 25: the runs share one network");
    expect(damagedNetwork((file) => void (run(file).data.x[1] = Number.POSITIVE_INFINITY))).toBe(
      'runs[0].data.x: must hold only finite numbers',
    );
    expect(damagedNetwork((file) => void (run(file).data.y = f64([0, 1])))).toBe(
      'runs[0].data.x: must hold 2 values (features) per row of y (4)',
    );
    expect(damagedNetwork((file) => void (run(file).prediction.values = float32s(5, 1)))).toBe(
      'runs[0].prediction.values: must hold outputs per lattice point (6)',
    );
    expect(damagedNetwork((file) => void (run(file).testLoss = f64([1, 2])))).toBe(
      'runs[0].testLoss: must hold one value per loss value (3)',
    );
    expect(damagedNetwork((file) => void (run(file).lr = f64([1])))).toBe(
      'runs[0].lr: must hold one value per loss value (3)',
    );
    expect(damagedNetwork((file) => void (run(file).layerGradNorms = float32s(6, 1)))).toBe(
      'runs[0].layerGradNorms: must hold one value per layer (3) per loss value (9)',
    );
    expect(damagedNetwork((file) => void delete (run(file) as Partial<ReturnType<typeof run>>).testLoss)).toBe(
      'runs[0].testLoss: is required: the network holds out a test split',
    );
    expect(
      damagedNetwork((file) => void ((run(file) as Record<string, unknown>).points = f64([0, 0, 1, 1, 2, 2]))),
    ).toBe('runs[0].points: applies only to function problems');
    expect(damagedNetwork((file) => void delete (run(file).spec as { init?: unknown }).init)).toMatch(
      /^runs\[0\]\.spec\.init: is required for a network/,
    );
    expect(damagedNetwork((file) => void delete (file as { network?: unknown }).network)).toMatch(
      /^network: is required for a network problem/,
    );
    expect(
      damagedNetwork(
        (file) =>
          void (file.bounds = [
            [0, 1],
            [0, 1],
          ]),
      ),
    ).toBe('bounds: applies only to function problems');
    expect(damagedNetwork((file) => void (file.problem.mlp.dataset = { csv: 'data.csv', target: 'y' } as never))).toBe(
      'problem.mlp.dataset.csv: a file path is not accepted here: send the CSV file’s content as "csvText"',
    );
    expect(
      damagedNetwork(
        (file) =>
          void (run(file).events = Array(100_001).fill(
            run(file).events[0] ?? { type: 'plateau', step: 0, message: 'm' },
          )),
      ),
    ).toBe('runs[0].events: may hold at most 100,000 events');
    expect(damagedNetwork((file) => void ((run(file).checkpoints as Record<string, unknown>).steps = 'f64:AAAA'))).toBe(
      'runs[0].checkpoints.steps: holds 3 bytes, not a whole number of 8-byte values',
    );
    expect(damagedNetwork((file) => void ((run(file) as Record<string, unknown>).plane = {}))).toMatch(
      /^runs\[0\]: Unrecognized key: "plane"/,
    );
  });
});
