/**
 * Ratios that hold still while a shared machine's load drifts: the sides of a comparison are
 * timed in alternating short rounds (ours, then the reference, again and again), so each round's
 * ratio compares the two under nearly the same load, and the median of those ratios is reported
 * with their range.
 */

/** A side's work: time itself for about `seconds` and return its rate (higher is better). */
export type Round = (seconds: number) => Promise<number>;

export const DEFAULT_ROUNDS = 5;
const DEFAULT_ROUND_SECONDS = 1;

/**
 * Each side's rate in each round, the sides taking turns in their order within every round; a
 * side left undefined (a reference missing on this machine) is skipped.
 */
export async function interleave<Side extends string>(
  sides: Partial<Record<Side, Round>>,
  rounds = DEFAULT_ROUNDS,
  seconds = DEFAULT_ROUND_SECONDS,
): Promise<Partial<Record<Side, number[]>>> {
  const present = (Object.entries(sides) as [Side, Round | undefined][]).filter(
    (entry): entry is [Side, Round] => entry[1] !== undefined,
  );
  const rates: Partial<Record<Side, number[]>> = {};
  for (const [name] of present) rates[name] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [name, work] of present) rates[name]!.push(await work(seconds));
  }
  return rates;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

/** The per-round ratios ours / theirs (both rates, so above 1 means ours is faster). */
export function roundRatios(ours: readonly number[], theirs: readonly number[]): Spread {
  return spread(ours.map((rate, round) => rate / theirs[round]!));
}

/** "3.21× PyTorch (2.90–3.55)": a spread of ratios as the bench prints it, `what` after the median. */
export function formatRatios(ratios: Spread, what: string): string {
  return `${ratios.median.toFixed(2)}× ${what} (${ratios.min.toFixed(2)}–${ratios.max.toFixed(2)})`;
}
