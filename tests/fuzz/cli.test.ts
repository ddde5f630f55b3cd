import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFileSchema } from '../../shared/run-file';
import { assertBuilt, cliPath } from '../support/paths';
import { fuzz, isOneLine, mutationsOf, namesAField, nastyConstants, triedSummary } from './fuzz';

/**
 * `gradscape run` on mutated spec files: exit 2 with one line naming the problem and no output
 * file, or exit 0 with a valid run file. Never 1 (a crash), a stack trace or a partial file.
 */
const dir = mkdtempSync(join(tmpdir(), 'gradscape-fuzz-cli-'));
const exec = promisify(execFile);

const specs = [
  {
    version: 1,
    problem: { function: 'rosenbrock' },
    runs: [{ name: 'a', start: [-1, 1], optimizer: { name: 'adam', lr: 0.01 }, steps: 20 }],
    surface: { resolution: 5 },
  },
  {
    version: 1,
    problem: { expression: 'x^2 - y^2 + sin(x * y)' },
    runs: [{ name: 'a', start: [0.5, 0.5], optimizer: { name: 'sgd', momentum: 0.9 }, steps: 20 }],
    surface: { resolution: 5 },
  },
  {
    version: 1,
    problem: { mlp: { dataset: { name: 'xor', samples: 16, seed: 1 }, hidden: [3], activation: 'relu', loss: 'bce' } },
    runs: [{ name: 'n', init: { scheme: 'he_uniform', seed: 1 }, optimizer: { name: 'adam' }, steps: 5 }],
  },
];
/** Values only: an arbitrary number could make a valid but long run (a million steps), which proves nothing here. */
const values = fc.constantFrom(...nastyConstants);
/** The file's text: a mutated spec, or a valid one cut short or with a character changed. */
const specText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .oneof(...specs.map((spec) => mutationsOf(spec, values)))
      .map((spec) => JSON.stringify(spec) ?? 'undefined'),
  },
  {
    weight: 1,
    arbitrary: fc
      // Pretty-printed, as people write specs: V8 quotes the text around a syntax error, newlines included.
      .tuple(
        fc.constantFrom(...specs.map((spec) => JSON.stringify(spec, null, 2))),
        fc.nat(),
        fc.constantFrom('', '\u0000', '\n', '}', '"', '\\', 'é', 'x'),
      )
      .map(
        ([text, at, insert]) =>
          text.slice(0, at % text.length) + insert + (insert ? text.slice((at % text.length) + 1) : ''),
      ),
  },
);

let count = 0;
beforeAll(assertBuilt);
afterAll(() => console.info(`fuzz inputs: ${triedSummary()}`));

/** Runs the CLI on one spec text and checks its answer. */
async function expectRunFileOrOneLine(text: string): Promise<void> {
  const spec = join(dir, `spec-${++count}.json`);
  const out = join(dir, `run-${count}.json`);
  writeFileSync(spec, text);
  let code = 0;
  let stderr: string;
  try {
    ({ stderr } = await exec(process.execPath, [cliPath, 'run', spec, '--out', out], { timeout: 60_000 }));
  } catch (error) {
    ({ code, stderr } = error as { code: number; stderr: string });
  }
  if (code === 0) {
    expect(runFileSchema.safeParse(JSON.parse(readFileSync(out, 'utf8'))).success).toBe(true);
    return;
  }
  expect(code, stderr).toBe(2);
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  const message = lines[0]!.replace(/^gradscape: /, '').replace(`${spec}: `, '');
  expect(isOneLine(message), message).toBe(true);
  // A field to name exists only in an object.
  const isObject = /^\s*\{/.test(text) && !/^not valid JSON/.test(message);
  if (isObject) expect(namesAField(message), message).toBe(true);
  expect(existsSync(out)).toBe(false);
  // Only this output's temporary name: the other process at work may hold its own in the same folder.
  const ownTemporary = `.${basename(out)}.`;
  expect(readdirSync(dir).filter((name) => name.startsWith(ownTemporary) && name.endsWith('.tmp'))).toEqual([]);
}

describe('fuzzing the CLI', () => {
  it('answers every mutated spec with a run file or one line naming the problem', async () => {
    // Found by this test: V8 quotes the text around a JSON syntax error, line breaks included.
    const quotedLineBreaks = `}${JSON.stringify(specs[0], null, 2).slice(1)}`;
    // Two processes at a time: each input costs a Node start.
    await fuzz(
      'cli',
      fc.asyncProperty(specText, specText, (a, b) => Promise.all([a, b].map(expectRunFileOrOneLine)).then(() => {})),
      12,
      {
        examples: [[quotedLineBreaks, '{"version": 1, "problem": {"constructor": 1}, "runs": []}']],
        inputsPerRun: 2,
      },
    );
  });
});
