/**
 * The sizes Gradscape accepts, each refused at validation with one line naming the field and the
 * limit. docs/formats.md ("Limits") lists the same numbers; change both together.
 */

/** Steps of one run. */
export const MAX_RUN_STEPS = 1_000_000;
/** Runs in one spec or session. */
export const MAX_RUNS = 64;
/** Steps of all of one spec's runs together: bounds the run file (about 80 bytes a function step). */
export const MAX_TOTAL_STEPS = 10_000_000;
/** Hidden layers of a network, and units in one. */
export const MAX_HIDDEN_LAYERS = 32;
export const MAX_LAYER_WIDTH = 4096;
/** Weights and biases of a network together. */
export const MAX_PARAMETERS = 50_000_000;
/** Rows of a dataset: generated samples, CSV data rows. A larger batchSize is the full batch. */
export const MAX_DATASET_ROWS = 100_000;
/** A CSV dataset's text, in bytes (UTF-8), and its columns (inputs and target). */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;
export const MAX_CSV_COLUMNS = 4_096;
/** A spec file's text, in bytes. */
export const MAX_SPEC_BYTES = 4 * 1024 * 1024;
/** Landscape grid points × training rows × parameters: one loss evaluation of every point. */
export const MAX_LANDSCAPE_WORK = 1e13;
/** Events of one run in a session file. */
export const MAX_SESSION_EVENTS = 100_000;
/** Checkpoints of one run in a session file (the engine keeps at most 101). */
export const MAX_SESSION_CHECKPOINTS = 101;

/** A whole number as the limits table writes it: 50,000,000. */
export const formatLimit = (limit: number): string =>
  limit >= 1e11 ? limit.toExponential().replace('e+', 'e') : limit.toLocaleString('en-US');

/** One line naming the limit when a landscape of this many points, rows and parameters costs too much, else null. */
export function landscapeWorkProblem(points: number, rows: number, parameters: number): string | null {
  const work = points * rows * parameters;
  return work > MAX_LANDSCAPE_WORK
    ? `the landscape needs ${work.toExponential(2)} evaluations (grid points × rows × parameters); the limit is ${formatLimit(MAX_LANDSCAPE_WORK)}`
    : null;
}

/** Layer widths from inputs to outputs → weights and biases: Σ (in + 1) · out. */
export function countParameters(sizes: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < sizes.length; i++) total += (sizes[i - 1]! + 1) * sizes[i]!;
  return total;
}
