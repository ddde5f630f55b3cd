import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

/** tests/fixtures/loss-landscape/*.h5 and what h5py reads from them (scripts/fixtures/loss_landscape_h5.py). */

export const h5FixtureDir = join(repoRoot, 'tests', 'fixtures', 'loss-landscape');
export const h5Fixture = (name: string): string => join(h5FixtureDir, name);

type DumpValue = number | 'NaN' | 'Infinity' | '-Infinity';
export type DumpedDataset =
  { dtype: string; shape: number[]; values: DumpValue[] } | { dtype: 'string'; shape: number[]; value: string };

export const h5pyDumps = JSON.parse(
  readFileSync(join(repoRoot, 'tests', 'fixtures', 'loss-landscape.json'), 'utf8'),
) as {
  files: Record<string, { datasets: Record<string, DumpedDataset> }>;
  surface2dPoints: { i: number; j: number; x: number; y: number; train_loss: number }[];
};

/** A dumped value as a number (NaN and infinities were written as strings). */
export const dumpedNumber = (value: DumpValue): number => (typeof value === 'number' ? value : Number(value));

/** The flat values of a numeric dataset of a fixture, as numbers. */
export function dumpedValues(file: string, dataset: string): number[] {
  const dumped = h5pyDumps.files[file]!.datasets[dataset]!;
  if (!('values' in dumped)) throw new Error(`${file}/${dataset} holds text`);
  return dumped.values.map(dumpedNumber);
}

/** What a run file holds for a value: JSON has null for NaN and infinities. */
export const asRunFileValue = (value: number): number | null => (Number.isFinite(value) ? value : null);
