import { readFileSync } from 'node:fs';

/** tests/fixtures/optimizers.json, written by scripts/fixtures/optimizers.py with PyTorch in float64. */
export interface OptimizerFixture {
  torch: string;
  steps: number;
  /** Each torch optimizer's constructor defaults, in camelCase (lion: the paper's reference). */
  torchDefaults: Record<string, Record<string, unknown>>;
  runs: {
    function: string;
    start: [number, number];
    optimizer: Record<string, unknown>;
    schedule?: Record<string, unknown>;
    clipNorm?: number;
    /** x, y interleaved; steps + 1 points, the start first. */
    trajectory: number[];
  }[];
  schedules: { schedule: Record<string, unknown>; baseLr: number; lr: number[] }[];
  clip: { grad: number[]; maxNorm: number; norm: number; clipped: number[] }[];
}

export const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/optimizers.json', import.meta.url), 'utf8'),
) as OptimizerFixture;
