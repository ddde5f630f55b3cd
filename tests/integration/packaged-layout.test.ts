import { execFile } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsideAsar } from '../../electron/host/packaged-paths';
import { RunHost } from '../../electron/host/run-host';
import { connectRecorder, statusIs } from '../support/host-client';
import { assertBuilt, distDir, repoRoot } from '../support/paths';

/**
 * A packaged app as electron-builder lays it out: resources/app.asar (not readable by worker
 * threads) and resources/app.asar.unpacked with the files build/electron-builder.json unpacks.
 * The worker must run from there, with no node_modules anywhere above it.
 */
const config = JSON.parse(readFileSync(join(repoRoot, 'build', 'electron-builder.json'), 'utf8')) as {
  asarUnpack: string[];
};

/** electron-builder's globs as we use them: `**` any path, `*` within one folder. */
const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*/g, '\0')
      .replace(/\*/g, '[^/]*')
      .replace(/\0/g, '.*')}$`,
  );
const unpackPatterns = config.asarUnpack.map(globToRegExp);
const isUnpacked = (appPath: string): boolean => unpackPatterns.some((pattern) => pattern.test(appPath));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
/** Paths as the app sees them: relative to the package root, with forward slashes. */
const appPath = (file: string): string => relative(repoRoot, file).split(sep).join('/');

/** The ES module specifiers a built file imports, static and dynamic. */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']/gm,
    /(?:^|[\s;])import\s*["']([^"']+)["']/gm,
    /import\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!));
}

let resources: string;
let host: RunHost | undefined;
beforeAll(() => {
  assertBuilt();
  resources = join(mkdtempSync(join(tmpdir(), 'gradscape-packaged-')), 'resources');
  for (const file of listFiles(distDir)) {
    const path = appPath(file);
    if (!isUnpacked(path) || path.endsWith('.map')) continue;
    const target = join(resources, 'app.asar.unpacked', path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
});
afterAll(async () => host?.close());

describe('the worker in a packaged app', () => {
  it('has no node_modules to fall back on', () => {
    for (let dir = resources; dirname(dir) !== dir; dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules')), dir).toBe(false);
    }
  });

  it('imports only Node built-ins and files that asarUnpack keeps beside it', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      expect(isUnpacked(appPath(file)), `${appPath(file)} is loaded by the worker but stays in app.asar`).toBe(true);
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
        else expect(builtins.has(specifier), `${appPath(file)} imports the package "${specifier}"`).toBe(true);
      }
    };
    visit(join(distDir, 'worker.mjs'));
    // The entry, the eager chunks and the network chunks loaded on demand.
    expect(seen.size).toBeGreaterThan(3);
    for (const data of [
      'dist/wasm/tfjs-backend-wasm.wasm',
      'dist/wasm/tfjs-backend-wasm-simd.wasm',
      'dist/wasm/mlp-kernel.wasm',
      'dist/wasm/mlp-kernel-fma.wasm',
      'dist/data/iris.csv',
    ]) {
      expect(existsSync(join(repoRoot, data)), data).toBe(true);
      expect(isUnpacked(data), data).toBe(true);
    }
  });

  it('runs a function and a network on the shipped Iris data from app.asar.unpacked', async () => {
    const workerPath = outsideAsar(join(resources, 'app.asar', 'dist', 'worker.mjs'));
    expect(workerPath).toBe(join(resources, 'app.asar.unpacked', 'dist', 'worker.mjs'));
    host = new RunHost({ workerPath, poolSize: 1, log: () => {} });
    const client = connectRecorder(host);
    client.send({
      type: 'start',
      runId: 'f',
      problem: { function: 'booth' },
      run: { name: 'f', start: [0, 0], optimizer: { name: 'adam', lr: 0.1 }, steps: 50 },
    });
    client.send({
      type: 'start',
      runId: 'iris',
      problem: { mlp: { dataset: { name: 'iris' }, hidden: [4], activation: 'tanh', loss: 'cross_entropy' } },
      run: {
        name: 'iris',
        init: { scheme: 'glorot_uniform', seed: 1 },
        optimizer: { name: 'adam', lr: 0.05 },
        steps: 20,
      },
    });
    await client.waitFor(statusIs('f', 'completed'));
    await client.waitFor(statusIs('iris', 'completed'), 60_000);
    expect(client.framesOf('iris').reduce((n, frame) => n + frame.loss.length, 0)).toBe(21);
  });

  it('trains on the WASM kernel there, not on the tfjs fallback', async () => {
    // The CLI shares the worker's chunks; copied beside them, it reports the backend in the run file.
    const unpacked = join(resources, 'app.asar.unpacked');
    copyFileSync(join(distDir, 'cli.mjs'), join(unpacked, 'dist', 'cli.mjs'));
    const spec = join(unpacked, 'iris.json');
    writeFileSync(
      spec,
      JSON.stringify({
        version: 1,
        problem: { mlp: { dataset: { name: 'iris' }, hidden: [4], activation: 'tanh', loss: 'cross_entropy' } },
        runs: [{ name: 'a', init: { scheme: 'glorot_uniform', seed: 1 }, optimizer: { name: 'adam' }, steps: 5 }],
      }),
    );
    const out = join(unpacked, 'run.json');
    await promisify(execFile)(process.execPath, [join(unpacked, 'dist', 'cli.mjs'), 'run', spec, '--out', out], {
      cwd: unpacked,
    });
    const runFile = JSON.parse(readFileSync(out, 'utf8')) as { engine: { backend: string }; dataset: { x: unknown[] } };
    expect(runFile.engine.backend).toBe('kernel');
    expect(runFile.dataset.x).toHaveLength(150);
  });
});
