import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvDataset } from './csv-dataset';
import type { Dataset } from './dataset';

/** Where the checkout keeps Fisher's Iris data (its source: data/README.md). */
const IRIS_CSV = join('electron', 'engine', 'network', 'data', 'iris.csv');

/** Iris: 150 rows, 4 measurements in cm, `species` 0, 1, 2. */
export function loadIris(): Promise<Dataset> {
  return readCsvDataset(findIrisCsv(), 'species');
}

/** Looks up from this module, which runs from the sources or bundled into dist/, for the checkout's copy. */
function findIrisCsv(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, IRIS_CSV);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`the shipped ${IRIS_CSV} is missing`);
    dir = parent;
  }
}
