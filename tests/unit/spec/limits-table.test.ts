import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as limits from '../../../shared/limits';
import { repoRoot } from '../../support/paths';

/** docs/formats.md's "Limits" table, row label → limit text. */
function limitsTable(): Map<string, string> {
  const text = readFileSync(join(repoRoot, 'docs', 'formats.md'), 'utf8');
  const start = text.indexOf('## Limits');
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| what') && !line.startsWith('| ---'));
  return new Map(
    rows.map((line) => line.split('|').map((cell) => cell.trim())).map(([, what, limit]) => [what!, limit!]),
  );
}

describe('the limits table in docs/formats.md', () => {
  it('gives the numbers shared/limits.ts enforces, each of them', () => {
    const table = limitsTable();
    const row = (label: string): string => table.get(label) ?? `no row "${label}"`;
    const shown = (value: number): string => limits.formatLimit(value);
    const expected: [string, string, number[]][] = [
      ['steps of one run', row('steps of one run'), [limits.MAX_RUN_STEPS]],
      ['runs', row('runs in a spec or session'), [limits.MAX_RUNS]],
      ['total steps', row("steps of all of a spec's runs together"), [limits.MAX_TOTAL_STEPS]],
      ['layers', row('hidden layers; units in one'), [limits.MAX_HIDDEN_LAYERS, limits.MAX_LAYER_WIDTH]],
      ['parameters', row('network parameters (weights and biases)'), [limits.MAX_PARAMETERS]],
      ['rows', row('dataset rows (`samples`, CSV data rows)'), [limits.MAX_DATASET_ROWS]],
      ['batchSize', row('`batchSize`'), [limits.MAX_DATASET_ROWS]],
      ['CSV', row('CSV file'), [limits.MAX_CSV_BYTES, limits.MAX_CSV_COLUMNS]],
      ['spec', row('spec file'), [limits.MAX_SPEC_BYTES]],
      ['landscape', row('landscape: grid points × training rows × parameters'), [limits.MAX_LANDSCAPE_WORK]],
      ['session arrays', row('session file: numbers in one array'), [limits.MAX_PARAMETERS]],
      [
        'session events',
        row('session file: events of one run; checkpoints of one run'),
        [limits.MAX_SESSION_EVENTS, limits.MAX_SESSION_CHECKPOINTS],
      ],
    ];
    for (const [what, text, values] of expected) {
      for (const value of values)
        expect(text, what).toMatch(new RegExp(`(^|[^\\d,])${shown(value).replace(/[.+]/g, '\\$&')}([^\\d,]|$)`));
    }
    expect(table.size).toBe(expected.length);
  });
});
