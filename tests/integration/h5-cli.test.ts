import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readH5 } from '../../shared/h5-files';
import { runFileSchema } from '../../shared/run-file';
import { asRunFileValue, dumpedValues, h5Fixture, h5pyDumps } from '../support/loss-landscape-fixtures';
import { assertBuilt, cliPath } from '../support/paths';

const exec = promisify(execFile);

async function gradscape(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await exec(process.execPath, [cliPath, ...args], { timeout: 60_000 });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

/** A fresh folder per test, so no test reads another's files. */
const freshDir = (): string => mkdtempSync(join(tmpdir(), 'gradscape-h5-'));

/** Debian's python3 with h5py, when this machine has it: the reader loss-landscape itself uses. */
function h5pyPython(): string | null {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import h5py'], { stdio: 'ignore' });
    return '/usr/bin/python3';
  } catch {
    return null;
  }
}

beforeAll(assertBuilt);

describe('gradscape import', () => {
  it('writes a 2-D surface with its trajectory: every value as h5py reads it, NaN counted, progress on stderr', async () => {
    const dir = freshDir();
    const out = join(dir, 'run.json');
    const { code, stderr } = await gradscape(
      'import',
      h5Fixture('surface_pca.h5'),
      '--trajectory',
      h5Fixture('surface_pca_proj.h5'),
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stderr).toContain(
      'surface_pca.h5: train_loss on a 8 × 7 grid, 2 quantities (train_loss, train_acc); 0 values not finite written as null; trajectory of 41 points',
    );
    const runFile = runFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    const xs = dumpedValues('surface_pca.h5', 'xcoordinates');
    expect(runFile.landscape!.alphas).toEqual(xs);
    expect(runFile.landscape!.betas).toEqual(dumpedValues('surface_pca.h5', 'ycoordinates'));
    expect(runFile.landscape!.loss!.flat()).toEqual(dumpedValues('surface_pca.h5', 'train_loss'));
    expect((runFile.landscape!.extra!['train_acc'] as number[][]).flat()).toEqual(
      dumpedValues('surface_pca.h5', 'train_acc'),
    );
    const px = dumpedValues('surface_pca_proj.h5', 'proj_xcoord');
    const py = dumpedValues('surface_pca_proj.h5', 'proj_ycoord');
    expect(runFile.runs[0]!.projection).toEqual(px.map((x, k) => [x, py[k]]));
  });

  it('counts the values that are not finite and the −1 fill in its progress line', async () => {
    const dir = freshDir();
    const out = join(dir, 'run.json');
    const { code, stderr } = await gradscape('import', h5Fixture('surface_partial.h5'), '--out', out);
    expect(code).toBe(0);
    const loss = dumpedValues('surface_partial.h5', 'train_loss');
    const nonFinite = [...loss, ...dumpedValues('surface_partial.h5', 'train_acc')].filter(
      (v) => !Number.isFinite(v),
    ).length;
    expect(stderr).toContain(
      `${nonFinite} values not finite written as null; ${loss.filter((v) => v === -1).length} points of train_loss still hold the -1 fill`,
    );
    const runFile = runFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(runFile.landscape!.loss!.flat()).toEqual(loss.map(asRunFileValue));
  });

  it.each([
    [['not_hdf5.h5'], 'not_hdf5.h5: not an HDF5 file'],
    [['no_xcoordinates.h5'], 'no_xcoordinates.h5: dataset "xcoordinates": missing'],
    [['shape_mismatch.h5'], 'shape_mismatch.h5: dataset "train_loss": has shape [9, 7]'],
    [['surface_2d.h5', '--quantity', 'val_loss'], 'surface_2d.h5: dataset "val_loss": not in the file'],
    [
      ['surface_pca.h5', '--trajectory', h5Fixture('proj_no_ycoord.h5')],
      'proj_no_ycoord.h5: dataset "proj_ycoord": missing',
    ],
  ])(
    '%j exits 2 with one line naming the file and the dataset, and writes nothing',
    async ([file, ...options], message) => {
      const dir = freshDir();
      const { code, stderr } = await gradscape('import', h5Fixture(file!), ...options, '--out', join(dir, 'run.json'));
      expect(code).toBe(2);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toContain(message);
      expect(readdirSync(dir)).toEqual([]);
    },
  );
});

describe('gradscape export-h5', () => {
  it.each(['surface_2d.h5', 'surface_1d.h5', 'surface_partial.h5'])(
    '%s → import → export-h5 gives back every dataset, value for value',
    async (file) => {
      const dir = freshDir();
      const run = join(dir, 'run.json');
      const out = join(dir, 'surface.h5');
      expect((await gradscape('import', h5Fixture(file), '--out', run)).code).toBe(0);
      const { code, stderr } = await gradscape('export-h5', run, '--out', out);
      expect(code, stderr).toBe(0);
      const written = (await readH5(readFileSync(out)))!;
      const dumped = h5pyDumps.files[file]!.datasets;
      expect([...written.keys()].sort()).toEqual(Object.keys(dumped).sort());
      for (const [name, expected] of Object.entries(dumped)) {
        const dataset = written.get(name)!;
        expect(dataset.shape, name).toEqual(expected.shape);
        if ('value' in expected) expect(dataset).toMatchObject({ text: expected.value });
        else expect(Array.from((dataset as { values: Float64Array }).values), name).toEqual(dumpedValues(file, name));
      }
    },
  );

  it('is read by h5py with each value at its own (x, y), as loss-landscape’s plot_2D and h52vtp read it', async (context) => {
    const python = h5pyPython();
    if (!python) {
      context.skip('/usr/bin/python3 with h5py is absent here; the h5wasm round trip above still checks the file');
      return;
    }
    const dir = freshDir();
    const run = join(dir, 'run.json');
    const out = join(dir, 'surface.h5');
    expect((await gradscape('import', h5Fixture('surface_2d.h5'), '--out', run)).code).toBe(0);
    expect((await gradscape('export-h5', run, '--out', out)).code).toBe(0);
    // plot_2D / h52vtp: meshgrid(x, y) against the quantity's values in flat order.
    const script = [
      'import h5py, json, sys, numpy as np',
      'f = h5py.File(sys.argv[1], "r")',
      'X, Y = np.meshgrid(f["xcoordinates"][:], f["ycoordinates"][:])',
      'Z = f["train_loss"][:].ravel()',
      'print(json.dumps({"dtype": str(f["train_loss"].dtype), "shape": list(f["train_loss"].shape), "points": [[float(x), float(y), float(z)] for x, y, z in zip(X.ravel(), Y.ravel(), Z)]}))',
    ].join('\n');
    const read = JSON.parse(execFileSync(python, ['-c', script, out], { encoding: 'utf8' })) as {
      dtype: string;
      shape: number[];
      points: [number, number, number][];
    };
    expect(read.dtype).toBe('float64');
    expect(read.shape).toEqual([9, 6]);
    for (const point of h5pyDumps.surface2dPoints) {
      expect(read.points).toContainEqual([point.x, point.y, point.train_loss]);
    }
  });

  it('refuses a run file without a landscape: exit 2, one line naming the field, no file', async () => {
    const dir = freshDir();
    const run = join(dir, 'run.json');
    writeFileSync(run, JSON.stringify({ format: 'gradscape.run', version: 1, spec: {}, runs: [] }));
    const out = join(dir, 'surface.h5');
    const { code, stderr } = await gradscape('export-h5', run, '--out', out);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('run.json: landscape: no surface to export');
    expect(existsSync(out)).toBe(false);
  });
});
