import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../invalid-input';
import type { Dataset } from './dataset';

/** How many bad rows one error lists before it only counts the rest. */
const LISTED_BAD_ROWS = 10;

/**
 * A CSV with a header row and numeric columns; `target` is the column to predict, the others
 * are the inputs. Every bad row is reported, by line number, in one error: none is dropped.
 * Blank lines hold no row and are skipped.
 */
export function parseCsvDataset(text: string, target: string, source: string): Dataset {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) throw new InvalidInputError(`${source}: the file is empty; it needs a header row and data rows`);
  const header = splitFields(lines[headerIndex]!);
  const duplicate = header.find((name, i) => header.indexOf(name) !== i);
  if (duplicate !== undefined) throw new InvalidInputError(`${source}: column "${duplicate}" appears twice in the header`);
  const targetColumn = header.indexOf(target);
  if (targetColumn < 0) {
    throw new InvalidInputError(`${source}: no column "${target}" in the header (columns: ${header.join(', ')})`);
  }
  if (header.length < 2) throw new InvalidInputError(`${source}: needs at least one input column besides "${target}"`);

  const features = header.length - 1;
  const x: number[] = [];
  const y: number[] = [];
  const problems: string[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const lineNumber = i + 1;
    const fields = splitFields(lines[i]!);
    if (fields.length !== header.length) {
      problems.push(`line ${lineNumber}: ${fields.length} values where the header has ${header.length}`);
      continue;
    }
    const values = fields.map(Number);
    const bad = fields.findIndex((field, column) => field === '' || !Number.isFinite(values[column]));
    if (bad >= 0) {
      problems.push(`line ${lineNumber}: "${fields[bad]}" in column "${header[bad]}" is not a finite number`);
      continue;
    }
    values.forEach((value, column) => (column === targetColumn ? y.push(value) : x.push(value)));
  }
  if (problems.length) {
    const listed = problems.slice(0, LISTED_BAD_ROWS).join('; ');
    const more = problems.length > LISTED_BAD_ROWS ? `; and ${problems.length - LISTED_BAD_ROWS} more` : '';
    throw new InvalidInputError(`${source}: ${problems.length} bad row${problems.length > 1 ? 's' : ''}: ${listed}${more}`);
  }
  if (!y.length) throw new InvalidInputError(`${source}: has a header but no data rows`);
  return {
    x: Float32Array.from(x),
    y: Float32Array.from(y),
    rows: y.length,
    features,
    featureNames: header.filter((_, column) => column !== targetColumn),
    targetName: target,
  };
}

/** Fields of one line, trimmed, with surrounding double quotes removed. */
function splitFields(line: string): string[] {
  return line.split(',').map((field) => field.trim().replace(/^"(.*)"$/, '$1'));
}

export async function readCsvDataset(path: string, target: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseCsvDataset(text, target, path);
}
