import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../electron/engine/experiment';
import { loadSpecFiles } from '../../electron/user-files';
import { describeIssue } from '../../shared/describe-issue';
import { compileExpression, ExpressionError } from '../../shared/functions/expression';
import { decodeMessage, encodeMessage } from '../../shared/message-codec';
import { clientMessageSchema, hostMessageSchema } from '../../shared/protocol';
import { runFileSchema } from '../../shared/run-file';
import { serializeSession, sessionFileSchema, type SessionFileInput } from '../../shared/session-file';
import { experimentSpecSchema } from '../../shared/spec/spec';
import { fuzz, isOneLine, mutationsOf, namesAField, nastyValue, triedSummary } from './fuzz';

/** Random and mutated inputs for every validator: never a throw, always one line naming the field. */

const functionSpec = {
  version: 1,
  problem: { function: 'himmelblau' },
  bounds: [
    [-5, 5],
    [-5, 5],
  ],
  runs: [
    {
      name: 'adam',
      start: [-1.5, 2],
      optimizer: { name: 'adam', lr: 0.05, betas: [0.9, 0.999] },
      steps: 30,
      seed: 1,
      schedule: { name: 'step', stepSize: 10, gamma: 0.5 },
      clipNorm: 5,
    },
  ],
  surface: { resolution: 11 },
};
const expressionSpec = { ...functionSpec, problem: { expression: 'sin(x) * cos(y) + x^2 / 10' } };
const networkSpec = {
  version: 1,
  problem: {
    mlp: {
      dataset: { name: 'moons', samples: 40, noise: 0.1, seed: 2 },
      hidden: [4, 4],
      activation: 'tanh',
      loss: 'bce',
      testFraction: 0.25,
    },
  },
  runs: [
    {
      name: 'net',
      init: { scheme: 'he_normal', seed: 3 },
      optimizer: { name: 'sgd', lr: 0.1, momentum: 0.9 },
      steps: 20,
      batchSize: 8,
      l2: 0.001,
      dropout: 0.1,
    },
  ],
  landscape: { directions: 'pca', resolution: 11, span: 1, seed: 1 },
};

/** Parses with `schema`; a rejection must come as one line that names the field (if `named`). */
function expectClearVerdict(
  schema: { safeParse(input: unknown): { success: boolean; error?: Parameters<typeof describeIssue>[0] } },
  input: unknown,
  named = true,
): void {
  const parsed = schema.safeParse(input);
  if (parsed.success) return;
  const message = describeIssue(parsed.error!);
  expect(isOneLine(message), message).toBe(true);
  const isRecord = input !== null && typeof input === 'object' && !Array.isArray(input) && !ArrayBuffer.isView(input);
  if (isRecord && named) expect(namesAField(message), message).toBe(true);
}

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  console.info(`fuzz inputs: ${triedSummary()}`);
});

describe('fuzzing the spec validator', () => {
  it('mutated function, expression and network specs', async () => {
    const spec = fc.oneof(mutationsOf(functionSpec), mutationsOf(expressionSpec), mutationsOf(networkSpec));
    // Found by this test: a problem keyed "constructor" or "__proto__" threw a TypeError, and a key with a newline broke the line.
    const found: [unknown][] = ['{"constructor": 1}', '{"__proto__": {"polluted": true}}', '{"toString": "x"}'].map(
      (problem) => [{ ...functionSpec, problem: JSON.parse(problem) }],
    );
    await fuzz(
      'spec',
      fc.property(spec, (input) => expectClearVerdict(experimentSpecSchema, input)),
      1500,
      {
        examples: [...found, [{ ...functionSpec, 'x\ny': 0 }]],
      },
    );
  });

  it('any JSON value', async () => {
    await fuzz(
      'spec',
      fc.property(fc.jsonValue({ maxDepth: 4 }), (input) => expectClearVerdict(experimentSpecSchema, input)),
      300,
    );
  });
});

describe('fuzzing the run-file validator', () => {
  it('mutated run files', async () => {
    const runFile = await runExperiment(await loadSpecFiles(experimentSpecSchema.parse(functionSpec), 'spec.json'), {
      progress: () => {},
    });
    expect(runFileSchema.safeParse(runFile).success).toBe(true);
    await fuzz(
      'run file',
      fc.property(mutationsOf(JSON.parse(JSON.stringify(runFile))), (input) =>
        expectClearVerdict(runFileSchema, input),
      ),
      500,
    );
  });
});

describe('fuzzing the session-file validator', () => {
  const view = {
    colormap: 'viridis',
    scale: 'auto',
    layout: '3d',
    contours: true,
    gradientField: false,
    trail: 0,
    step: 1,
    follow: true,
  } as const;
  const series = (values: number[]) => Float64Array.from(values);
  /** A network session as the app writes it (packed arrays), and a function one as version 1 wrote it (plain lists). */
  const networkSession = JSON.parse(
    serializeSession({
      format: 'gradscape.session',
      version: 2,
      problem: networkSpec.problem,
      network: { init: { scheme: 'he_normal', seed: 3 }, batchSize: 8 },
      runs: [
        {
          spec: networkSpec.runs[0]!,
          color: '#56B4E9',
          status: 'completed',
          loss: series([0.7, 0.6]),
          gradNorm: series([1, 0.5]),
          lr: series([0.1, 0.1]),
          testLoss: series([0.7, Number.NaN]),
          layerGradNorms: series([1, 2, 3, 4, 5, 6].map(Math.fround)),
          events: [],
          data: { backend: 'wasm', features: 2, x: series([0, 1, 2, 3]), y: series([0, 1]) },
          prediction: {
            step: 1,
            x: series([-1, 1]),
            y: series([-1, 1]),
            outputs: 1,
            values: series([0.1, 0.2, 0.3, 0.4]),
          },
          checkpoints: { steps: series([0, 1]), params: [series([1, 2]), series([3, 4])] },
        },
      ],
      view: {
        ...view,
        networkView: 'landscape',
        panels: { count: 3, lockCameras: false, lockTimeline: true, choices: [null, 0, 'all'] },
        draft: { steps: 20, pace: 0 },
      },
    } as SessionFileInput),
  );
  const versionOneSession = {
    format: 'gradscape.session',
    version: 1,
    problem: functionSpec.problem,
    bounds: functionSpec.bounds,
    runs: [
      {
        spec: functionSpec.runs[0]!,
        color: '#E69F00',
        status: 'running',
        points: [-1.5, 2, -1.4, 1.9],
        loss: [20, null],
        gradNorm: [30, 29],
        lr: [0.05, 0.05],
        events: [],
      },
    ],
    view,
  };

  it('mutated network sessions and version 1 function sessions', async () => {
    for (const session of [networkSession, versionOneSession])
      expect(sessionFileSchema.safeParse(session).success).toBe(true);
    const session = fc.oneof(mutationsOf(networkSession), mutationsOf(versionOneSession));
    await fuzz(
      'session file',
      fc.property(session, (input) => expectClearVerdict(sessionFileSchema, input)),
      800,
    );
  });
});

describe('fuzzing expressions', () => {
  const token = fc.oneof(
    fc.constantFrom(
      'x',
      'y',
      'pi',
      'e',
      '1',
      '0',
      '2.5',
      '1e308',
      '1e-320',
      '-',
      '+',
      '*',
      '/',
      '^',
      '(',
      ')',
      ' ',
      ',',
    ),
    fc.constantFrom('sin(', 'log(', 'sqrt(', 'tanh(', 'abs(', 'exp('),
    fc.constantFrom(
      '=',
      ';',
      '[',
      ']',
      '{',
      '}',
      '?',
      ':',
      '<',
      '!',
      "'",
      '"',
      '.',
      '@',
      '#',
      '$',
      '\\',
      '\n',
      'f(x)=',
      'import(',
      'evaluate(',
      'parse(',
      'createUnit(',
      'constructor',
      '__proto__',
      'x.constructor',
      'cos.constructor("return process")()',
      'Infinity',
      'NaN',
      'i',
      'true',
      'null',
      'z',
      'ℯ',
      'x!',
      '2 cm',
      '5 inch',
    ),
    fc.string({ maxLength: 3, unit: 'binary' }),
  );
  const expression = fc.oneof(
    fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join('')),
    fc.string({ maxLength: 60 }),
    fc.nat({ max: 1200 }).map((n) => '('.repeat(n % 50) + 'x' + ')'.repeat(n % 50) + '+y'.repeat(Math.floor(n / 2))),
  );

  it('either compile to numbers (or NaN) everywhere, or fail with an ExpressionError the spec reports on one line', async () => {
    const point = fc.tuple(fc.double(), fc.double());
    await fuzz(
      'expression',
      fc.property(expression, point, (source, [x, y]) => {
        let objective;
        try {
          objective = compileExpression(source);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionError);
          const parsed = experimentSpecSchema.safeParse({ ...expressionSpec, problem: { expression: source } });
          expect(parsed.success).toBe(false);
          const message = describeIssue(parsed.error!);
          expect(isOneLine(message), message).toBe(true);
          expect(message).toMatch(/^problem\.expression: /);
          return;
        }
        const gradient = new Float64Array(2);
        const hessian = new Float64Array(3);
        expect(typeof objective.value(x, y)).toBe('number');
        objective.gradient(x, y, gradient);
        objective.hessian(x, y, hessian);
      }),
      2000,
    );
  });
});

describe('fuzzing protocol messages', () => {
  const clientMessages = [
    {
      type: 'start',
      runId: 'r1',
      problem: { function: 'booth' },
      bounds: [
        [-10, 10],
        [-10, 10],
      ],
      run: functionSpec.runs[0],
      pace: 50,
    },
    { type: 'start', runId: 'n1', problem: networkSpec.problem, run: networkSpec.runs[0] },
    { type: 'pause', runId: 'r1' },
    {
      type: 'surface',
      requestId: 's1',
      problem: { expression: 'x^2 - y^2' },
      bounds: [
        [-1, 1],
        [-1, 1],
      ],
      resolution: 21,
    },
    {
      type: 'landscape',
      requestId: 'l1',
      problem: networkSpec.problem,
      center: Float64Array.from([0, 0]),
      d1: Float64Array.from([1, 0]),
      d2: Float64Array.from([0, 1]),
      alphas: Float64Array.from([-1, 0, 1]),
      betas: Float64Array.from([-1, 1]),
    },
    { type: 'cancel-landscape', requestId: 'l1' },
  ];
  const values = fc.oneof(
    nastyValue,
    fc.constantFrom(Float64Array.from([1, NaN]), new Float64Array(0), undefined, Infinity, NaN),
  );

  it('mutated client messages', async () => {
    const message = fc.oneof(...clientMessages.map((base) => mutationsOf(base, values)), fc.anything());
    await fuzz(
      'client message',
      fc.property(message, (input) => expectClearVerdict(clientMessageSchema, input)),
      1000,
    );
  });

  // The host's own messages, checked by the renderer: a plain union, whose error for a wrong
  // "type" is "Invalid input" without a field, so only one line is asked of it.
  it('mutated host messages', async () => {
    const hostMessages = [
      {
        type: 'frames',
        runId: 'r1',
        fromStep: 0,
        points: Float64Array.from([1, 2, 3, 4]),
        loss: Float64Array.from([1, 2]),
        gradNorm: Float64Array.from([1, 2]),
        lr: Float64Array.from([0.1, 0.1]),
        events: [{ type: 'saddle', step: 1, point: [0, 0], eigenvalues: [-1, 1], message: 'm' }],
      },
      { type: 'status', runId: 'r1', status: 'failed', message: 'the worker exited with code 1' },
      {
        type: 'surface',
        requestId: 's1',
        x: Float64Array.from([0, 1]),
        y: Float64Array.from([0, 1]),
        z: Float64Array.from([0, 1, 2, 3]),
        criticalPoints: [{ point: [0, 0], type: 'saddle', value: 0, eigenvalues: [-2, 2] }],
      },
      { type: 'error', message: 'no active run "r1"', requestId: 's1' },
      {
        type: 'frames',
        runId: 'r1',
        fromStep: 0,
        loss: Float64Array.from([1]),
        gradNorm: Float64Array.from([1]),
        lr: Float64Array.from([0.1]),
        events: [],
        checkpoints: { params: Float64Array.from([1, 2, 3, 4]), steps: Float64Array.from([0, 20]) },
      },
      {
        type: 'checkpoints-complete',
        runId: 'r1',
        curvature: { steps: Float64Array.from([20]), eigenvalues: Float64Array.from([-1, 2]), kinds: ['saddle'] },
      },
    ];
    const message = fc.oneof(...hostMessages.map((base) => mutationsOf(base, values)));
    await fuzz(
      'host message',
      fc.property(message, (input) => expectClearVerdict(hostMessageSchema, input, false)),
      600,
    );
  });

  it('random and mutated bytes through the WebSocket codec', async () => {
    const encoded = clientMessages.map((message) => new Uint8Array(encodeMessage(message)));
    const flipped = fc
      .tuple(
        fc.constantFrom(...encoded),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.nat(),
      )
      .map(([bytes, flips, cut]) => {
        const copy = bytes.slice(0, bytes.length - (cut % 3 === 0 ? cut % bytes.length : 0));
        for (const [at, value] of flips) copy[at % copy.length] = value;
        return copy;
      });
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 64 }), flipped);
    await fuzz(
      'socket bytes',
      fc.property(bytes, (input) => {
        let decoded: unknown;
        try {
          decoded = decodeMessage(
            input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer,
          );
        } catch (error) {
          // serve.ts turns any decoding error into a "malformed" message the host rejects.
          expect(error).toBeInstanceOf(Error);
          return;
        }
        expectClearVerdict(clientMessageSchema, decoded);
      }),
      1000,
    );
  });
});
