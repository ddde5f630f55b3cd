import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readH5, writeH5 } from '../../../shared/h5-files';
import { importSurface, surfaceDatasets, type H5Datasets } from '../../../shared/loss-landscape-h5';
import { runFileSchema } from '../../../shared/run-file';
import { asRunFileValue, dumpedValues, h5Fixture, h5pyDumps } from '../../support/loss-landscape-fixtures';

async function read(name: string): Promise<H5Datasets> {
  const datasets = await readH5(readFileSync(h5Fixture(name)));
  if (!datasets) throw new Error(`${name} did not open`);
  return datasets;
}

/** Datasets compared with h5py's reading: names, shapes, text, and every value (NaN as NaN). */
function expectSameAsH5py(datasets: H5Datasets, file: string): void {
  const dumped = h5pyDumps.files[file]!.datasets;
  expect([...datasets.keys()].sort()).toEqual(Object.keys(dumped).sort());
  for (const [name, dataset] of datasets) {
    const expected = dumped[name]!;
    expect(dataset.shape, `${file}/${name} shape`).toEqual(expected.shape);
    if ('value' in expected) expect(dataset).toMatchObject({ text: expected.value });
    else
      expect(Array.from((dataset as { values: Float64Array }).values), `${file}/${name}`).toEqual(
        dumpedValues(file, name),
      );
  }
}

const SURFACES = ['surface_2d.h5', 'surface_1d.h5', 'surface_pca.h5', 'surface_partial.h5', 'surface_pca_proj.h5'];

describe('h5wasm reads what h5py reads', () => {
  it.each(SURFACES)('%s', async (file) => {
    expectSameAsH5py(await read(file), file);
  });

  it('says null for bytes that are not HDF5', async () => {
    expect(await readH5(readFileSync(h5Fixture('not_hdf5.h5')))).toBeNull();
  });
});

describe('importSurface', () => {
  it.each(['surface_2d.h5', 'surface_pca.h5', 'surface_partial.h5'])(
    '%s: every value of every quantity at z[j][i] = flat element j·len(x) + i',
    async (file) => {
      const { runFile, quantities } = importSurface(await read(file), { file });
      expect(runFileSchema.safeParse(JSON.parse(JSON.stringify(runFile))).success).toBe(true);
      const xs = dumpedValues(file, 'xcoordinates');
      const ys = dumpedValues(file, 'ycoordinates');
      const landscape = runFile.landscape!;
      expect(landscape.alphas).toEqual(xs);
      expect(landscape.betas).toEqual(ys);
      expect(quantities[0]).toBe('train_loss');
      for (const quantity of quantities) {
        const flat = dumpedValues(file, quantity);
        const grid = quantity === 'train_loss' ? landscape.loss! : (landscape.extra![quantity] as (number | null)[][]);
        expect(grid).toHaveLength(ys.length);
        ys.forEach((_, j) =>
          xs.forEach((_, i) =>
            expect(grid[j]![i], `${quantity}[${j}][${i}]`).toBe(asRunFileValue(flat[j * xs.length + i]!)),
          ),
        );
      }
      expect(runFile.source).toMatchObject({ format: 'loss-landscape', file, quantity: 'train_loss' });
    },
  );

  it('puts each value at its own (α, β): the loss evaluated afresh by PyTorch at (x[i], y[j]) of the non-square grid', async () => {
    const { runFile } = importSurface(await read('surface_2d.h5'), { file: 'surface_2d.h5' });
    const { alphas, betas, loss } = runFile.landscape!;
    for (const point of h5pyDumps.surface2dPoints) {
      expect([alphas![point.i], betas![point.j]]).toEqual([point.x, point.y]);
      expect(loss![point.j]![point.i]).toBe(point.train_loss);
    }
  });

  it('takes another quantity with its name and keeps train_loss among the extras', async () => {
    const { runFile, quantities } = importSurface(await read('surface_2d.h5'), {
      file: 'surface_2d.h5',
      quantity: 'test_acc',
    });
    expect(quantities).toEqual(['test_acc', 'test_loss', 'train_acc', 'train_loss']);
    expect(runFile.landscape!.loss!.flat()).toEqual(dumpedValues('surface_2d.h5', 'test_acc'));
    expect(runFile.landscape!.extra!['train_loss']).toBeDefined();
    expect(runFile.landscape!.extra!['test_acc']).toBeUndefined();
  });

  it('counts NaN written as null and keeps the −1 fill of points never computed', async () => {
    const file = 'surface_partial.h5';
    const { runFile, nonFinite, unfilled } = importSurface(await read(file), { file });
    const all = [dumpedValues(file, 'train_loss'), dumpedValues(file, 'train_acc')].flat();
    expect(nonFinite).toBe(all.filter((v) => !Number.isFinite(v)).length);
    expect(nonFinite).toBeGreaterThan(0);
    expect(unfilled).toBe(dumpedValues(file, 'train_loss').filter((v) => v === -1).length);
    expect(unfilled).toBeGreaterThan(0);
    expect(runFile.landscape!.loss!.flat().filter((v) => v === -1)).toHaveLength(unfilled);
  });

  it('a 1-D file gives landscape.curve { t, loss } and 1-D extras', async () => {
    const file = 'surface_1d.h5';
    const { runFile } = importSurface(await read(file), { file });
    const landscape = runFile.landscape!;
    expect(landscape.alphas).toBeUndefined();
    expect(landscape.curve).toEqual({ t: dumpedValues(file, 'xcoordinates'), loss: dumpedValues(file, 'train_loss') });
    expect(landscape.extra).toEqual({
      test_acc: dumpedValues(file, 'test_acc'),
      test_loss: dumpedValues(file, 'test_loss'),
      train_acc: dumpedValues(file, 'train_acc'),
    });
  });

  it('a trajectory becomes one run whose projection holds its points in order', async () => {
    const trajectory = { file: 'surface_pca_proj.h5', datasets: await read('surface_pca_proj.h5') };
    const { runFile } = importSurface(await read('surface_pca.h5'), { file: 'surface_pca.h5', trajectory });
    expect(runFile.runs).toHaveLength(1);
    const xs = dumpedValues('surface_pca_proj.h5', 'proj_xcoord');
    const ys = dumpedValues('surface_pca_proj.h5', 'proj_ycoord');
    expect(runFile.runs[0]!.projection).toEqual(xs.map((x, k) => [x, ys[k]]));
    expect(runFile.source!.trajectory).toBe('surface_pca_proj.h5');
  });

  it.each([
    ['no_xcoordinates.h5', undefined, undefined, 'no_xcoordinates.h5: dataset "xcoordinates": missing'],
    [
      'shape_mismatch.h5',
      undefined,
      undefined,
      'shape_mismatch.h5: dataset "train_loss": has shape [9, 7], but the coordinates make it [9, 6]',
    ],
    [
      'surface_2d.h5',
      'val_loss',
      undefined,
      'surface_2d.h5: dataset "val_loss": not in the file (its quantities are test_acc, test_loss, train_acc, train_loss)',
    ],
    ['surface_pca.h5', undefined, 'proj_no_ycoord.h5', 'proj_no_ycoord.h5: dataset "proj_ycoord": missing'],
    ['surface_1d.h5', undefined, 'surface_pca_proj.h5', 'surface_pca_proj.h5: a trajectory needs a 2-D surface'],
  ])(
    '%s (quantity %s, trajectory %s): refused naming the file and the dataset',
    async (file, quantity, trajectoryFile, message) => {
      const trajectory = trajectoryFile ? { file: trajectoryFile, datasets: await read(trajectoryFile) } : undefined;
      const datasets = await read(file);
      expect(() => importSurface(datasets, { file, quantity, trajectory })).toThrow(message);
    },
  );
});

describe('surfaceDatasets + writeH5: export in loss-landscape’s layout', () => {
  it.each(['surface_2d.h5', 'surface_1d.h5', 'surface_pca.h5', 'surface_partial.h5'])(
    '%s round-trips to the same datasets, every value exact',
    async (file) => {
      const { runFile } = importSurface(await read(file), { file });
      const parsed = runFileSchema.parse(JSON.parse(JSON.stringify(runFile)));
      const written = await readH5(await writeH5(surfaceDatasets(parsed, 'run.json')));
      expectSameAsH5py(written!, file);
    },
  );

  it('writes the imported quantity under its own name', async () => {
    const { runFile } = importSurface(await read('surface_2d.h5'), { file: 'surface_2d.h5', quantity: 'test_loss' });
    const written = (await readH5(await writeH5(surfaceDatasets(runFile, 'run.json'))))!;
    expect(Array.from((written.get('test_loss') as { values: Float64Array }).values)).toEqual(
      dumpedValues('surface_2d.h5', 'test_loss'),
    );
  });

  it('refuses a run file without a landscape, or with a grid that does not fit its axes, naming the field', () => {
    const base = { format: 'gradscape.run' as const, version: 1 as const, spec: {}, runs: [] };
    expect(() => surfaceDatasets(base, 'run.json')).toThrow('run.json: landscape: no surface to export');
    const crooked = {
      ...base,
      landscape: {
        alphas: [0, 1, 2],
        betas: [0, 1],
        loss: [
          [1, 2, 3],
          [4, 5],
        ],
      },
    };
    expect(() => surfaceDatasets(crooked, 'run.json')).toThrow(
      'run.json: landscape.loss: is not a grid of 2 rows of 3 values',
    );
  });
});
