import { readShippedText } from '../shipped-file';
import { parseCsvDataset } from './csv-dataset';
import type { Dataset } from './dataset';

/** Fisher's Iris data (its source: data/README.md), beside this module and copied into dist/data by the build. */
const IRIS_CSV = 'data/iris.csv';

/** Iris: 150 rows, 4 measurements in cm, `species` 0, 1, 2. */
export async function loadIris(): Promise<Dataset> {
  return parseCsvDataset(await readShippedText(import.meta.url, IRIS_CSV), 'species', IRIS_CSV);
}
