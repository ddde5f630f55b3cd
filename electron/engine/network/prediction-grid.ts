import type { Dataset } from './dataset';

/**
 * Where to ask a network for its predictions so the app can draw what it has learned: a
 * GRID × GRID lattice over the data's box (2 inputs: the decision boundary), or CURVE points
 * along it (1 input: the fitted curve). Datasets with more inputs get none.
 */
export interface PredictionGrid {
  /** Input coordinates along each axis; y only for 2 inputs. */
  x: Float64Array;
  y?: Float64Array;
  /** The lattice as model inputs, row-major (y outer, x inner). */
  inputs: Float32Array;
  rows: number;
}

const GRID = 64;
const CURVE = 200;
/** Room around the data, as a fraction of its extent, so the boundary shows beyond the points. */
const MARGIN = 0.1;

export function createPredictionGrid(dataset: Dataset): PredictionGrid | null {
  if (dataset.features !== 1 && dataset.features !== 2) return null;
  const axes = Array.from({ length: dataset.features }, (_, feature) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < dataset.rows; r++) {
      const v = dataset.x[r * dataset.features + feature]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const pad = (hi - lo || 1) * MARGIN;
    const count = dataset.features === 1 ? CURVE : GRID;
    return Float64Array.from({ length: count }, (_, i) => lo - pad + ((hi - lo + 2 * pad) * i) / (count - 1));
  });
  const [x, y] = axes as [Float64Array, Float64Array | undefined];
  if (!y) return { x, inputs: Float32Array.from(x), rows: x.length };
  const inputs = new Float32Array(2 * x.length * y.length);
  for (let j = 0; j < y.length; j++) {
    for (let i = 0; i < x.length; i++) {
      const k = j * x.length + i;
      inputs[2 * k] = x[i]!;
      inputs[2 * k + 1] = y[j]!;
    }
  }
  return { x, y, inputs, rows: x.length * y.length };
}
