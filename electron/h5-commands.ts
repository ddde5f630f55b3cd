import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readH5, writeH5 } from '../shared/h5-files';
import { importSurface, LossLandscapeFileError, surfaceDatasets, type H5Datasets } from '../shared/loss-landscape-h5';
import { describeIssue } from '../shared/describe-issue';
import { runFileSchema } from '../shared/run-file';
import { InvalidInputError } from './engine/invalid-input';
import { writeFileAtomic } from './host/atomic-write';

/** `gradscape import` and `export-h5`: loss-landscape's .h5 surfaces in and out (docs/formats.md). */

export interface ImportArgs {
  surface: string;
  trajectory?: string;
  quantity?: string;
  out: string;
}

export async function importCommand(args: ImportArgs, progress: (line: string) => void): Promise<void> {
  const surface = await readHdf5(args.surface);
  const trajectory =
    args.trajectory === undefined
      ? undefined
      : { file: basename(args.trajectory), datasets: await readHdf5(args.trajectory) };
  const imported = fileErrorsAsInput(() =>
    importSurface(surface, { file: basename(args.surface), quantity: args.quantity, trajectory }),
  );
  const { runFile, nonFinite, unfilled, quantities } = imported;
  const landscape = runFile.landscape!;
  const grid = landscape.alphas
    ? `${landscape.alphas.length} × ${landscape.betas!.length} grid`
    : `1-D curve of ${landscape.curve!.t.length} points`;
  const notes = [
    `${nonFinite} value${nonFinite === 1 ? '' : 's'} not finite written as null`,
    ...(unfilled
      ? [
          `${unfilled} point${unfilled === 1 ? '' : 's'} of ${quantities[0]} still hold${unfilled === 1 ? 's' : ''} the -1 fill of an unfinished job`,
        ]
      : []),
    ...(runFile.runs.length ? [`trajectory of ${(runFile.runs[0]!.projection as unknown[]).length} points`] : []),
  ];
  progress(
    `${basename(args.surface)}: ${quantities[0]} on a ${grid}, ${quantities.length} quantities (${quantities.join(', ')}); ${notes.join('; ')}`,
  );
  await writeFileAtomic(args.out, `${JSON.stringify(runFile)}\n`);
}

export async function exportH5Command(runPath: string, out: string): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(runPath, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InvalidInputError(
      `${runPath}: ${code ? `cannot read (${code})` : `not valid JSON (${(error as Error).message})`}`,
    );
  }
  const parsed = runFileSchema.safeParse(json);
  if (!parsed.success) throw new InvalidInputError(`${runPath}: ${describeIssue(parsed.error, 'run file')}`);
  const datasets = fileErrorsAsInput(() => surfaceDatasets(parsed.data, runPath));
  await writeFileAtomic(out, await writeH5(datasets));
}

async function readHdf5(path: string): Promise<H5Datasets> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InvalidInputError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const datasets = await readH5(bytes);
  if (!datasets) throw new InvalidInputError(`${path}: not an HDF5 file`);
  return datasets;
}

function fileErrorsAsInput<T>(convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof LossLandscapeFileError) throw new InvalidInputError(error.message);
    throw error;
  }
}
