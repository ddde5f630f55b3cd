/* eslint-disable @typescript-eslint/no-explicit-any -- run-file network fields are checked field by field here */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES } from '../../shared/limits';
import { runFileSchema } from '../../shared/run-file';
import { assertBuilt, cliPath } from '../support/paths';

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gradscape-cli-'));

async function gradscape(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [cliPath, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function writeSpec(name: string, spec: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return path;
}

beforeAll(assertBuilt);

describe('gradscape CLI', () => {
  it('prints usage for --help', async () => {
    const { code, stdout } = await gradscape('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/run SPEC\.json --out RUN\.json/);
    expect(stdout).toMatch(/serve \[--port N\]/);
  });

  it('runs a spec and writes a valid run file, progress on stderr', async () => {
    const spec = writeSpec('himmelblau.json', {
      version: 1,
      problem: { function: 'himmelblau' },
      runs: [{ name: 'adam', start: [-1.5, 2.0], optimizer: { name: 'adam', lr: 0.05 }, steps: 300, seed: 1 }],
    });
    const out = join(dir, 'run.json');
    const { code, stderr } = await gradscape('run', spec, '--out', out);
    expect(code).toBe(0);
    expect(stderr).toMatch(/adam/);
    const runFile = runFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(runFile.runs[0]!.trajectory).toHaveLength(301);
    expect(runFile.runs[0]!.loss).toHaveLength(301);
    expect(runFile.runs[0]!.trajectory![0]).toEqual([-1.5, 2]);
    expect(runFile.surface!.x).toHaveLength(101);
    expect(runFile.surface!.z).toHaveLength(101);
    expect((runFile.spec as { bounds: unknown }).bounds).toEqual([
      [-5, 5],
      [-5, 5],
    ]);
    expect(runFile.criticalPoints!.filter((p) => p.type === 'minimum')).toHaveLength(4);
  });

  it.each([
    ['not JSON', '{ "version": 1,', /not valid JSON/],
    ['a wrong version', { version: 2, problem: { function: 'booth' }, runs: [] }, /version: must be 1/],
    [
      'an unknown function',
      { version: 1, problem: { function: 'nope' }, runs: [{ name: 'a', start: [0, 0], optimizer: { name: 'sgd' } }] },
      /problem\.function/,
    ],
    [
      'a bad expression',
      { version: 1, problem: { expression: 'x^' }, runs: [{ name: 'a', start: [0, 0], optimizer: { name: 'sgd' } }] },
      /problem\.expression: .*(char|position)/i,
    ],
    [
      'a negative lr',
      {
        version: 1,
        problem: { function: 'booth' },
        runs: [{ name: 'a', start: [0, 0], optimizer: { name: 'sgd', lr: -1 } }],
      },
      /runs\[0\]\.optimizer\.lr/,
    ],
    [
      'a missing start',
      { version: 1, problem: { function: 'booth' }, runs: [{ name: 'a', optimizer: { name: 'sgd' } }] },
      /runs\[0\]\.start/,
    ],
  ])('exits 2 with one line naming the problem for %s, writing nothing', async (_label, spec, message) => {
    const out = join(dir, `never-${Math.random()}.json`);
    const { code, stderr } = await gradscape('run', writeSpec('bad.json', spec), '--out', out);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for unknown commands and options, and for an output folder that does not exist, before any compute', async () => {
    expect((await gradscape('fly')).code).toBe(2);
    expect((await gradscape('serve', '--port', 'abc')).code).toBe(2);
    const spec = writeSpec('ok.json', {
      version: 1,
      problem: { function: 'booth' },
      runs: [{ name: 'a', start: [0, 0], optimizer: { name: 'sgd' }, steps: 5 }],
    });
    const { code, stderr } = await gradscape('run', spec, '--out', join(dir, 'no-such-dir', 'run.json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gradscape: --out: the folder of .*no-such-dir.* does not exist\n$/);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('gradscape run on a function undefined at the start', () => {
  it('exits 2 naming the run and the start', async () => {
    const spec = writeSpec('log.json', {
      version: 1,
      problem: { expression: 'log(x) + y^2' },
      runs: [{ name: 'a', start: [-1, 0], optimizer: { name: 'sgd' } }],
    });
    const { code, stderr } = await gradscape('run', spec, '--out', join(dir, 'log-run.json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/runs\[0\]\.start: the function is not finite at \(-1, 0\)/);
  });
});

describe('gradscape run on a network', () => {
  const spec = {
    version: 1,
    problem: {
      mlp: {
        dataset: { name: 'moons', samples: 120, seed: 2 },
        hidden: [8],
        activation: 'tanh',
        loss: 'bce',
        testFraction: 0.25,
      },
    },
    runs: [
      {
        name: 'adam',
        init: { scheme: 'glorot_uniform', seed: 3 },
        optimizer: { name: 'adam', lr: 0.05 },
        steps: 60,
        batchSize: 16,
        seed: 1,
      },
      { name: 'zeros', init: { scheme: 'zeros', seed: 3 }, optimizer: { name: 'sgd', lr: 0.1 }, steps: 30 },
    ],
  };

  it('writes the network fields, and the same spec gives the same file byte for byte', async () => {
    const path = writeSpec('moons.json', spec);
    const [first, second] = [join(dir, 'moons-1.json'), join(dir, 'moons-2.json')];
    expect((await gradscape('run', path, '--out', first)).code).toBe(0);
    expect((await gradscape('run', path, '--out', second)).code).toBe(0);
    expect(readFileSync(first, 'utf8')).toBe(readFileSync(second, 'utf8'));
    const runFile = runFileSchema.parse(JSON.parse(readFileSync(first, 'utf8'))) as Record<string, any>;
    expect(runFile.engine.backend).toMatch(/^(kernel|wasm|cpu)$/);
    expect(runFile.dataset.x).toHaveLength(90);
    expect(runFile.dataset.test.x).toHaveLength(30);
    const [adam, zeros] = runFile.runs;
    expect(adam.loss).toHaveLength(61);
    expect(adam.testLoss).toHaveLength(61);
    expect(adam.paramLayout.map((block: { name: string }) => block.name)).toEqual([
      'hidden1.kernel',
      'hidden1.bias',
      'output.kernel',
      'output.bias',
    ]);
    expect(adam.initialParams).toHaveLength(2 * 8 + 8 + 8 + 1);
    expect(adam.layerGradNorms[0]).toHaveLength(2);
    expect(adam.checkpoints.steps[0]).toBe(0);
    expect(adam.loss.at(-1)).toBeLessThan(adam.loss[0]);
    expect(zeros.events.map((event: { type: string }) => event.type)).toContain('symmetry');
    // The PCA slice through the runs' checkpoints, with every checkpoint on it and its distance from it.
    const { landscape } = runFile;
    expect(landscape.directions).toBe('pca');
    expect([landscape.alphas.length, landscape.betas.length, landscape.loss.length, landscape.loss[0].length]).toEqual([
      41, 41, 41, 41,
    ]);
    expect(landscape.d1).toHaveLength(adam.initialParams.length);
    expect(landscape.explainedVariance[0] + landscape.explainedVariance[1]).toBeLessThanOrEqual(1 + 1e-9);
    expect(adam.projection).toHaveLength(adam.checkpoints.steps.length);
    expect(adam.planeDistance).toHaveLength(adam.checkpoints.steps.length);
    expect(adam.curvature.steps[0]).toBe(0);
  });

  it('exits 2 naming the line of a bad CSV row', async () => {
    writeFileSync(join(dir, 'data.csv'), 'a,b,label\n1,2,0\n3,oops,1\n5,6,1\n');
    const path = writeSpec('csv.json', {
      ...spec,
      problem: { mlp: { dataset: { csv: 'data.csv', target: 'label' }, hidden: [4], activation: 'relu', loss: 'bce' } },
    });
    const { code, stderr } = await gradscape('run', path, '--out', join(dir, 'csv-run.json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/line 3/);
  });

  it('takes pcaOf "all": one plane for both runs’ paths, nearer the second run than its default plane, and refuses it for other directions', async () => {
    const small = { ...spec, landscape: { directions: 'pca', resolution: 9 } };
    const [own, all] = [join(dir, 'pca-own.json'), join(dir, 'pca-all.json')];
    expect((await gradscape('run', writeSpec('pca-own-spec.json', small), '--out', own)).code).toBe(0);
    expect(
      (
        await gradscape(
          'run',
          writeSpec('pca-all-spec.json', { ...small, landscape: { ...small.landscape, pcaOf: 'all' } }),
          '--out',
          all,
        )
      ).code,
    ).toBe(0);
    const [ownFile, allFile] = [own, all].map((path) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>);
    expect(allFile.landscape.pcaOf).toBe('all');
    expect(allFile.landscape.run).toBe('adam');
    const [first, second] = allFile.landscape.explainedVariance;
    expect(first + second).toBeLessThanOrEqual(1 + 1e-9);
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean(allFile.runs[1].planeDistance)).toBeLessThan(mean(ownFile.runs[1].planeDistance));
    for (const [a, b] of allFile.runs[1].projection as [number, number][]) {
      expect(a).toBeGreaterThanOrEqual(allFile.landscape.alphas[0]);
      expect(a).toBeLessThanOrEqual(allFile.landscape.alphas.at(-1));
      expect(b).toBeGreaterThanOrEqual(allFile.landscape.betas[0]);
      expect(b).toBeLessThanOrEqual(allFile.landscape.betas.at(-1));
    }
    const refused = await gradscape(
      'run',
      writeSpec('pca-of-random.json', { ...small, landscape: { directions: 'random', pcaOf: 'all' } }),
      '--out',
      join(dir, 'never.json'),
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/landscape\.pcaOf: applies only to directions "pca"/);
  });
});

describe('gradscape run with a CSV file', () => {
  const network = (dataset: Record<string, unknown>) => ({
    version: 1,
    problem: { mlp: { dataset, hidden: [4], activation: 'tanh', loss: 'bce' } },
    runs: [{ name: 'a', init: { scheme: 'he_normal', seed: 1 }, optimizer: { name: 'adam', lr: 0.05 }, steps: 20 }],
    landscape: { resolution: 5 },
  });
  /** A folder of its own, so a relative path can only be found from the spec's folder. */
  const folder = (name: string): string => {
    const path = join(dir, name);
    mkdirSync(path);
    return path;
  };

  it('reads a relative path from the spec’s folder, for training and for the landscape, whatever the working directory', async () => {
    const data = folder('relative');
    const rows = Array.from({ length: 24 }, (_, i) => `${Math.cos(i)},${Math.sin(i)},${i % 2}`);
    writeFileSync(join(data, 'data.csv'), `a,b,label\n${rows.join('\n')}\n`);
    const out = join(data, 'run.json');
    // The test runs in the repository, not in the spec's folder.
    const { code, stderr } = await gradscape(
      'run',
      writeSpec('relative/spec.json', network({ csv: 'data.csv', target: 'label' })),
      '--out',
      out,
    );
    expect(code, stderr).toBe(0);
    const runFile = JSON.parse(readFileSync(out, 'utf8')) as Record<string, any>;
    expect(runFile.spec.problem.mlp.dataset).toEqual({ csv: 'data.csv', target: 'label', seed: 0 });
    expect(runFile.dataset.x).toHaveLength(24);
    expect(runFile.landscape.loss.flat().every(Number.isFinite)).toBe(true);
  });

  it('refuses a FIFO, a device and a file over the limit, naming the file, without waiting or quoting it', async () => {
    const data = folder('unreadable');
    execFileSync('mkfifo', [join(data, 'fifo.csv')]);
    writeFileSync(join(data, 'big.csv'), Buffer.alloc(MAX_CSV_BYTES + 1, 0x31));
    const cases: [string, RegExp][] = [
      ['fifo.csv', /fifo\.csv: is not a regular file$/],
      ['/dev/zero', /\/dev\/zero: is not a regular file$/],
      ['big.csv', /big\.csv: is 16,777,217 bytes; the limit is 16,777,216$/],
    ];
    for (const [csv, message] of cases) {
      const { code, stderr } = await gradscape(
        'run',
        writeSpec(`unreadable/${csv.replace(/\W/g, '_')}.json`, network({ csv, target: 'label' })),
        '--out',
        join(data, 'never.json'),
      );
      expect(code, stderr).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr.trim()).toMatch(/^gradscape: problem\.mlp\.dataset\.csv: /);
      expect(stderr.trim()).toMatch(message);
    }
    // A spec file that is a FIFO is refused the same way.
    execFileSync('mkfifo', [join(data, 'spec.json')]);
    const fifoSpec = await gradscape('run', join(data, 'spec.json'), '--out', join(data, 'never.json'));
    expect([fifoSpec.code, fifoSpec.stderr.trim()]).toEqual([
      2,
      `gradscape: ${join(data, 'spec.json')}: is not a regular file`,
    ]);
    const passwd = await gradscape(
      'run',
      writeSpec('unreadable/passwd.json', network({ csv: '/etc/passwd', target: 'root' })),
      '--out',
      join(data, 'never.json'),
    );
    expect(passwd.code).toBe(2);
    expect(passwd.stderr).toMatch(/^gradscape: passwd: /);
    expect(passwd.stderr).not.toMatch(/root:x|daemon|nologin/);
    expect(existsSync(join(data, 'never.json'))).toBe(false);
  });
});

describe('gradscape run refuses sizes over the limits (docs/formats.md), before any compute', () => {
  const moons = { name: 'moons', samples: 100 };
  const net = (
    mlp: Record<string, unknown>,
    run: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
  ) => ({
    version: 1,
    problem: { mlp: { dataset: moons, hidden: [4], activation: 'tanh', loss: 'bce', ...mlp } },
    runs: [{ name: 'a', init: { scheme: 'he_normal', seed: 1 }, optimizer: { name: 'sgd' }, steps: 5, ...run }],
    ...extra,
  });
  it.each([
    [
      '520 M parameters',
      net({ hidden: Array(32).fill(4096) }),
      'problem.mlp.hidden: the network has 520,237,057 parameters; the limit is 50,000,000',
    ],
    [
      'a batch of 1e9',
      net({}, { batchSize: 1e9 }),
      'runs[0].batchSize: must be at most 100,000, the most rows a dataset holds',
    ],
    [
      '11 runs of a million steps',
      {
        version: 1,
        problem: { function: 'booth' },
        runs: Array.from({ length: 11 }, (_, i) => ({
          name: `r${i}`,
          start: [0, 0],
          optimizer: { name: 'sgd' },
          steps: 1_000_000,
        })),
      },
      'runs: ask for 11,000,000 steps together; the limit is 10,000,000',
    ],
    [
      'a landscape of 401² points × 100,000 rows',
      net({ dataset: { name: 'moons', samples: 100_000 }, hidden: [256] }, {}, { landscape: { resolution: 401 } }),
      'landscape.resolution: the landscape needs 1.65e+13 evaluations (grid points × rows × parameters); the limit is 1e13',
    ],
  ])('%s: exit 2, one line naming the field and the limit', async (_label, spec, message) => {
    const out = join(dir, `never-${Math.random()}.json`);
    const { code, stderr } = await gradscape('run', writeSpec('limit.json', spec), '--out', out);
    expect(code).toBe(2);
    expect(stderr).toBe(`gradscape: ${join(dir, 'limit.json')}: ${message}\n`);
    expect(existsSync(out)).toBe(false);
  });
});
