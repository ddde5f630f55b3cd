import { createRandom } from '../../../shared/random';
import { InvalidInputError } from '../invalid-input';

/** A table of examples, kept as generated or read (no standardisation). */
export interface Dataset {
  /** Inputs, row-major [rows, features]. */
  x: Float32Array;
  /** One target per row: a class index (0, 1, …) or a real value. */
  y: Float32Array;
  rows: number;
  features: number;
  featureNames: string[];
  targetName: string;
}

/** Seeds the split apart from generation, so the same seed does not reuse the same draws. */
const SPLIT_STREAM = 0x5bd1e995;

/**
 * A seeded held-out split: round(rows × testFraction) rows, at least one when the fraction is
 * above 0, go to the test set. Both parts keep the dataset's row order.
 */
export function splitDataset(dataset: Dataset, testFraction: number, seed: number): { train: Dataset; test?: Dataset } {
  if (testFraction <= 0) return { train: dataset };
  const testRows = Math.max(1, Math.round(dataset.rows * testFraction));
  if (testRows >= dataset.rows) {
    throw new InvalidInputError(`testFraction ${testFraction} leaves no training rows out of ${dataset.rows}`);
  }
  const order = Uint32Array.from({ length: dataset.rows }, (_, i) => i);
  const random = createRandom((seed ^ SPLIT_STREAM) >>> 0);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const test = order.subarray(0, testRows).sort();
  const train = order.subarray(testRows).sort();
  return { train: selectRows(dataset, train), test: selectRows(dataset, test) };
}

function selectRows(dataset: Dataset, rows: ArrayLike<number>): Dataset {
  const { features } = dataset;
  const x = new Float32Array(rows.length * features);
  const y = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    x.set(dataset.x.subarray(row * features, (row + 1) * features), i * features);
    y[i] = dataset.y[row]!;
  }
  return { ...dataset, x, y, rows: rows.length };
}
