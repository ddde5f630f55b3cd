import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { formatLimit, MAX_CSV_BYTES } from '../shared/limits';
import type { ExperimentSpec, LoadedExperimentSpec } from '../shared/spec/spec';
import { InvalidInputError } from './engine/invalid-input';

/** A file that has not arrived by then (a stalled network mount) is given up on. */
const READ_TIMEOUT_MS = 10_000;

/**
 * The text of a file named on the command line or in a spec: a regular file only, of at most
 * maxBytes, read within a timeout, UTF-8. A FIFO, tty or device is refused before any read (the
 * open does not wait for a FIFO's writer). Errors name the file and the problem, never its text.
 */
export async function readUserFile(path: string, maxBytes: number): Promise<string> {
  const refuse = (problem: string): never => {
    throw new InvalidInputError(`${path}: ${problem}`);
  };
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return refuse(`cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) refuse('is not a regular file');
    if (stats.size > maxBytes) refuse(`is ${formatLimit(stats.size)} bytes; the limit is ${formatLimit(maxBytes)}`);
    let bytes: Buffer;
    try {
      bytes = await handle.readFile({ signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
    } catch (error) {
      const name = (error as Error).name;
      return refuse(
        name === 'TimeoutError' || name === 'AbortError'
          ? `could not be read within ${READ_TIMEOUT_MS / 1000} s`
          : `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    // It may have grown since the stat.
    if (bytes.length > maxBytes) refuse(`is over ${formatLimit(maxBytes)} bytes, the limit`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return refuse('is not UTF-8 text');
    }
  } finally {
    await handle.close();
  }
}

/**
 * The spec with its CSV file read (a relative path starts at the spec file's folder): the one
 * place a spec's paths are resolved, so training and the landscape use the same data, and the
 * engine is given the content, never a path.
 */
export async function loadSpecFiles(spec: ExperimentSpec, specPath: string): Promise<LoadedExperimentSpec> {
  const { problem } = spec;
  if (!('mlp' in problem) || !('csv' in problem.mlp.dataset)) return spec as LoadedExperimentSpec;
  const { csv, target, seed } = problem.mlp.dataset;
  const path = resolve(dirname(resolve(specPath)), csv);
  let csvText: string;
  try {
    csvText = await readUserFile(path, MAX_CSV_BYTES);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(`problem.mlp.dataset.csv: ${error.message}`);
    throw error;
  }
  return { ...spec, problem: { mlp: { ...problem.mlp, dataset: { csvText, file: basename(path), target, seed } } } };
}
