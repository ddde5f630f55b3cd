import type { RunFile, RunRecord } from './run-file';

/**
 * loss-landscape's .h5 surfaces (Li et al. 2018) ↔ a run file's `landscape` (docs/formats.md,
 * "loss-landscape .h5 files"). Pure: it works on datasets already read (shared/h5-files.ts reads
 * and writes the bytes), so the CLI and the renderer share it.
 *
 * Layout: loss-landscape fills a quantity declared [len(x), len(y)] through `ravel()[k]` with k
 * indexing `np.meshgrid(x, y).ravel()`, so the value at (x[i], y[j]) is flat element
 * j·len(x) + i whatever the declared shape; Gradscape's z[j][i] is that element.
 */

export type H5Dataset = { shape: number[]; values: Float64Array } | { shape: number[]; text: string };
/** A file's datasets at its root, by name; groups are left out. */
export type H5Datasets = ReadonlyMap<string, H5Dataset>;

/** Bad input, one line: the file, then what in it is at fault (a dataset, a run-file field; absent when the whole file is). */
export class LossLandscapeFileError extends Error {
  override readonly name = 'LossLandscapeFileError';
  constructor(file: string, where: string | undefined, problem: string) {
    super(`${file}: ${where === undefined ? '' : `${where}: `}${problem}`);
  }
}

const datasetLabel = (name: string): string => `dataset "${name}"`;

export const DEFAULT_QUANTITY = 'train_loss';
const COORDINATES = ['xcoordinates', 'ycoordinates'] as const;
const DIR_FILE = 'dir_file';

export interface ImportedSurface {
  runFile: RunFile;
  /** Values NaN or ±inf in the file, written as null. */
  nonFinite: number;
  /** Points of the chosen quantity holding loss-landscape's −1 fill (never computed). */
  unfilled: number;
  /** Every quantity in the file, the chosen one first. */
  quantities: string[];
}

export interface ImportOptions {
  /** The surface file's name, as shown and kept in `source.file`. */
  file: string;
  quantity?: string;
  trajectory?: { file: string; datasets: H5Datasets };
}

/** A loss-landscape surface (and its projected trajectory) as a version-1 run file. */
export function importSurface(datasets: H5Datasets, options: ImportOptions): ImportedSurface {
  const { file } = options;
  const xs = coordinates(datasets, file, 'xcoordinates');
  const ys = datasets.has('ycoordinates') ? coordinates(datasets, file, 'ycoordinates') : undefined;
  const quantities = [...datasets.keys()].filter(
    (name) => !(COORDINATES as readonly string[]).includes(name) && 'values' in datasets.get(name)!,
  );
  const quantity = options.quantity ?? DEFAULT_QUANTITY;
  if (!quantities.includes(quantity)) {
    const known = quantities.length ? `its quantities are ${quantities.join(', ')}` : 'it holds no quantity';
    throw new LossLandscapeFileError(file, datasetLabel(quantity), `not in the file (${known})`);
  }
  let nonFinite = 0;
  const shaped = new Map<string, (number | null)[] | (number | null)[][]>();
  for (const name of quantities) {
    const values = quantityValues(datasets, file, name, xs.length, ys?.length);
    const kept = Array.from(values, (v) => (Number.isFinite(v) ? v : (nonFinite++, null)));
    shaped.set(name, ys ? Array.from(ys, (_, j) => kept.slice(j * xs.length, (j + 1) * xs.length)) : kept);
  }
  const chosen = (datasets.get(quantity) as { values: Float64Array }).values;
  const unfilled = chosen.reduce((count, v) => count + (v === -1 ? 1 : 0), 0);
  const extra = Object.fromEntries(
    quantities.filter((name) => name !== quantity).map((name) => [name, shaped.get(name)!]),
  );

  const landscape: NonNullable<RunFile['landscape']> = ys
    ? { alphas: Array.from(xs), betas: Array.from(ys), loss: shaped.get(quantity) as (number | null)[][], extra }
    : { curve: { t: Array.from(xs), loss: shaped.get(quantity) as (number | null)[] }, extra };
  const dirFile = datasets.get(DIR_FILE);
  const runs: RunRecord[] = [];
  if (options.trajectory) {
    if (!ys)
      throw new LossLandscapeFileError(
        options.trajectory.file,
        undefined,
        `a trajectory needs a 2-D surface, and ${file} has no "ycoordinates"`,
      );
    runs.push(trajectoryRun(options.trajectory.file, options.trajectory.datasets));
  }
  const runFile: RunFile = {
    format: 'gradscape.run',
    version: 1,
    spec: {},
    runs,
    landscape,
    source: {
      format: 'loss-landscape',
      file,
      quantity,
      ...(dirFile && 'text' in dirFile ? { dirFile: dirFile.text } : {}),
      ...(options.trajectory ? { trajectory: options.trajectory.file } : {}),
    },
  };
  return { runFile, nonFinite, unfilled, quantities: [quantity, ...quantities.filter((name) => name !== quantity)] };
}

/** A float64 dataset of one dimension with at least one value. */
function coordinates(datasets: H5Datasets, file: string, name: string): Float64Array {
  const dataset = datasets.get(name);
  if (!dataset)
    throw new LossLandscapeFileError(file, datasetLabel(name), 'missing (loss-landscape surface files have one)');
  if (!('values' in dataset)) throw new LossLandscapeFileError(file, datasetLabel(name), 'holds text, not numbers');
  if (dataset.shape.length !== 1 || dataset.values.length === 0)
    throw new LossLandscapeFileError(
      file,
      datasetLabel(name),
      `has shape [${dataset.shape.join(', ')}]; coordinates are a non-empty 1-D list`,
    );
  if (!dataset.values.every(Number.isFinite))
    throw new LossLandscapeFileError(file, datasetLabel(name), 'holds a value that is not finite');
  return dataset.values;
}

/** A quantity's values in flat order; its declared shape must be [len(x), len(y)] (or [len(y), len(x)]), or [len(x)] for a 1-D file. */
function quantityValues(
  datasets: H5Datasets,
  file: string,
  name: string,
  nx: number,
  ny: number | undefined,
): Float64Array {
  const dataset = datasets.get(name) as { shape: number[]; values: Float64Array };
  const shape = dataset.shape.join(', ');
  const fits =
    ny === undefined
      ? dataset.shape.length === 1 && dataset.shape[0] === nx
      : dataset.shape.length === 2 &&
        ((dataset.shape[0] === nx && dataset.shape[1] === ny) || (dataset.shape[0] === ny && dataset.shape[1] === nx));
  if (!fits) {
    const expected =
      ny === undefined ? `[${nx}] (len(xcoordinates))` : `[${nx}, ${ny}] (len(xcoordinates), len(ycoordinates))`;
    throw new LossLandscapeFileError(
      file,
      datasetLabel(name),
      `has shape [${shape}], but the coordinates make it ${expected}`,
    );
  }
  return dataset.values;
}

/** A projected trajectory file (`proj_xcoord`, `proj_ycoord`) as one run whose `projection` holds its points in order. */
function trajectoryRun(file: string, datasets: H5Datasets): RunRecord {
  const [xs, ys] = (['proj_xcoord', 'proj_ycoord'] as const).map((name) => {
    const dataset = datasets.get(name);
    if (!dataset)
      throw new LossLandscapeFileError(
        file,
        datasetLabel(name),
        'missing (loss-landscape trajectory files have proj_xcoord and proj_ycoord)',
      );
    if (!('values' in dataset) || dataset.shape.length !== 1)
      throw new LossLandscapeFileError(file, datasetLabel(name), 'is not a 1-D list of numbers');
    if (!dataset.values.every(Number.isFinite))
      throw new LossLandscapeFileError(file, datasetLabel(name), 'holds a value that is not finite');
    return dataset.values;
  }) as [Float64Array, Float64Array];
  if (xs.length !== ys.length)
    throw new LossLandscapeFileError(
      file,
      datasetLabel('proj_ycoord'),
      `holds ${ys.length} values, proj_xcoord ${xs.length}`,
    );
  return {
    name: file,
    status: 'completed',
    loss: [],
    gradNorm: [],
    events: [],
    projection: Array.from(xs, (x, k) => [x, ys[k]!]),
  };
}

/**
 * A run file's landscape in loss-landscape's layout: float64 `xcoordinates` (and
 * `ycoordinates`), the landscape's quantity (`source.quantity`, else train_loss) and every extra
 * declared [len(x), len(y)] holding z in flat order j·len(x) + i (null → NaN), and `dir_file`
 * when the run file came from one. Throws with the field at fault when there is no landscape.
 */
export function surfaceDatasets(runFile: RunFile, file: string): Map<string, H5Dataset> {
  const landscape = runFile.landscape;
  const quantity = runFile.source?.quantity ?? DEFAULT_QUANTITY;
  const datasets = new Map<string, H5Dataset>();
  if (runFile.source?.dirFile !== undefined) datasets.set(DIR_FILE, { shape: [], text: runFile.source.dirFile });
  const toFloat = (values: readonly (number | null)[]): Float64Array =>
    Float64Array.from(values, (v) => v ?? Number.NaN);
  if (landscape?.alphas && landscape.betas && landscape.loss) {
    const { alphas, betas } = landscape;
    datasets.set('xcoordinates', { shape: [alphas.length], values: Float64Array.from(alphas) });
    datasets.set('ycoordinates', { shape: [betas.length], values: Float64Array.from(betas) });
    for (const [name, z] of [[quantity, landscape.loss], ...Object.entries(landscape.extra ?? {})] as [
      string,
      unknown,
    ][]) {
      if (!isGrid(z, alphas.length, betas.length))
        throw new LossLandscapeFileError(
          file,
          `landscape${name === quantity ? '.loss' : `.extra.${name}`}`,
          `is not a grid of ${betas.length} rows of ${alphas.length} values (betas × alphas)`,
        );
      datasets.set(name, { shape: [alphas.length, betas.length], values: toFloat(z.flat()) });
    }
    return datasets;
  }
  if (landscape?.curve) {
    const { t, loss } = landscape.curve;
    datasets.set('xcoordinates', { shape: [t.length], values: Float64Array.from(t) });
    for (const [name, values] of [[quantity, loss], ...Object.entries(landscape.extra ?? {})] as [string, unknown][]) {
      if (
        !Array.isArray(values) ||
        values.length !== t.length ||
        values.some((v) => v !== null && typeof v !== 'number')
      ) {
        throw new LossLandscapeFileError(
          file,
          `landscape${name === quantity ? '.curve.loss' : `.extra.${name}`}`,
          `is not a list of ${t.length} values (one per curve.t)`,
        );
      }
      datasets.set(name, { shape: [t.length], values: toFloat(values as (number | null)[]) });
    }
    return datasets;
  }
  throw new LossLandscapeFileError(file, 'landscape', 'no surface to export (needs alphas, betas and loss, or curve)');
}

function isGrid(z: unknown, nx: number, ny: number): z is (number | null)[][] {
  return (
    Array.isArray(z) &&
    z.length === ny &&
    z.every((row) => Array.isArray(row) && row.length === nx && row.every((v) => v === null || typeof v === 'number'))
  );
}
