import type { RunEntry } from '../store/app-model';

export interface RunSummary {
  id: string;
  name: string;
  finalLoss: number;
  bestLoss: number;
  /** First step whose loss is at or below the threshold; null if none. */
  stepsToThreshold: number | null;
  events: number;
  status: string;
}

/** How far each series has been scanned, so the table, redrawn as frames stream in, reads only new points. */
interface Scan {
  threshold: number;
  scanned: number;
  best: number;
  reached: number | null;
}
const scans = new WeakMap<RunEntry['series'], Scan>();

/** The table's figures for one run, from its streamed series. */
export function summarizeRun(run: RunEntry, threshold: number): RunSummary {
  const { loss, count } = run.series;
  let scan = scans.get(run.series);
  if (!scan || scan.threshold !== threshold || scan.scanned > count) {
    scan = { threshold, scanned: 0, best: Infinity, reached: null };
    scans.set(run.series, scan);
  }
  for (let k = scan.scanned; k < count; k++) {
    const value = loss[k]!;
    if (value < scan.best) scan.best = value;
    if (scan.reached === null && value <= threshold) scan.reached = k;
  }
  scan.scanned = count;
  const { best, reached } = scan;
  return {
    id: run.id,
    name: run.name,
    finalLoss: count ? loss[count - 1]! : NaN,
    bestLoss: count ? best : NaN,
    stepsToThreshold: reached,
    events: run.events.length,
    status: run.status,
  };
}

export type SummaryColumn = Exclude<keyof RunSummary, 'id'>;

/** Sorted copy; missing values (NaN, null) last whichever the direction. */
export function sortSummaries(rows: RunSummary[], column: SummaryColumn, ascending: boolean): RunSummary[] {
  const key = (row: RunSummary): number | string | null => {
    const value = row[column];
    return typeof value === 'number' && Number.isNaN(value) ? null : value;
  };
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return ascending ? order : -order;
  });
}

const CSV_COLUMNS: SummaryColumn[] = ['name', 'finalLoss', 'bestLoss', 'stepsToThreshold', 'events', 'status'];

/** RFC 4180: quote a field that holds a comma, a quote or a line break. */
const csvField = (value: unknown): string => {
  const text = value === null || (typeof value === 'number' && Number.isNaN(value)) ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function summariesToCsv(rows: RunSummary[], threshold: number): string {
  const header = CSV_COLUMNS.map((column) => (column === 'stepsToThreshold' ? `stepsToLoss<=${threshold}` : column));
  return (
    [header, ...rows.map((row) => CSV_COLUMNS.map((column) => row[column]))]
      .map((line) => line.map(csvField).join(','))
      .join('\n') + '\n'
  );
}
