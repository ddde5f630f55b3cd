import { readFileSync } from 'node:fs';
import type { Activation, LossName } from '../../../shared/spec/network-spec';
import type { Dataset } from '../../../electron/engine/network/dataset';

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
  filterNormalization: { sizes: number[]; center: number[]; direction: number[]; normalized: { zero: number[]; filter: number[] } };
}

export const fixture = JSON.parse(readFileSync(new URL('../../fixtures/landscape.json', import.meta.url), 'utf8')) as LandscapeFixture;

export function datasetOf(c: { x: number[]; y: number[]; rows: number; sizes: number[] }): Dataset {
  const features = c.sizes[0]!;
  return {
    x: Float32Array.from(c.x),
    y: Float32Array.from(c.y),
    rows: c.rows,
    features,
    featureNames: Array.from({ length: features }, (_, i) => `x${i + 1}`),
    targetName: 'y',
  };
}

export const relativeError = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
