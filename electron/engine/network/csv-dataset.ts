import { CsvError, parse } from 'csv-parse/sync';
import { formatLimit, MAX_CSV_COLUMNS, MAX_DATASET_ROWS } from '../../../shared/limits';
import { InvalidInputError } from '../invalid-input';
import type { Dataset } from './dataset';

/** How many bad rows one error lists before it only counts the rest. */
const LISTED_BAD_ROWS = 10;

/**
 * A CSV (RFC 4180: quoted fields with commas, quotes and line breaks, CRLF, a BOM) with a header
 * row and numeric columns; `target` is the column to predict, the others are the inputs. Every
 * bad row is reported, by line number, in one error: none is dropped. Blank lines hold no row.
 * Messages name `source` (the file the user chose), lines and column numbers, never the file's
 * text: the file may be anything the user pointed at.
 */
export function parseCsvDataset(text: string, target: string, source: string): Dataset {
  const fail = (problem: string): never => {
    throw new InvalidInputError(`${source}: ${problem}`);
  };
  let header: string[] | undefined;
  let targetColumn = -1;
  const x: number[] = [];
  const y: number[] = [];
  const problems: string[] = [];
  let rows = 0;
  const takeRecord = (fields: string[], line: number): void => {
    if (!header) {
      header = fields;
      if (header.length > MAX_CSV_COLUMNS)
        fail(`the header has ${header.length} columns; the limit is ${MAX_CSV_COLUMNS}`);
      const duplicate = header.findIndex((name, i) => header!.indexOf(name) !== i);
      if (duplicate >= 0)
        fail(`columns ${header.indexOf(header[duplicate]!) + 1} and ${duplicate + 1} of the header have the same name`);
      targetColumn = header.indexOf(target);
      if (targetColumn < 0) fail(`no column "${target}" among the header’s ${header.length} columns`);
      if (header.length < 2) fail(`needs at least one input column besides "${target}"`);
      return;
    }
    if (++rows > MAX_DATASET_ROWS) fail(`holds more than ${formatLimit(MAX_DATASET_ROWS)} data rows, the limit`);
    if (fields.length !== header.length) {
      problems.push(`line ${line}: ${fields.length} values where the header has ${header.length}`);
      return;
    }
    const values = fields.map(Number);
    const bad = fields.findIndex((field, column) => field === '' || !Number.isFinite(values[column]));
    if (bad >= 0) {
      problems.push(`line ${line}: column ${bad + 1} is not a finite number`);
      return;
    }
    values.forEach((value, column) => (column === targetColumn ? y.push(value) : x.push(value)));
  };
  try {
    parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      // A file edited on two systems may mix line endings.
      record_delimiter: ['\r\n', '\n', '\r'],
      // Rows of the wrong length are reported with the others, by line.
      relax_column_count: true,
      on_record: (fields: string[], { lines }) => {
        takeRecord(fields, lines);
        // Nothing is kept by the parser: the numbers are taken as each row is read.
        return null;
      },
    });
  } catch (error) {
    // The parser's own messages quote the text around the fault: name only the line and the kind.
    if (error instanceof CsvError) fail(`line ${error.lines}: not valid CSV (${describeCsvError(error.code)})`);
    throw error;
  }
  if (!header) fail('the file is empty; it needs a header row and data rows');
  if (problems.length) {
    const listed = problems.slice(0, LISTED_BAD_ROWS).join('; ');
    const more = problems.length > LISTED_BAD_ROWS ? `; and ${problems.length - LISTED_BAD_ROWS} more` : '';
    fail(`${problems.length} bad row${problems.length > 1 ? 's' : ''}: ${listed}${more}`);
  }
  if (!y.length) fail('has a header but no data rows');
  return {
    x: Float32Array.from(x),
    y: Float32Array.from(y),
    rows: y.length,
    features: header!.length - 1,
    featureNames: header!.filter((_, column) => column !== targetColumn),
    targetName: target,
  };
}

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by more text',
  INVALID_OPENING_QUOTE: 'a quote opens inside a field',
  CSV_MAX_RECORD_SIZE: 'a record is too long',
};

const describeCsvError = (code: string): string => CSV_ERRORS[code] ?? code;
