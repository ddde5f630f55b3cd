import { create } from 'zustand';
import { readH5 } from '../../../shared/h5-files';
import {
  DEFAULT_QUANTITY,
  importSurface,
  LossLandscapeFileError,
  type H5Dataset,
  type H5Datasets,
} from '../../../shared/loss-landscape-h5';
import type { SessionFileInput, SessionImportedSurface } from '../../../shared/session-file';
import { useAppStore } from './app-store';

/**
 * Surfaces opened from loss-landscape .h5 files (docs/formats.md), in the shape of a network
 * landscape slice: the grid's alphas and betas, each quantity's values row-major
 * (values[j · alphas.length + i], NaN where the file has NaN or ±inf), and the trajectory's
 * (α, β) interleaved. Parsed in the renderer with the CLI's own conversion (shared/).
 */
export interface ImportedLandscape {
  id: number;
  file: string;
  alphas: Float64Array;
  betas: Float64Array;
  /** Every quantity by name; `quantities` lists them, the file's default first. */
  grids: ReadonlyMap<string, Float64Array>;
  quantities: string[];
  quantity: string;
  trajectory?: { file: string; coordinates: Float64Array };
  /** The file's datasets, kept so a trajectory dropped later is checked against it as the CLI checks. */
  datasets: H5Datasets;
}

interface ImportedState {
  surfaces: ImportedLandscape[];
  /** Reads dropped or opened .h5 files: surfaces open, a trajectory goes onto the surface opened with it or last. */
  open(files: readonly { name: string; bytes: Uint8Array }[]): Promise<void>;
  chooseQuantity(id: number, quantity: string): void;
  close(id: number): void;
  /** The surfaces as a session keeps them, and back. */
  capture(): NonNullable<SessionFileInput['imported']>;
  restore(saved: readonly SessionImportedSurface[]): void;
}

let nextId = 1;
const TRAJECTORY_DATASET = 'proj_xcoord';

export const useImportedLandscapes = create<ImportedState>()((set, get) => ({
  surfaces: [],
  async open(files) {
    try {
      const read = await Promise.all(
        files.map(async ({ name, bytes }) => {
          const datasets = await readH5(bytes);
          if (!datasets) throw new LossLandscapeFileError(name, undefined, 'not an HDF5 file');
          return { name, datasets };
        }),
      );
      const trajectories = read.filter(
        (file) => file.datasets.has(TRAJECTORY_DATASET) && !file.datasets.has('xcoordinates'),
      );
      const surfaces = read.filter((file) => !trajectories.includes(file));
      const opened = surfaces.map((file, k) =>
        toLandscape(file.name, file.datasets, k === surfaces.length - 1 ? trajectories[0] : undefined),
      );
      const all = [...get().surfaces, ...opened];
      if (!surfaces.length && trajectories.length) {
        const target = [...all].reverse().find((surface) => surface.betas.length > 0);
        if (!target)
          throw new LossLandscapeFileError(
            trajectories[0]!.name,
            undefined,
            'a trajectory needs a 2-D surface opened first',
          );
        all[all.indexOf(target)] = toLandscape(target.file, target.datasets, trajectories[0], target.quantity);
      }
      set({ surfaces: all });
    } catch (error) {
      useAppStore.setState({ notice: `Could not open ${(error as Error).message}` });
    }
  },
  chooseQuantity(id, quantity) {
    set({
      surfaces: get().surfaces.map((surface) =>
        surface.id === id && surface.grids.has(quantity) ? { ...surface, quantity } : surface,
      ),
    });
  },
  close(id) {
    set({ surfaces: get().surfaces.filter((surface) => surface.id !== id) });
  },
  capture() {
    return get().surfaces.map(({ file, alphas, betas, quantity, quantities, grids, trajectory }) => ({
      file,
      alphas,
      betas,
      quantity,
      quantities: quantities.map((name) => ({ name, values: grids.get(name)! })),
      ...(trajectory ? { trajectory } : {}),
    }));
  },
  restore(saved) {
    // Back through the files' own checks, as datasets in loss-landscape's layout.
    set({
      surfaces: saved.map((surface) =>
        toLandscape(surface.file, savedDatasets(surface), savedTrajectory(surface), surface.quantity),
      ),
    });
  },
}));

function savedDatasets({ alphas, betas, quantities }: SessionImportedSurface): H5Datasets {
  const shape = betas.length ? [alphas.length, betas.length] : [alphas.length];
  const datasets = new Map<string, H5Dataset>([['xcoordinates', { shape: [alphas.length], values: alphas }]]);
  if (betas.length) datasets.set('ycoordinates', { shape: [betas.length], values: betas });
  for (const { name, values } of quantities) datasets.set(name, { shape, values });
  return datasets;
}

function savedTrajectory({ trajectory }: SessionImportedSurface): { name: string; datasets: H5Datasets } | undefined {
  if (!trajectory) return undefined;
  const { coordinates } = trajectory;
  const half = coordinates.length / 2;
  const every = (offset: number): Float64Array =>
    Float64Array.from({ length: half }, (_, k) => coordinates[2 * k + offset]!);
  return {
    name: trajectory.file,
    datasets: new Map([
      ['proj_xcoord', { shape: [half], values: every(0) }],
      ['proj_ycoord', { shape: [half], values: every(1) }],
    ]),
  };
}

function toLandscape(
  file: string,
  datasets: H5Datasets,
  trajectory?: { name: string; datasets: H5Datasets },
  quantity?: string,
): ImportedLandscape {
  // The file's train_loss first, as the CLI; a file without one shows its first quantity.
  const first = datasets.has(DEFAULT_QUANTITY)
    ? DEFAULT_QUANTITY
    : [...datasets].find(([name, dataset]) => 'values' in dataset && !name.endsWith('coordinates'))?.[0];
  const { runFile, quantities } = importSurface(datasets, {
    file,
    quantity: first,
    trajectory: trajectory && { file: trajectory.name, datasets: trajectory.datasets },
  });
  const landscape = runFile.landscape!;
  const flat = (values: readonly (number | null)[]): Float64Array => Float64Array.from(values, (v) => v ?? Number.NaN);
  // A 1-D file is a grid of one row at β = 0.
  const alphas = Float64Array.from(landscape.alphas ?? landscape.curve!.t);
  const betas = Float64Array.from(landscape.betas ?? []);
  const main = landscape.loss ? landscape.loss.flat() : landscape.curve!.loss;
  const grids = new Map<string, Float64Array>([[quantities[0]!, flat(main)]]);
  for (const [name, values] of Object.entries(landscape.extra ?? {}))
    grids.set(name, flat((values as (number | null)[] | (number | null)[][]).flat()));
  const projection = runFile.runs[0]?.projection as [number, number][] | undefined;
  return {
    id: nextId++,
    file,
    alphas,
    betas,
    grids,
    quantities,
    quantity: quantity ?? quantities[0]!,
    ...(projection && trajectory
      ? { trajectory: { file: trajectory.name, coordinates: Float64Array.from(projection.flat()) } }
      : {}),
    datasets,
  };
}

/** Whether a file name is an HDF5 file's, which Open and drop send here rather than to the session. */
export const isH5FileName = (name: string): boolean => /\.(h5|hdf5)$/i.test(name);

/** Browser files to the store's input. */
export async function openH5Files(files: readonly File[]): Promise<void> {
  const read = await Promise.all(
    files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  await useImportedLandscapes.getState().open(read);
}
