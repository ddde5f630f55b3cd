import { readFileSync } from 'node:fs';
import type { Activation, LossName } from '../../../shared/spec/network-spec';

/** tests/fixtures/landscape.json, written by scripts/fixtures/landscape.py with PyTorch in float64. */
export interface LandscapeFixture {
  torch: string;
  grids: {
    name: string;
    sizes: number[];
    activation: Activation;
    loss: LossName;
    rows: number;
    x: number[];
    y: number[];
    center: number[];
    d1: number[];
    d2: number[];
    alphas: number[];
    betas: number[];
    /** loss_grid[j][i] at center + alphas[i]·d1 + betas[j]·d2. */
    loss_grid: number[][];
  }[];
  pca: { checkpoints: number[][]; final: number[]; d1: number[]; d2: number[]; explainedVariance: [number, number] };
  filterNormalization: {
    sizes: number[];
    center: number[];
    direction: number[];
    normalized: { zero: number[]; filter: number[] };
  };
}

export const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/landscape.json', import.meta.url), 'utf8'),
) as LandscapeFixture;
