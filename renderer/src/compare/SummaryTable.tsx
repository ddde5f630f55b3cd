import { useId, useMemo, useState } from 'react';
import { formatValue } from '../../../shared/format-number';
import { useAppStore } from '../store/app-store';
import { sortSummaries, summariesToCsv, summarizeRun, type SummaryColumn } from './run-summary';
import { differingSettings } from './setting-differences';

const COLUMNS: { key: SummaryColumn; label: string; description: string }[] = [
  { key: 'name', label: 'Run', description: 'run name' },
  { key: 'finalLoss', label: 'Final', description: 'final loss' },
  { key: 'bestLoss', label: 'Best', description: 'best loss' },
  { key: 'stepsToThreshold', label: 'Steps ≤ T', description: 'steps to reach the threshold' },
  { key: 'events', label: 'Events', description: 'events counted' },
  { key: 'status', label: 'Status', description: 'status' },
];

const DEFAULT_THRESHOLDS = { function: 1e-3, network: 0.1 };

function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The runs side by side in numbers: final and best loss, steps to reach a loss threshold,
 * events and status. Sorts by any column, exports CSV, and says what differs between the runs.
 */
export function SummaryTable() {
  const runs = useAppStore((state) => state.runs);
  const kind = useAppStore((state) => state.kind);
  // One threshold per problem kind, so switching between functions and networks does not carry a
  // function's 0.001 over to cross-entropy losses that never reach it.
  const [thresholds, setThresholds] = useState<Record<typeof kind, number>>(DEFAULT_THRESHOLDS);
  const threshold = thresholds[kind];
  const [sort, setSort] = useState<{ column: SummaryColumn; ascending: boolean }>({
    column: 'finalLoss',
    ascending: true,
  });
  const thresholdId = useId();
  // Recomputed on every render: the runs array changes with each frames message, as counts grow.
  const rows = sortSummaries(
    runs.map((run) => summarizeRun(run, threshold)),
    sort.column,
    sort.ascending,
  );
  const differs = useMemo(
    () =>
      differingSettings(
        runs.map((run) => run.settings),
        kind,
      ),
    [runs, kind],
  );
  // An empty section keeps the inspector's grid rows in place.
  if (runs.length === 0) return <section className="summary" aria-label="Summary" hidden />;
  return (
    <section className="summary" aria-label="Summary">
      <h2>Summary</h2>
      <div className="summary-controls">
        <label htmlFor={thresholdId}>Threshold T</label>
        <input
          id={thresholdId}
          type="number"
          step="any"
          value={threshold}
          onChange={(event) =>
            Number.isFinite(event.target.valueAsNumber) &&
            setThresholds({ ...thresholds, [kind]: event.target.valueAsNumber })
          }
        />
        <button type="button" onClick={() => download(summariesToCsv(rows, threshold), 'gradscape-summary.csv')}>
          Export CSV
        </button>
      </div>
      <table>
        <thead>
          <tr>
            {COLUMNS.map(({ key, label, description }) => (
              <th key={key} aria-sort={sort.column === key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
                <button
                  type="button"
                  aria-label={`Sort by ${description}`}
                  onClick={() => setSort({ column: key, ascending: sort.column === key ? !sort.ascending : true })}
                >
                  {label}
                  {sort.column === key ? (sort.ascending ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td title={row.name}>{row.name}</td>
              <td>{formatValue(row.finalLoss)}</td>
              <td>{formatValue(row.bestLoss)}</td>
              <td>{row.stepsToThreshold ?? '—'}</td>
              <td>{row.events}</td>
              <td title={row.status}>{row.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint" aria-live="polite">
        {runs.length < 2
          ? 'Add runs to compare them.'
          : differs.length
            ? `The runs differ in: ${differs.join(', ')}.`
            : 'The runs have the same settings.'}
      </p>
    </section>
  );
}
